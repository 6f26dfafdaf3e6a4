// deno-lint-ignore-file require-await -- coroutine functions stand for Python coroutines that need not await
// Translated from CPython Lib/test/test_asyncio/test_base_events.py and
// test_events.py (call_soon, call_later, call_at, handles, executors,
// exception handler, debug mode).
import assert from "node:assert/strict";
import * as asyncio from "../../lib/asyncio/mod.ts";
import { _liveTimers } from "../../lib/asyncio/events.ts";
import { CancelledError } from "../../lib/exceptions.ts";

Deno.test("callSoon: FIFO, with arguments; a cancelled handle does not run", async () => {
  await asyncio.run(async () => {
    const loop = asyncio.getRunningLoop();
    const calls: string[] = [];
    loop.callSoon((a: string, b: number) => calls.push(`${a}${b}`), "x", 1);
    const h = loop.callSoon(() => calls.push("cancelled"));
    loop.callSoon(() => calls.push("last"));
    h.cancel();
    assert.equal(h.cancelled(), true);
    await asyncio.sleep(0);
    assert.deepEqual(calls, ["x1", "last"]);
    assert.throws(() => loop.callSoon("nope" as never), TypeError);
  });
});

Deno.test("callLater / callAt: run in deadline order; when(); cancel", async () => {
  await asyncio.run(async () => {
    const loop = asyncio.getRunningLoop();
    const calls: string[] = [];
    const done = loop.createFuture<void>();
    const t0 = loop.time();
    // Deadlines 45 ms apart at least: a loaded machine may pause between the
    // registrations below (5 ms apart once flipped two of them).
    loop.callLater(0.1, () => {
      calls.push("later 0.1");
      done.setResult();
    });
    loop.callAt(t0 + 0.05, () => calls.push("at +0.05"));
    loop.callLater(0.005, () => calls.push("later 0.005"));
    const cancelled = loop.callLater(0.001, () => calls.push("never"));
    assert.ok(cancelled.when() >= t0 && cancelled.when() <= loop.time() + 0.001);
    cancelled.cancel();
    await done;
    assert.deepEqual(calls, ["later 0.005", "at +0.05", "later 0.1"]);
    assert.ok(loop.time() - t0 >= 0.099);
  });
});

Deno.test("timers due together run in one batch (Python's _run_once)", async () => {
  await asyncio.run(async () => {
    const loop = asyncio.getRunningLoop();
    const calls: string[] = [];
    const when = loop.time() + 0.01;
    loop.callAt(when, () => {
      calls.push("first");
      loop.callSoon(() => calls.push("soon from first"));
    });
    loop.callAt(when, () => calls.push("second"));
    await asyncio.sleep(0.03);
    assert.deepEqual(calls, ["first", "second", "soon from first"]);
  });
});

Deno.test("getRunningLoop outside a loop raises; getEventLoop gives the default loop", () => {
  assert.throws(() => asyncio.getRunningLoop(), /no running event loop/);
  const loop = asyncio.getEventLoop();
  assert.equal(loop.isRunning(), false);
  assert.equal(asyncio.getEventLoop(), loop);
});

Deno.test("runUntilComplete, isRunning, isClosed, runForever / stop", async () => {
  const loop = asyncio.newEventLoop();
  assert.equal(loop.isRunning(), false);
  assert.equal(
    await loop.runUntilComplete(async () => {
      assert.equal(asyncio.getRunningLoop(), loop);
      return loop.isRunning();
    }),
    true,
  );
  assert.equal(loop.isRunning(), false);
  loop.callLater(0.005, () => loop.stop());
  await loop.runForever();
  loop.close();
  assert.equal(loop.isClosed(), true);
  await assert.rejects(() => loop.runUntilComplete(async () => 1), /closed/);
});

Deno.test("runInExecutor: any object with submit(); errors and cancel pass through", async () => {
  const submitted: unknown[][] = [];
  let cancelCalls = 0;
  const executor = {
    submit(fn: (...args: number[]) => number, ...args: number[]) {
      submitted.push(args);
      const p = new Promise<number>((resolve, reject) => {
        setTimeout(() => {
          try {
            resolve(fn(...args));
          } catch (e) {
            reject(e);
          }
        }, 1);
      });
      return Object.assign(p, {
        cancel() {
          cancelCalls++;
          return true;
        },
      });
    },
  };
  await asyncio.run(async () => {
    const loop = asyncio.getRunningLoop();
    assert.equal(await loop.runInExecutor(executor, (a: number, b: number) => a * b, 6, 7), 42);
    await assert.rejects(
      async () =>
        await loop.runInExecutor(executor, () => {
          throw new RangeError("in executor");
        }),
      RangeError,
    );
    const fut = loop.runInExecutor(executor, () => 1);
    fut.cancel();
    await assert.rejects(async () => await fut, CancelledError);
    await asyncio.sleep(0.01);
    assert.equal(cancelCalls, 1);
    assert.deepEqual(submitted[0], [6, 7]);
    assert.throws(() => loop.runInExecutor({} as never, () => 1), TypeError);
  });
});

Deno.test("setDefaultExecutor: used by runInExecutor(null), shut down by run()", async () => {
  const events: string[] = [];
  const executor = {
    submit(fn: () => string) {
      events.push("submit");
      return Promise.resolve(fn());
    },
    shutdown(wait?: boolean) {
      events.push(`shutdown wait=${wait}`);
    },
  };
  await asyncio.run(async () => {
    const loop = asyncio.getRunningLoop();
    loop.setDefaultExecutor(executor);
    assert.equal(await loop.runInExecutor(null, () => "ok"), "ok");
    assert.throws(() => loop.setDefaultExecutor({} as never), TypeError);
  });
  assert.deepEqual(events, ["submit", "shutdown wait=true"]);
});

Deno.test("an exception in a callback goes to the exception handler", async () => {
  await asyncio.run(async () => {
    const loop = asyncio.getRunningLoop();
    const contexts: asyncio.ExceptionContext[] = [];
    loop.setExceptionHandler((l, context) => {
      assert.equal(l, loop);
      contexts.push(context);
    });
    assert.ok(loop.getExceptionHandler());
    loop.callSoon(function failing() {
      throw new RangeError("cb failed");
    });
    loop.callSoon(() => contexts.push({ message: "after" }));
    await asyncio.sleep(0);
    assert.equal(contexts.length, 2);
    assert.match(contexts[0].message, /^Exception in callback <Handle failing\(\)>/);
    assert.ok(contexts[0].exception instanceof RangeError);
    assert.equal(contexts[1].message, "after");
    loop.setExceptionHandler(null);
    assert.equal(loop.getExceptionHandler(), undefined);
  });
});

Deno.test("the default handler writes to asyncio.logger.error", async () => {
  const saved = asyncio.logger.error;
  const lines: string[] = [];
  asyncio.logger.error = (message) => lines.push(message);
  try {
    await asyncio.run(async () => {
      asyncio.createTask(async () => {
        throw new RangeError("nobody looked");
      }, { name: "forgotten" });
      await asyncio.sleep(0);
      await asyncio.sleep(0);
    });
  } finally {
    asyncio.logger.error = saved;
  }
  assert.equal(lines.length, 1);
  assert.match(
    lines[0],
    /^Task exception was never retrieved\nfuture: <Task finished name='forgotten'/,
  );
  assert.match(lines[0], /RangeError: nobody looked/);
});

Deno.test("debug mode reports slow callbacks", async () => {
  const saved = asyncio.logger.warning;
  const lines: string[] = [];
  asyncio.logger.warning = (message) => lines.push(message);
  try {
    await asyncio.run(async () => {
      const loop = asyncio.getRunningLoop();
      assert.equal(loop.getDebug(), true);
      loop.slowCallbackDuration = 0.005;
      loop.callSoon(function slow() {
        const end = performance.now() + 30;
        while (performance.now() < end) { /* busy */ }
      });
      loop.callSoon(function fast() {});
      await asyncio.sleep(0);
    }, { debug: true });
  } finally {
    asyncio.logger.warning = saved;
  }
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^Executing <Handle slow\(\)> took \d+\.\d{3} seconds$/);
});

Deno.test("loop repr and debug property", async () => {
  const loop = asyncio.newEventLoop();
  assert.equal(String(loop), "<EventLoop running=False closed=False debug=False>");
  loop.debug = true;
  assert.equal(String(loop), "<EventLoop running=False closed=False debug=True>");
  await loop.runUntilComplete(async () => {
    await asyncio.sleep(0);
    assert.equal(String(loop), "<EventLoop running=True closed=False debug=True>");
  });
  assert.equal(loop.getDebug(), true);
  loop.setDebug(false);
  assert.equal(loop.debug, false);
  loop.close();
  assert.equal(String(loop), "<EventLoop running=False closed=True debug=False>");
});

Deno.test("debug mode reports a slow task step as the task", async () => {
  const saved = asyncio.logger.warning;
  const lines: string[] = [];
  asyncio.logger.warning = (message) => lines.push(message);
  try {
    await asyncio.run(async () => {
      asyncio.getRunningLoop().slowCallbackDuration = 0.005;
      await asyncio.createTask(async function busy() {
        const end = performance.now() + 30;
        while (performance.now() < end) { /* busy */ }
      }, { name: "busy-task" });
    }, { debug: true });
  } finally {
    asyncio.logger.warning = saved;
  }
  assert.ok(
    lines.some((l) => /^Executing <Task .*name='busy-task'.*> took \d+\.\d{3} seconds$/.test(l)),
    lines.join("\n"),
  );
});

Deno.test("debug mode times a task step in real seconds, up to the await that parks it", async () => {
  const saved = asyncio.logger.warning;
  const lines: string[] = [];
  asyncio.logger.warning = (message) => lines.push(message);
  try {
    await asyncio.run(async () => {
      asyncio.getRunningLoop().slowCallbackDuration = 0.02;
      const done = new asyncio.Future<void>();
      done.setResult();
      await asyncio.createTask(async function busy() {
        // Awaiting a done future does not end the step: the busy part counts.
        await done;
        const end = performance.now() + 40;
        while (performance.now() < end) { /* busy */ }
        await asyncio.sleep(0);
      }, { name: "busy-after-await" });
    }, { debug: true });
  } finally {
    asyncio.logger.warning = saved;
  }
  const line = lines.find((l) => l.includes("name='busy-after-await'"));
  assert.ok(line, lines.join("\n"));
  const seconds = Number(/took (\d+\.\d{3}) seconds$/.exec(line)![1]);
  assert.ok(seconds >= 0.035 && seconds < 5, line);
});

Deno.test("closing the loop drops timers nobody awaits (the program can exit)", async () => {
  let leftover: asyncio.Future<void> | undefined;
  await asyncio.run(async () => {
    leftover = asyncio.sleep(100);
    asyncio.getRunningLoop().callLater(100, () => {});
  });
  assert.equal(leftover!.done(), false);
  assert.equal(_liveTimers(), 0);
});

Deno.test("runForever keeps the program alive until stop() from a foreign callback", async () => {
  const loop = asyncio.newEventLoop();
  const stopper = new Promise<void>((resolve) =>
    queueMicrotask(() => {
      setTimeout(() => {
        loop.stop();
        resolve();
      }, 5);
    })
  );
  await loop.runForever();
  await stopper;
  assert.equal(loop.isRunning(), false);
  loop.close();
});
