// Ports of CPython's test_queue.py (BaseQueueTestMixin, QueueJoinTest,
// shutdown tests, SimpleQueue) for the shared-memory queues.
import assert from "node:assert/strict";
import {
  Empty,
  Full,
  LifoQueue,
  PriorityQueue,
  Queue,
  ShutDown,
  SimpleQueue,
} from "../../lib/queue/mod.ts";
import { ThreadPoolExecutor } from "../../lib/concurrent/futures/mod.ts";
import { CancelledError } from "../../lib/exceptions.ts";
import { consume, drainUntil, getWithTimeout, produce } from "./fixtures/queue_workers.ts";

const module = new URL("./fixtures/queue_workers.ts", import.meta.url);
const QUEUE_SIZE = 5;

function simpleQueueTest(q: Queue<number>, expected: number[]) {
  // BaseQueueTestMixin.simple_queue_test
  assert.ok(q.empty(), "queue should be empty");
  assert.equal(q.qsize(), 0);
  q.put(111);
  q.put(333);
  q.put(222);
  const got = [q.get(), q.get(), q.get()];
  assert.deepEqual(got, expected, "didn't get the right order");
  for (let i = 0; i < QUEUE_SIZE - 1; i++) {
    q.put(i);
    assert.ok(q.qsize() > 0);
  }
  assert.ok(!q.full());
  q.put(-1);
  assert.ok(q.full(), "queue should be full");
  assert.throws(() => q.put(-2, false), Full);
  assert.throws(() => q.put(-2, true, 0.01), Full);
  assert.throws(() => q.putNowait(-2), Full);
  for (let i = 0; i < QUEUE_SIZE; i++) q.get();
  assert.ok(q.empty());
  assert.throws(() => q.get(false), Empty);
  assert.throws(() => q.get(true, 0.01), Empty);
  assert.throws(() => q.getNowait(), Empty);
  assert.throws(() => q.get({ timeout: -1 }), /'timeout' must be a non-negative number/);
  assert.throws(() => q.put(1, { timeout: -1 }), RangeError);
}

Deno.test("Queue, LifoQueue, PriorityQueue: order, full, empty (test_queue.py)", () => {
  simpleQueueTest(new Queue<number>(QUEUE_SIZE), [111, 333, 222]);
  simpleQueueTest(new LifoQueue<number>(QUEUE_SIZE), [222, 333, 111]);
  simpleQueueTest(new PriorityQueue<number>(QUEUE_SIZE), [111, 222, 333]);
});

Deno.test("PriorityQueue orders tuples like Python and refuses incomparable items", () => {
  const q = new PriorityQueue<[number, string]>();
  for (const item of [[3, "c"], [1, "z"], [2, "b"], [1, "a"]] as [number, string][]) q.put(item);
  assert.deepEqual([q.get(), q.get(), q.get(), q.get()], [[1, "a"], [1, "z"], [2, "b"], [3, "c"]]);
  const mixed = new PriorityQueue<unknown>();
  mixed.put(1);
  mixed.put("x");
  assert.throws(() => mixed.get(), /'<' not supported between instances of/);
  assert.equal(mixed.qsize(), 2, "a failed comparison takes nothing");
});

Deno.test("items are copied; unsendable items fail at put and the queue stays usable", () => {
  const q = new Queue<unknown>();
  const value = {
    a: [1, 2, { b: "c" }],
    m: new Map([[1, 2]]),
    d: new Date(0),
    n: null,
    u: undefined,
  };
  q.put(value);
  const got = q.get() as typeof value;
  assert.deepEqual(got, value);
  assert.notEqual(got, value);
  assert.throws(
    () => q.put(() => 1),
    (e: Error) => e instanceof TypeError && /Cannot send/.test(e.message),
  );
  assert.throws(() => q.put({ f: Symbol("x") }), TypeError);
  assert.throws(
    () => q.put([new Queue()]),
    /should only be shared between processes through inheritance/,
  );
  q.put("still works");
  assert.equal(q.get(), "still works");
  const big = new Queue<string>(0, { capacity: 256 });
  assert.throws(() => big.put("x".repeat(1000)), /larger 'capacity'/);
  for (const v of [0, -1.5, NaN, Infinity, "", "é✓", true, false, 2n]) {
    q.put(v);
    assert.ok(Object.is(q.get(), v));
  }
});

Deno.test("taskDone and join (QueueJoinTest)", async () => {
  const q = new Queue<number>();
  assert.throws(() => q.taskDone(), /task_done\(\) called too many times/);
  q.put(1);
  q.put(2);
  assert.equal(q.unfinishedTasks, 2);
  q.get();
  q.taskDone();
  q.get();
  q.taskDone();
  q.join();
  await q.joinAsync();
  assert.throws(() => q.taskDone(), ValueErrorLike);
});

function ValueErrorLike(e: unknown): boolean {
  return e instanceof RangeError && (e as Error).name === "ValueError";
}

Deno.test("a queue shared with worker threads: producers, consumers, join", async () => {
  await using pool = new ThreadPoolExecutor({ maxWorkers: 3, module });
  const q = new Queue<number>(10);
  // Two consumer threads, the main thread produces (test_queue_task_done / join).
  const consumers = [pool.submit(consume, q, 50), pool.submit(consume, q, 50)];
  for (let i = 0; i < 100; i++) await q.putAsync(i);
  await q.joinAsync();
  const sums = await Promise.all(consumers.map((f) => f.result()));
  assert.equal(sums[0] + sums[1], (99 * 100) / 2);
  // A producer thread, the main thread consumes.
  const producer = pool.submit(produce, q, 30);
  let total = 0;
  for (let i = 0; i < 30; i++) total += await q.getAsync({ timeout: 10 });
  assert.equal(total, (29 * 30) / 2);
  assert.equal(await producer.result(), 30);
  // A blocking get in a worker times out with Empty.
  assert.equal(await pool.submit(getWithTimeout, q, 0.05).result(), "Empty");
  // A sentinel ends a consumer.
  const drained = pool.submit(drainUntil, q, "done");
  for (let i = 0; i < 5; i++) q.put(i);
  q.put("done" as never);
  assert.equal(await drained.result(), 5);
});

Deno.test("getAsync: a timeout or an abort takes nothing", async () => {
  const q = new Queue<string>();
  await assert.rejects(q.getAsync({ timeout: 0.02 }), Empty);
  const controller = new AbortController();
  const waiting = q.getAsync({ signal: controller.signal });
  setTimeout(() => controller.abort(), 5);
  await assert.rejects(waiting, CancelledError);
  q.put("kept");
  assert.equal(q.qsize(), 1, "the aborted get did not take the item");
  assert.equal(await q.getAsync(), "kept");
  const full = new Queue<number>(1);
  full.put(1);
  await assert.rejects(full.putAsync(2, { timeout: 0.02 }), Full);
  const later = full.putAsync(3);
  assert.equal(full.get(), 1);
  await later;
  assert.equal(full.get(), 3);
});

Deno.test("shutdown: put raises ShutDown, get drains then raises; immediate drops items", async () => {
  const q = new Queue<number>();
  q.put(1);
  q.put(2);
  q.shutdown();
  assert.throws(() => q.put(3), ShutDown);
  assert.equal(q.get(), 1);
  q.taskDone();
  assert.equal(q.get(), 2);
  q.taskDone();
  assert.throws(() => q.get(), ShutDown);
  await assert.rejects(q.getAsync(), ShutDown);

  const q2 = new Queue<number>();
  const waiter = q2.getAsync();
  q2.shutdown();
  await assert.rejects(waiter, ShutDown, "a waiting get is woken");

  const q3 = new Queue<number>();
  q3.put(1);
  q3.put(2);
  q3.shutdown(true);
  assert.equal(q3.qsize(), 0);
  assert.throws(() => q3.get(), ShutDown);
  q3.join(); // immediate shutdown released the tasks
});

Deno.test("SimpleQueue: put/get, nowait, empty (test_queue.py SimpleQueueTest)", () => {
  const q = new SimpleQueue<number>();
  assert.ok(q.empty());
  for (let i = 0; i < 10; i++) q.put(i);
  assert.equal(q.qsize(), 10);
  const got = [];
  for (let i = 0; i < 10; i++) got.push(q.getNowait());
  assert.deepEqual(got, [...Array(10).keys()]);
  assert.throws(() => q.get(false), Empty);
  assert.throws(() => q.get({ timeout: 0.01 }), Empty);
  assert.match(String(new Queue(3)), /^<Queue \[items:0, maxsize:3\]>$/);
});
