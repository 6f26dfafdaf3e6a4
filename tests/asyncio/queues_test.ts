// deno-lint-ignore-file require-await -- coroutine functions stand for Python coroutines that need not await
// Translated from CPython Lib/test/test_asyncio/test_queues.py.
import assert from "node:assert/strict";
import * as asyncio from "../../lib/asyncio/mod.ts";
import { CancelledError } from "../../lib/exceptions.ts";

const tick = async (n = 1) => {
  for (let i = 0; i < n; i++) await asyncio.sleep(0);
};

Deno.test("Queue: repr, maxsize, empty, full, qsize", async () => {
  await asyncio.run(async () => {
    const q = new asyncio.Queue<number>();
    assert.equal(String(q), "<Queue maxsize=0>");
    assert.equal(q.maxsize, 0);
    assert.equal(q.empty(), true);
    assert.equal(q.full(), false);
    q.putNowait(1);
    q.putNowait(2);
    assert.equal(q.qsize(), 2);
    assert.equal(String(q), "<Queue maxsize=0 _queue=[1, 2] tasks=2>");
    const bounded = new asyncio.Queue<string>(1);
    bounded.putNowait("a");
    assert.equal(bounded.full(), true);
    assert.equal(String(bounded), "<Queue maxsize=1 _queue=['a'] tasks=1>");
    const getter = new asyncio.Queue<number>();
    const t = asyncio.createTask(() => getter.get());
    await tick();
    assert.equal(String(getter), "<Queue maxsize=0 _getters[1]>");
    t.cancel();
    await assert.rejects(async () => await t, CancelledError);
  });
});

Deno.test("Queue orders: FIFO, LIFO, priority (tuples compared like Python)", async () => {
  await asyncio.run(async () => {
    const fifo = new asyncio.Queue<number>();
    const lifo = new asyncio.LifoQueue<number>();
    const prio = new asyncio.PriorityQueue<number>();
    for (const i of [1, 3, 2]) {
      fifo.putNowait(i);
      lifo.putNowait(i);
      prio.putNowait(i);
    }
    const drain = (q: asyncio.Queue<number>) => [q.getNowait(), q.getNowait(), q.getNowait()];
    assert.deepEqual(drain(fifo), [1, 3, 2]);
    assert.deepEqual(drain(lifo), [2, 3, 1]);
    assert.deepEqual(drain(prio), [1, 2, 3]);
    const tuples = new asyncio.PriorityQueue<[number, string]>();
    for (const item of [[2, "b"], [1, "z"], [1, "a"], [3, "c"]] as [number, string][]) {
      await tuples.put(item);
    }
    const out: string[] = [];
    while (!tuples.empty()) out.push((await tuples.get())[1]);
    assert.deepEqual(out, ["a", "z", "b", "c"]);
    const custom = new asyncio.PriorityQueue<number>(0, { compare: (a, b) => b - a });
    custom.putNowait(1);
    custom.putNowait(5);
    assert.equal(custom.getNowait(), 5);
  });
});

Deno.test("Queue: getNowait / putNowait raise QueueEmpty / QueueFull", () => {
  const q = new asyncio.Queue<number>(1);
  assert.throws(() => q.getNowait(), asyncio.QueueEmpty);
  q.putNowait(1);
  assert.throws(() => q.putNowait(2), asyncio.QueueFull);
  assert.equal(new asyncio.QueueEmpty().name, "QueueEmpty");
});

Deno.test("Queue: get waits for put; put waits for room", async () => {
  await asyncio.run(async () => {
    const q = new asyncio.Queue<number>(1);
    const events: string[] = [];
    const getter = asyncio.createTask(async () => {
      const first = await q.get();
      events.push(`got ${first}`);
      const second = await q.get();
      events.push(`got ${second}`);
    });
    await tick();
    await q.put(1);
    events.push("put 1");
    await q.put(2); // waits until the getter took 1
    events.push("put 2");
    await getter;
    assert.deepEqual(events, ["put 1", "got 1", "put 2", "got 2"]);
  });
});

Deno.test("Queue: a blocking put resumes when a get makes room", async () => {
  await asyncio.run(async () => {
    const q = new asyncio.Queue<number>(2);
    q.putNowait(1);
    q.putNowait(2);
    const putter = asyncio.createTask(() => q.put(3));
    await tick();
    assert.equal(putter.done(), false);
    assert.equal(q.getNowait(), 1);
    await putter;
    assert.deepEqual([q.getNowait(), q.getNowait()], [2, 3]);
  });
});

Deno.test("Queue: a cancelled get never loses an item", async () => {
  await asyncio.run(async () => {
    const q = new asyncio.Queue<number>();
    const g1 = asyncio.createTask(() => q.get());
    const g2 = asyncio.createTask(() => q.get());
    await tick();
    q.putNowait(1); // wakes g1...
    g1.cancel(); // ...which is cancelled before taking it
    await assert.rejects(async () => await g1, CancelledError);
    assert.equal(await g2, 1);
    assert.equal(q.empty(), true);
  });
});

Deno.test("Queue: a cancelled put inserts nothing and wakes the next putter", async () => {
  await asyncio.run(async () => {
    const q = new asyncio.Queue<string>(1);
    q.putNowait("a");
    const p1 = asyncio.createTask(() => q.put("b"));
    const p2 = asyncio.createTask(() => q.put("c"));
    await tick();
    assert.equal(q.getNowait(), "a"); // wakes p1...
    p1.cancel(); // ...cancelled before putting
    await assert.rejects(async () => await p1, CancelledError);
    await p2;
    assert.equal(q.getNowait(), "c");
    assert.equal(q.empty(), true);
  });
});

Deno.test("Queue: taskDone / join", async () => {
  await asyncio.run(async () => {
    const q = new asyncio.Queue<number>();
    assert.throws(() => q.taskDone(), /called too many times/);
    for (let i = 0; i < 10; i++) q.putNowait(i);
    let total = 0;
    const worker = async () => {
      while (true) {
        const item = await q.get();
        total += item;
        q.taskDone();
      }
    };
    const workers = [asyncio.createTask(worker), asyncio.createTask(worker)];
    await q.join();
    assert.equal(total, 45);
    for (const w of workers) w.cancel();
    await asyncio.gather(...workers, { returnExceptions: true });
    await q.join(); // nothing unfinished: returns at once
  });
});

Deno.test("Queue.shutdown: put raises, get drains then raises, blocked callers wake", async () => {
  await asyncio.run(async () => {
    const q = new asyncio.Queue<number>(1);
    q.putNowait(1);
    const blockedPut = asyncio.createTask(() => q.put(2));
    const empty = new asyncio.Queue<number>();
    const blockedGet = asyncio.createTask(() => empty.get());
    await tick();
    q.shutdown();
    empty.shutdown();
    await assert.rejects(async () => await blockedPut, asyncio.QueueShutDown);
    await assert.rejects(async () => await blockedGet, asyncio.QueueShutDown);
    assert.throws(() => q.putNowait(3), asyncio.QueueShutDown);
    await assert.rejects(() => q.put(3), asyncio.QueueShutDown);
    assert.equal(await q.get(), 1);
    await assert.rejects(() => q.get(), asyncio.QueueShutDown);
    assert.throws(() => q.getNowait(), asyncio.QueueShutDown);
    assert.match(String(q), /shutdown/);
  });
});

Deno.test("Queue.shutdown(immediate): items dropped, join returns", async () => {
  await asyncio.run(async () => {
    const q = new asyncio.Queue<number>();
    q.putNowait(1);
    q.putNowait(2);
    const joiner = asyncio.createTask(() => q.join());
    await tick();
    q.shutdown(true);
    await joiner;
    assert.equal(q.empty(), true);
    await assert.rejects(() => q.get(), asyncio.QueueShutDown);
  });
});

Deno.test("Queue: a large backlog stays O(1) per operation", async () => {
  await asyncio.run(async () => {
    const q = new asyncio.Queue<number>();
    const n = 200_000;
    for (let i = 0; i < n; i++) q.putNowait(i);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += q.getNowait();
    assert.equal(sum, (n * (n - 1)) / 2);
    for (let i = 0; i < n; i++) q.taskDone();
  });
});

Deno.test("Queue: producer / consumer with a bounded queue keeps FIFO order", async () => {
  await asyncio.run(async () => {
    const q = new asyncio.Queue<number>(3);
    const got: number[] = [];
    const consumer = asyncio.createTask(async () => {
      for (let i = 0; i < 50; i++) got.push(await q.get());
    });
    for (let i = 0; i < 50; i++) await q.put(i);
    await consumer;
    assert.deepEqual(got, Array.from({ length: 50 }, (_, i) => i));
  });
});

Deno.test("Queue: a large backlog keeps FIFO order across its storage chunks", async () => {
  await asyncio.run(async () => {
    const q = new asyncio.Queue<number>();
    let next = 0;
    let expected = 0;
    // Bursts that cross chunk boundaries, empty the queue, and refill it.
    for (const [puts, gets] of [[5000, 4999], [3, 4], [2048, 1000], [1, 1049], [10, 10]]) {
      for (let i = 0; i < puts; i++) await q.put(next++);
      for (let i = 0; i < gets; i++) assert.equal(await q.get(), expected++);
      assert.equal(q.qsize(), next - expected);
    }
    assert.equal(q.empty(), true);
    for (let i = 0; i < 3; i++) q.putNowait(i);
    assert.match(String(q), /_queue=\[0, 1, 2\]/);
  });
});
