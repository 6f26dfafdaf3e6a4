// asyncio integration: loop.runInExecutor, asyncio.toThread, wrapFuture, and
// asyncio.run shutting the default executor down (test_asyncio/test_threads.py,
// test_events.py run_in_executor cases).
import assert from "node:assert/strict";
import * as asyncio from "../../lib/asyncio/mod.ts";
import { ProcessPoolExecutor, ThreadPoolExecutor } from "../../lib/concurrent/futures/mod.ts";
import { add, napThen, sleepThen, workerName } from "./fixtures/targets.ts";
import { TimeoutError } from "../../lib/exceptions.ts";

const module = new URL("./fixtures/targets.ts", import.meta.url);

Deno.test("runInExecutor(null) uses a default thread pool named asyncio_N; run() shuts it down", async () => {
  const names = await asyncio.run(async () => {
    const loop = asyncio.getRunningLoop();
    assert.equal(await loop.runInExecutor(null, (a: number, b: number) => a * b, 6, 7), 42);
    assert.equal(await loop.runInExecutor(null, add, 1, 2), 3);
    // The default executor ships functions from the main module, or as source.
    const name = await loop.runInExecutor(
      null,
      () =>
        // deno-lint-ignore no-explicit-any
        (globalThis as any)[Symbol.for("pyconc.workerInfo")].identity.name as string,
    );
    return [name];
  });
  assert.match(names[0], /^asyncio_\d+$/);
});

Deno.test("asyncio.toThread runs a function in the default executor (test_threads.py)", async () => {
  await asyncio.run(async () => {
    assert.equal(await asyncio.toThread(add, 2, 3), 5);
    await assert.rejects(
      async () =>
        await asyncio.toThread((x: number) => {
          throw new RangeError(`bad ${x}`);
        }, 1),
      (e: Error) => e instanceof RangeError && e.message === "bad 1",
    );
  });
});

Deno.test("runInExecutor with a ThreadPoolExecutor or a ProcessPoolExecutor", async () => {
  await using threads = new ThreadPoolExecutor({ maxWorkers: 2, module });
  await using processes = new ProcessPoolExecutor({ maxWorkers: 1, module });
  await asyncio.run(async () => {
    const loop = asyncio.getRunningLoop();
    const [a, b] = await asyncio.gather(
      loop.runInExecutor(threads, sleepThen, 0.02, "thread"),
      loop.runInExecutor(processes, sleepThen, 0.02, "process"),
    );
    assert.deepEqual([a, b], ["thread", "process"]);
  });
});

Deno.test("wrapFuture: a concurrent future as an asyncio future; cancelling it cancels the call", async () => {
  await using executor = new ThreadPoolExecutor({ maxWorkers: 1, module });
  await asyncio.run(async () => {
    const busy = executor.submit(sleepThen, 0.5, "busy");
    const queued = executor.submit(sleepThen, 0, "queued");
    const wrapped = asyncio.wrapFuture(queued);
    wrapped.cancel();
    await assert.rejects(async () => await wrapped, asyncio.CancelledError);
    await asyncio.sleep(0); // done callbacks run on the loop
    assert.equal(queued.cancelled(), true, "the pending call was cancelled");
    assert.equal(await asyncio.wrapFuture(busy), "busy");
  });
});

Deno.test("a cancelled toThread / runInExecutor call stops: waitFor as a per-call timeout", async () => {
  await using executor = new ThreadPoolExecutor({ maxWorkers: 1, module });
  await asyncio.run(async () => {
    const loop = asyncio.getRunningLoop();
    const first = await loop.runInExecutor(executor, workerName);
    const started = performance.now();
    await assert.rejects(
      asyncio.waitFor(loop.runInExecutor(executor, napThen, 60, "never"), 0.2),
      TimeoutError,
    );
    // The worker was stopped and replaced, so the next call does not wait 60 s.
    assert.notEqual(await loop.runInExecutor(executor, workerName), first);
    assert.ok(performance.now() - started < 10_000);
    // Cancelling the task that awaits the call stops it too.
    const task = asyncio.createTask(() => loop.runInExecutor(executor, napThen, 60, "never"));
    await asyncio.sleep(0.1);
    task.cancel();
    await assert.rejects(async () => await task, asyncio.CancelledError);
    assert.equal(await loop.runInExecutor(executor, add, 2, 2), 4);
  });
});
