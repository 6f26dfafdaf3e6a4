// Ports of CPython's test_concurrent_futures/test_executor.py, test_shutdown.py,
// test_thread_pool.py, test_process_pool.py and test_init.py.
import assert from "node:assert/strict";
import {
  asCompleted,
  BrokenExecutor,
  BrokenProcessPool,
  BrokenThreadPool,
  FIRST_COMPLETED,
  ProcessPoolExecutor,
  ThreadPoolExecutor,
  wait,
} from "../../lib/concurrent/futures/mod.ts";
import { CancelledError, TimeoutError } from "../../lib/exceptions.ts";
import { sleep } from "../../lib/time/mod.ts";
import {
  add,
  countCalls,
  countThenNap,
  divide,
  exitWorker,
  fail,
  getInitValue,
  init,
  initFail,
  mul,
  napThen,
  sleepThen,
  square,
  whoAmI,
  workerName,
} from "./fixtures/targets.ts";

const module = new URL("./fixtures/targets.ts", import.meta.url);

/** Waits (polling) until `pred()` holds; fails after 10 s. */
async function until(pred: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(pred(), "condition never held");
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

for (const Kind of [ThreadPoolExecutor, ProcessPoolExecutor]) {
  const kind = Kind.name;

  Deno.test(`${kind}: submit, map, errors, timeouts, asCompleted (test_executor.py)`, async () => {
    await using executor = new Kind({ maxWorkers: 2, module });
    // test_submit
    assert.equal(await executor.submit(add, 2, 3).result(), 5);
    assert.equal(await executor.submit(mul, 4, 5), 20, "awaitable");
    // A self-contained function that is not exported travels as source.
    assert.equal(await executor.submit((x: number) => x * 3, 7).result(), 21);
    // test_map
    assert.deepEqual(await collect(executor.map(square, [0, 1, 2, 3, 4, 5])), [0, 1, 4, 9, 16, 25]);
    assert.deepEqual(await collect(executor.map(add, [1, 2, 3], [10, 20])), [11, 22]);
    assert.deepEqual(
      await collect(
        executor.map(square, Array.from({ length: 50 }, (_, i) => i), { chunksize: 7 }),
      ),
      Array.from({ length: 50 }, (_, i) => i * i),
    );
    // Chunks of argument lists (two iterables), and of 100 numbers (sent packed).
    assert.deepEqual(
      await collect(executor.map(add, [1, 2, 3, 4, 5], [10, 20, 30, 40, 50], { chunksize: 2 })),
      [11, 22, 33, 44, 55],
    );
    const hundred = Array.from({ length: 100 }, (_, i) => i - 50.5);
    assert.deepEqual(
      await collect(executor.map(square, hundred, { chunksize: 100 })),
      hundred.map((x) => x * x),
    );
    // test_map_exception: results before the failure, then the error.
    const seen: number[] = [];
    await assert.rejects(async () => {
      for await (const x of executor.map(divide, [10, 10, 10], [5, 1, 0])) {
        seen.push(x);
      }
    }, /division by zero/);
    assert.deepEqual(seen, [2, 10]);
    // Errors keep their class and the remote stack.
    const err = await executor.submit(fail, "nope").exception() as Error & { remoteStack?: string };
    assert.ok(err instanceof RangeError);
    assert.equal(err.message, "nope");
    // test_map_timeout
    const results: number[] = [];
    await assert.rejects(async () => {
      for await (const x of executor.map(sleepThen, [0, 0, 0.6], [1, 2, 3], { timeout: 0.3 })) {
        results.push(x as number);
      }
    }, TimeoutError);
    assert.deepEqual(results, [1, 2]);
    // as_completed over real work
    const fs = [0.15, 0, 0.05].map((s, i) => executor.submit(sleepThen, s, i));
    const order: number[] = [];
    for await (const f of asCompleted(fs)) order.push(await f.result() as number);
    assert.deepEqual(order.sort(), [0, 1, 2]);
    assert.equal(order.length, 3);
    const { done, notDone } = await wait(
      [executor.submit(sleepThen, 0.3, "slow"), executor.submit(sleepThen, 0, "fast")],
      { returnWhen: FIRST_COMPLETED },
    );
    assert.equal(done.size, 1);
    assert.equal(await [...done][0].result(), "fast");
    await wait(notDone);
  });

  Deno.test(`${kind}: shutdown waits, refuses new work, cancelFutures (test_shutdown.py)`, async () => {
    const executor = new Kind({ maxWorkers: 1, module });
    const first = executor.submit(sleepThen, 0.1, "first");
    const queued = [1, 2, 3].map((i) => executor.submit(sleepThen, 0.05, i));
    await until(() => first.running());
    assert.equal(queued[2].running(), false);
    await executor.shutdown({ wait: true, cancelFutures: true });
    assert.equal(await first.result(), "first");
    assert.ok(queued.every((f) => f.done()));
    assert.ok(queued.some((f) => f.cancelled()), "pending futures were cancelled");
    assert.throws(() => executor.submit(add, 1, 1), /cannot schedule new futures after shutdown/);
    await executor.shutdown(); // twice is fine

    // shutdown(wait) without cancelling finishes everything.
    const e2 = new Kind({ maxWorkers: 2, module });
    const fs = [1, 2, 3, 4, 5].map((i) => e2.submit(sleepThen, 0.02, i));
    await e2.shutdown();
    assert.deepEqual(await Promise.all(fs.map((f) => f.result())), [1, 2, 3, 4, 5]);
  });

  Deno.test(`${kind}: cancel succeeds until a worker starts the call`, async () => {
    await using executor = new Kind({ maxWorkers: 1, module });
    const running = executor.submit(sleepThen, 0.15, "r");
    const waiting = executor.submit(sleepThen, 0, "w");
    await until(() => running.running());
    assert.equal(running.cancel(), false);
    assert.equal(waiting.cancel(), true);
    assert.equal(waiting.cancelled(), true);
    assert.equal(await running.result(), "r");
    // The worker is still usable afterwards.
    assert.equal(await executor.submit(add, 1, 1).result(), 2);
  });

  Deno.test(`${kind}: leaving a map loop early cancels the calls not started`, async () => {
    await using executor = new Kind({ maxWorkers: 1, module });
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const got: number[] = [];
    for await (
      const x of executor.map(countThenNap, [counter, counter, counter, counter], [0.2, 1, 1, 1])
    ) {
      got.push(x as number);
      break;
    }
    assert.deepEqual(got, [0.2]);
    await executor.shutdown();
    // The first call, perhaps the second (sent when the first ended); never the last two.
    assert.ok(Atomics.load(counter, 0) <= 2, `calls run: ${Atomics.load(counter, 0)}`);
  });

  Deno.test(`${kind}: cancel({ terminate: true }) stops a running call; its worker is replaced`, async () => {
    await using executor = new Kind({ maxWorkers: 1, module });
    const first = await executor.submit(workerName).result();
    const running = executor.submit(napThen, 60, "never");
    const queued = executor.submit(add, 2, 3);
    await until(() => running.running());
    assert.equal(running.cancel(), false, "Python's cancel() leaves a running call alone");
    const started = performance.now();
    assert.equal(running.cancel({ terminate: true }), true);
    assert.equal(running.cancelled(), true);
    assert.equal(running.done(), true);
    await assert.rejects(running.result(), CancelledError);
    assert.equal(await queued.result(), 5, "the call queued behind it ran elsewhere");
    assert.notEqual(await executor.submit(workerName).result(), first, "a new worker");
    assert.ok(performance.now() - started < 10_000);
    assert.equal(running.cancel({ terminate: true }), true, "already cancelled");
    const finished = executor.submit(add, 1, 1);
    await finished.result();
    assert.equal(finished.cancel({ terminate: true }), false, "finished");
  });

  Deno.test(`${kind}: initializer runs in each worker; a failing one breaks the pool (test_init.py)`, async () => {
    await using executor = new Kind({
      maxWorkers: 2,
      module,
      initializer: init,
      initargs: ["initialized"],
    });
    assert.equal(await executor.submit(getInitValue).result(), "initialized");

    const broken = new Kind({ maxWorkers: 2, module, initializer: initFail });
    const f = broken.submit(add, 1, 2);
    const error = await f.exception();
    assert.ok(error instanceof BrokenExecutor, String(error));
    assert.ok(
      error instanceof (kind === "ThreadPoolExecutor" ? BrokenThreadPool : BrokenProcessPool),
    );
    assert.throws(() => broken.submit(add, 1, 2), BrokenExecutor);
    await broken.shutdown();
  });
}

Deno.test("ThreadPoolExecutor: thread names follow Python (test_thread_pool.py)", async () => {
  await using e = new ThreadPoolExecutor(2, { module });
  const fs = [e.submit(sleepThen, 0.05, 0), e.submit(sleepThen, 0.05, 1)];
  await wait(fs);
  const names = (await Promise.all([1, 2, 3, 4].map(() => e.submit(workerName).result()))).sort();
  assert.equal(new Set(names).size, 2);
  for (const name of names) assert.match(name, /^ThreadPoolExecutor-\d+_[01]$/);
  const prefix = names[0].split("_")[0];
  assert.ok(names.every((n) => n.startsWith(prefix + "_")));

  await using named = new ThreadPoolExecutor({
    maxWorkers: 1,
    threadNamePrefix: "SpecialPool",
    module,
  });
  assert.equal(await named.submit(workerName).result(), "SpecialPool_0");
  const who = await named.submit(whoAmI).result();
  assert.equal(who.kind, "thread");
  assert.throws(() => new ThreadPoolExecutor(0), /max_workers must be greater than 0/);
  assert.throws(() => new ThreadPoolExecutor(-1), RangeError);
  assert.match(String(named), /^<ThreadPoolExecutor SpecialPool \[running, threads:1\/1/);
});

Deno.test("ThreadPoolExecutor: an idle thread takes a call queued behind a long one", async () => {
  await using executor = new ThreadPoolExecutor({ maxWorkers: 2, module });
  const long = executor.submit(napThen, 60, "long");
  const a = executor.submit(workerName);
  const b = executor.submit(workerName);
  // A blocking wait hands all three out before the threads start: one thread
  // gets [long, b], the other [a]. The one that finishes a takes b back.
  sleep(0);
  const names = [await a.result(), await b.result()];
  assert.equal(long.done(), false, "b did not wait behind the long call");
  assert.equal(names.length, 2);
  assert.equal(long.cancel({ terminate: true }), true);
});

Deno.test("ThreadPoolExecutor: starts threads only when none is idle", async () => {
  await using e = new ThreadPoolExecutor({ maxWorkers: 4, module });
  for (let i = 0; i < 3; i++) assert.equal(await e.submit(add, i, 1).result(), i + 1);
  assert.match(String(e), /threads:1\/4/);
});

Deno.test("ProcessPoolExecutor: a killed worker breaks the pool (test_process_pool.py)", async () => {
  const e = new ProcessPoolExecutor({ maxWorkers: 2, module });
  const slow = e.submit(sleepThen, 0.3, "slow");
  const dying = e.submit(exitWorker, 3);
  const err = await dying.exception();
  assert.ok(err instanceof BrokenProcessPool, String(err));
  assert.match((err as Error).message, /terminated abruptly/);
  assert.ok(await slow.exception() instanceof BrokenProcessPool);
  assert.throws(() => e.submit(add, 1, 1), BrokenProcessPool);
  await e.shutdown();
});

Deno.test("ProcessPoolExecutor: maxTasksPerChild replaces workers; names and kind", async () => {
  await using e = new ProcessPoolExecutor({ maxWorkers: 1, maxTasksPerChild: 2, module });
  const counts: number[] = [];
  for (let i = 0; i < 5; i++) counts.push(await e.submit(countCalls).result());
  assert.deepEqual(counts, [1, 2, 1, 2, 1]);
  const who = await e.submit(whoAmI).result();
  assert.equal(who.kind, "process");
  assert.match(who.name, /^SpawnProcess-\d+$/);
  assert.throws(() => new ProcessPoolExecutor({ maxTasksPerChild: 0 }), RangeError);
});
