// Ports of CPython's _test_multiprocessing.py _TestQueue (test_put, test_get,
// test_fork, test_qsize, test_task_done, test_closed_queue_put_get_exceptions).
import assert from "node:assert/strict";
import { JoinableQueue, Queue, SimpleQueue } from "../../lib/multiprocessing/queues.ts";
import { Empty, Full } from "../../lib/queue/mod.ts";
import { Pool } from "../../lib/multiprocessing/pool.ts";
import { getAndDone, putAll } from "./fixtures/pipe_workers.ts";

const module = new URL("./fixtures/pipe_workers.ts", import.meta.url);

Deno.test("multiprocessing.Queue: put/get, full/empty, timeouts (_TestQueue.test_put/test_get)", () => {
  const q = new Queue<number>(6);
  assert.ok(q.empty());
  assert.ok(!q.full());
  for (let i = 1; i <= 6; i++) q.put(i);
  assert.ok(q.full());
  assert.equal(q.qsize(), 6);
  assert.throws(() => q.put(7, false), Full);
  assert.throws(() => q.put(7, true, 0.02), Full);
  assert.throws(() => q.putNowait(7), Full);
  const got = [
    q.get(),
    q.get(true),
    q.get(true, null),
    q.get(false),
    q.get(true, 1),
    q.getNowait(),
  ];
  assert.deepEqual(got, [1, 2, 3, 4, 5, 6]);
  assert.ok(q.empty());
  assert.throws(() => q.get(false), Empty);
  assert.throws(() => q.get(true, 0.02), Empty);
  assert.match(String(q), /^<multiprocessing.Queue \[items:0, maxsize:6\]>$/);
});

Deno.test("multiprocessing.Queue: closed queue and unsendable items", () => {
  const q = new Queue<unknown>();
  assert.throws(() => q.joinThread(), /not closed/);
  assert.throws(() => q.put(() => 1), TypeError);
  q.put("ok");
  assert.equal(q.get(), "ok");
  q.close();
  assert.throws(() => q.put(1), /is closed/);
  q.joinThread();
  q.cancelJoinThread();
});

Deno.test("multiprocessing queues cross workers (_TestQueue.test_fork, test_task_done)", async () => {
  await using pool = new Pool(2, { module });
  const q = new Queue<number>();
  // Items put in a child are seen by the parent, in order.
  assert.equal(await pool.apply(putAll, [q, [0, 1, 2, 3, 4]]), 5);
  assert.deepEqual([0, 1, 2, 3, 4].map(() => q.get({ timeout: 5 })), [0, 1, 2, 3, 4]);

  const jq = new JoinableQueue<number>();
  const workers = [pool.applyAsync(getAndDone, [jq, 5]), pool.applyAsync(getAndDone, [jq, 5])];
  for (let i = 0; i < 10; i++) jq.put(i);
  await jq.joinAsync();
  const got = (await Promise.all(workers.map((w) => w.get()))).flat().sort((a, b) => a - b);
  assert.deepEqual(got, [...Array(10).keys()]);
  assert.throws(() => jq.taskDone(), /called too many times/);

  const sq = new SimpleQueue<string>();
  await pool.apply(putAll, [sq as never, ["a", "b"]]);
  assert.equal(sq.get(), "a");
  assert.equal(await sq.getAsync(), "b");
  assert.ok(sq.empty());
  sq.close();
  assert.throws(() => sq.get(), /closed/);
});

Deno.test("multiprocessing.Queue: an async get that times out takes nothing", async () => {
  const q = new Queue<number>();
  await assert.rejects(q.getAsync({ timeout: 0.02 }), Empty);
  q.put(1);
  assert.equal(await q.getAsync({ timeout: 1 }), 1);
});
