// deno-lint-ignore-file require-await
// Python-exact step order: a task's step runs until it waits on a pending
// future (or returns), as CPython's Task.__step does; awaiting a done future
// or an already free lock does not give other callbacks a turn. Every
// expected order below is what CPython 3.13 prints for the same program.

import assert from "node:assert/strict";
import { asyncio } from "../../mod.ts";

function doneFuture<T>(value: T): asyncio.Future<T> {
  const fut = new asyncio.Future<T>();
  fut.setResult(value);
  return fut;
}

Deno.test("a free Lock's acquire does not end the step (gather of two tasks)", async () => {
  const out: string[] = [];
  async function task(lock: asyncio.Lock, name: string): Promise<void> {
    out.push(`${name} wait`);
    await lock.acquire();
    out.push(`${name} got`);
    await asyncio.sleep(0);
    lock.release();
  }
  await asyncio.run(async () => {
    const lock = new asyncio.Lock();
    await asyncio.gather(() => task(lock, "a"), () => task(lock, "b"));
  });
  assert.deepEqual(out, ["a wait", "a got", "b wait", "b got"]);
});

Deno.test("a chain of awaits on done futures runs in one step", async () => {
  const out: string[] = [];
  await asyncio.run(async () => {
    const a = asyncio.createTask(async () => {
      out.push("a0");
      out.push(`a${await doneFuture(1)}`);
      try {
        const failed = new asyncio.Future<number>();
        failed.setException(new RangeError("2"));
        await failed;
      } catch (error) {
        out.push(`a${(error as Error).message}`);
      }
      await asyncio.sleep(0);
      out.push("a3");
    });
    const b = asyncio.createTask(async () => {
      out.push("b0");
      await asyncio.sleep(0);
      out.push("b1");
    });
    await asyncio.gather(a, b);
  });
  assert.deepEqual(out, ["a0", "a1", "a2", "b0", "a3", "b1"]);
});

Deno.test("an async helper awaiting done pyconc awaitables stays in the caller's step", async () => {
  const out: string[] = [];
  async function helper(lock: asyncio.Lock, name: string): Promise<string> {
    await doneFuture(0);
    await lock.acquire();
    lock.release();
    out.push(`${name} helper`);
    return name;
  }
  await asyncio.run(async () => {
    const lock = new asyncio.Lock();
    const task = (name: string) => async () => {
      out.push(`${name} start`);
      out.push(`${await helper(lock, name)} after`);
      await asyncio.sleep(0);
      out.push(`${name} end`);
    };
    await asyncio.gather(task("a"), task("b"));
  });
  assert.deepEqual(out, [
    "a start",
    "a helper",
    "a after",
    "b start",
    "b helper",
    "b after",
    "a end",
    "b end",
  ]);
});

Deno.test("awaiting a done task does not yield; awaiting a pending one does", async () => {
  const out: string[] = [];
  await asyncio.run(async () => {
    // Done by the time b awaits it: b continues in the same step.
    const a = asyncio.createTask(async () => {
      out.push("a");
      return 1;
    });
    const b = asyncio.createTask(async () => {
      out.push("b start");
      out.push(`b got ${await a}`);
    });
    const c = asyncio.createTask(async () => {
      out.push("c");
    });
    await asyncio.gather(a, b, c);
    out.push("--");
    // Pending when e awaits it: e waits; d and f run first.
    let d: asyncio.Task<number> | undefined = undefined;
    const e = asyncio.createTask(async () => {
      out.push("e start");
      out.push(`e got ${await d!}`);
    });
    d = asyncio.createTask(async () => {
      out.push("d");
      return 2;
    });
    const f = asyncio.createTask(async () => {
      out.push("f");
    });
    await asyncio.gather(d, e, f);
  });
  assert.deepEqual(out, ["a", "b start", "b got 1", "c", "--", "e start", "d", "f", "e got 2"]);
});

Deno.test("callSoon callbacks and task steps run in FIFO order", async () => {
  const out: string[] = [];
  await asyncio.run(async () => {
    const loop = asyncio.getRunningLoop();
    loop.callSoon(() => out.push("cb1"));
    const a = asyncio.createTask(async () => {
      out.push("a1");
      await doneFuture(0);
      out.push("a2");
      loop.callSoon(() => out.push("cb3"));
      await asyncio.sleep(0);
      out.push("a3");
    });
    loop.callSoon(() => out.push("cb2"));
    await a;
  });
  assert.deepEqual(out, ["cb1", "a1", "a2", "cb2", "cb3", "a3"]);
});

Deno.test("ready task steps keep FIFO order across yields", async () => {
  const out: string[] = [];
  await asyncio.run(async () => {
    const tasks = [0, 1, 2, 3].map((i) =>
      asyncio.createTask(async () => {
        out.push(`${i} start`);
        await doneFuture(i);
        out.push(`${i} mid`);
        await asyncio.sleep(0);
        out.push(`${i} end`);
      })
    );
    await asyncio.gather(...tasks);
  });
  assert.deepEqual(out, [
    ...[0, 1, 2, 3].flatMap((i) => [`${i} start`, `${i} mid`]),
    ...[0, 1, 2, 3].map((i) => `${i} end`),
  ]);
});

Deno.test("a woken waiter's step runs to its next pending await before the next waiter", async () => {
  const out: string[] = [];
  await asyncio.run(async () => {
    const event = new asyncio.Event();
    const waiter = (name: string) => async () => {
      await event.wait();
      out.push(`${name} woke`);
      await doneFuture(0);
      out.push(`${name} again`);
    };
    const tasks = [asyncio.createTask(waiter("a")), asyncio.createTask(waiter("b"))];
    await asyncio.sleep(0);
    event.set();
    await asyncio.gather(...tasks);
  });
  assert.deepEqual(out, ["a woke", "a again", "b woke", "b again"]);
});

Deno.test("a task awaiting a foreign promise does not stall the other tasks", async () => {
  const out: string[] = [];
  await asyncio.run(async () => {
    const a = asyncio.createTask(async () => {
      out.push("a1");
      await new Promise<void>((resolve) => setTimeout(resolve, 50));
      out.push("a2");
    });
    const b = asyncio.createTask(async () => {
      out.push("b1");
      await asyncio.sleep(0);
      out.push("b2");
    });
    await asyncio.gather(a, b);
  });
  assert.deepEqual(out, ["a1", "b1", "b2", "a2"]);
});

Deno.test("Queue.get that finds an item does not end the step", async () => {
  const out: string[] = [];
  await asyncio.run(async () => {
    const queue = new asyncio.Queue<number>();
    queue.putNowait(1);
    queue.putNowait(2);
    const consumer = (name: string) => async () => {
      out.push(`${name} got ${await queue.get()}`);
      out.push(`${name} next`);
    };
    await asyncio.gather(consumer("a"), consumer("b"));
  });
  assert.deepEqual(out, ["a got 1", "a next", "b got 2", "b next"]);
});
