// deno-lint-ignore-file require-await -- coroutine functions stand for Python coroutines that need not await
// Translated from CPython Lib/test/test_asyncio/test_tasks.py (tasks, cancellation,
// current_task, all_tasks, sleep, ensure_future).
import assert from "node:assert/strict";
import * as asyncio from "../../lib/asyncio/mod.ts";
import { CancelledError } from "../../lib/exceptions.ts";

const isCancelled = (message?: string) => (e: unknown) => {
  assert.ok(e instanceof CancelledError, `expected CancelledError, got ${e}`);
  if (message !== undefined) assert.equal(e.message, message);
  return true;
};

Deno.test("createTask runs the coroutine later, FIFO, and returns its result", async () => {
  const order: string[] = [];
  const result = await asyncio.run(async () => {
    const loop = asyncio.getRunningLoop();
    const t1 = asyncio.createTask(async () => {
      order.push("t1");
      return 1;
    });
    loop.callSoon(() => order.push("soon"));
    const t2 = asyncio.createTask(async () => {
      order.push("t2");
      return 2;
    });
    order.push("main");
    assert.equal(t1.done(), false);
    return (await t1) + (await t2);
  });
  assert.equal(result, 3);
  assert.deepEqual(order, ["main", "t1", "soon", "t2"]);
});

Deno.test("tasks interleave at each sleep(0), in Python's order", async () => {
  const out: string[] = [];
  async function worker(name: string, n: number) {
    for (let i = 0; i < n; i++) {
      out.push(`${name}${i}`);
      await asyncio.sleep(0);
    }
  }
  await asyncio.run(() => asyncio.gather(() => worker("A", 3), () => worker("B", 3)));
  assert.deepEqual(out, ["A0", "B0", "A1", "B1", "A2", "B2"]);
});

Deno.test("createTask rejects a non-coroutine", async () => {
  await asyncio.run(async () => {
    assert.throws(() => asyncio.createTask(42 as never), TypeError);
    assert.throws(() => asyncio.createTask(null as never), TypeError);
  });
});

Deno.test("task names: Task-N by default, name option, setName", async () => {
  await asyncio.run(async () => {
    const a = asyncio.createTask(async () => {});
    const b = asyncio.createTask(async () => {}, { name: "named" });
    assert.match(a.getName(), /^Task-\d+$/);
    assert.equal(b.getName(), "named");
    b.setName("renamed");
    assert.equal(b.getName(), "renamed");
    await asyncio.gather(a, b);
    assert.match(String(b), /^<Task finished name='renamed' coro=<.*done> result=None>$/);
  });
});

Deno.test("cancel a sleeping task: CancelledError with the message, timer cleared", async () => {
  await asyncio.run(async () => {
    const task = asyncio.createTask(() => asyncio.sleep(10));
    await asyncio.sleep(0);
    assert.equal(task.cancel("my msg"), true);
    await assert.rejects(async () => await task, isCancelled("my msg"));
    assert.equal(task.cancelled(), true);
    assert.equal(task.cancel(), false);
  });
});

Deno.test("a task cancelled before its first step never runs its body", async () => {
  let ran = false;
  await asyncio.run(async () => {
    const task = asyncio.createTask(async () => {
      ran = true;
    });
    task.cancel();
    await assert.rejects(async () => await task, isCancelled());
  });
  assert.equal(ran, false);
});

Deno.test("cancel reaches the inner future the task awaits", async () => {
  await asyncio.run(async () => {
    const fut = new asyncio.Future<number>();
    const task = asyncio.createTask(async () => await fut);
    await asyncio.sleep(0);
    task.cancel();
    await assert.rejects(async () => await task, isCancelled());
    assert.equal(fut.cancelled(), true);
  });
});

Deno.test("cancelling the outer task cancels the awaited inner task", async () => {
  await asyncio.run(async () => {
    const inner = asyncio.createTask(() => asyncio.sleep(10));
    const outer = asyncio.createTask(async () => await inner);
    await asyncio.sleep(0);
    outer.cancel();
    await assert.rejects(async () => await outer, isCancelled());
    assert.equal(inner.cancelled(), true);
  });
});

Deno.test("a task that catches CancelledError and returns gets a result", async () => {
  await asyncio.run(async () => {
    const task = asyncio.createTask(async () => {
      try {
        await asyncio.sleep(10);
      } catch (e) {
        assert.ok(e instanceof CancelledError);
        return 42;
      }
      return 0;
    });
    await asyncio.sleep(0);
    task.cancel();
    assert.equal(await task, 42);
    assert.equal(task.cancelled(), false);
    assert.equal(task.cancelling(), 1);
  });
});

Deno.test("a task that ignores cancellation keeps running", async () => {
  await asyncio.run(async () => {
    const events: string[] = [];
    const task = asyncio.createTask(async () => {
      try {
        await asyncio.sleep(10);
      } catch {
        events.push("ignored");
      }
      await asyncio.sleep(0);
      events.push("still running");
      return "done";
    });
    await asyncio.sleep(0);
    task.cancel();
    assert.equal(await task, "done");
    assert.deepEqual(events, ["ignored", "still running"]);
  });
});

Deno.test("a task cancelling itself gets CancelledError at its next await", async () => {
  await asyncio.run(async () => {
    const steps: string[] = [];
    const task = asyncio.createTask(async () => {
      asyncio.currentTask()!.cancel();
      steps.push("after cancel");
      await asyncio.sleep(0);
      steps.push("never");
    });
    await assert.rejects(async () => await task, isCancelled());
    assert.deepEqual(steps, ["after cancel"]);
  });
});

Deno.test("a task that returns while a cancel is pending ends cancelled", async () => {
  await asyncio.run(async () => {
    const task = asyncio.createTask(async () => {
      asyncio.currentTask()!.cancel();
      return 12;
    });
    await assert.rejects(async () => await task, isCancelled());
    assert.equal(task.cancelled(), true);
  });
});

Deno.test("cancel after the awaited future completed but before the task resumed", async () => {
  await asyncio.run(async () => {
    const fut = new asyncio.Future<number>();
    const task = asyncio.createTask(async () => await fut);
    await asyncio.sleep(0);
    fut.setResult(1);
    task.cancel();
    await assert.rejects(async () => await task, isCancelled());
  });
});

Deno.test("cancelling() counts requests and uncancel() withdraws a pending one", async () => {
  await asyncio.run(async () => {
    const task = asyncio.createTask(async () => {
      const me = asyncio.currentTask()!;
      me.cancel();
      me.cancel();
      assert.equal(me.cancelling(), 2);
      assert.equal(me.uncancel(), 1);
      assert.equal(me.uncancel(), 0);
      await asyncio.sleep(0); // nothing pending any more
      return "ok";
    });
    assert.equal(await task, "ok");
    assert.equal(task.uncancel(), 0);
  });
});

Deno.test("Promise.all of pyconc futures in one task: cancel reaches them", async () => {
  await asyncio.run(async () => {
    const a = asyncio.sleep(10);
    const b = asyncio.sleep(10);
    const task = asyncio.createTask(() => Promise.all([a, b]));
    await asyncio.sleep(0);
    await asyncio.sleep(0);
    task.cancel();
    await assert.rejects(async () => await task, isCancelled());
    assert.equal(a.cancelled(), true);
    assert.equal(b.cancelled(), true);
  });
});

Deno.test("task signal aborts on cancel; currentSignal gives the current task's", async () => {
  await asyncio.run(async () => {
    let seen: AbortSignal | undefined;
    const task = asyncio.createTask(async () => {
      seen = asyncio.currentSignal();
      await new Promise<void>((resolve) => seen!.addEventListener("abort", () => resolve()));
      return "aborted";
    });
    await asyncio.sleep(0);
    assert.equal(seen, task.signal);
    assert.equal(seen!.aborted, false);
    task.cancel("stop");
    assert.equal(seen!.aborted, true);
    assert.ok(seen!.reason instanceof CancelledError);
    // The foreign await was not interrupted; the cancel is delivered when the task returns.
    await assert.rejects(async () => await task, isCancelled());
  });
  assert.equal(asyncio.currentSignal(), undefined);
});

Deno.test("a task wrapping a started foreign promise ends cancelled at once", async () => {
  await asyncio.run(async () => {
    let resolve!: (v: number) => void;
    const foreign = new Promise<number>((r) => (resolve = r));
    const task = asyncio.createTask(foreign);
    await asyncio.sleep(0);
    task.cancel();
    await assert.rejects(async () => await task, isCancelled());
    resolve(1);
  });
});

Deno.test("currentTask: inside tasks, not in callbacks or outside", async () => {
  assert.equal(asyncio.currentTask(), undefined);
  await asyncio.run(async () => {
    const main = asyncio.currentTask();
    assert.ok(main instanceof asyncio.Task);
    // Boxed: an async function returning a thenable (the task) would adopt it.
    const child = asyncio.createTask(async () => {
      await asyncio.sleep(0);
      return { task: asyncio.currentTask() };
    });
    assert.equal((await child).task, child);
    const selfAwait = asyncio.createTask(async () => await asyncio.currentTask());
    await assert.rejects(async () => await selfAwait, /cannot await on itself/);
    assert.equal(asyncio.currentTask(), main);
    const inCallback = new asyncio.Future<unknown>();
    asyncio.getRunningLoop().callSoon(() => inCallback.setResult(asyncio.currentTask()));
    assert.equal(await inCallback, undefined);
  });
});

Deno.test("allTasks lists the pending tasks of the loop", async () => {
  await asyncio.run(async () => {
    const main = asyncio.currentTask()!;
    const t = asyncio.createTask(() => asyncio.sleep(0.01));
    const all = asyncio.allTasks();
    assert.ok(all.has(main) && all.has(t));
    assert.equal(all.size, 2);
    await t;
    assert.deepEqual([...asyncio.allTasks()], [main]);
  });
});

Deno.test("run cancels leftover tasks and awaits them", async () => {
  const events: string[] = [];
  let leftover: asyncio.Task<void> | undefined;
  await asyncio.run(async () => {
    leftover = asyncio.createTask(async () => {
      try {
        await asyncio.sleep(10);
      } catch (e) {
        events.push(`cleanup ${(e as Error).name}`);
        throw e;
      }
    });
    await asyncio.sleep(0);
  });
  assert.deepEqual(events, ["cleanup CancelledError"]);
  assert.equal(leftover!.cancelled(), true);
});

Deno.test("run: errors, nested run, closed loop", async () => {
  await assert.rejects(
    () =>
      asyncio.run(async () => {
        throw new RangeError("main failed");
      }),
    RangeError,
  );
  await asyncio.run(async () => {
    await assert.rejects(() => asyncio.run(async () => {}), /cannot be called from a running/);
  });
  const loop = asyncio.newEventLoop();
  loop.close();
  assert.throws(() => loop.callSoon(() => {}), /Event loop is closed/);
});

Deno.test("Runner runs several coroutines in one loop and closes it", async () => {
  const runner = new asyncio.Runner();
  const loop = runner.getLoop();
  assert.equal(await runner.run(async () => 1), 1);
  assert.equal(await runner.run(async () => asyncio.getRunningLoop()), loop);
  await runner.close();
  assert.equal(loop.isClosed(), true);
  await assert.rejects(() => runner.run(async () => 2), /Runner is closed/);
});

Deno.test("sleep: result, negative delay, bad delay, real waiting", async () => {
  await asyncio.run(async () => {
    assert.equal(await asyncio.sleep(0, "r"), "r");
    assert.equal(await asyncio.sleep(-1, 5), 5);
    assert.throws(() => asyncio.sleep(NaN), TypeError);
    const loop = asyncio.getRunningLoop();
    const t0 = loop.time();
    await asyncio.sleep(0.02);
    assert.ok(loop.time() - t0 >= 0.015);
  });
});

Deno.test("sleep(0) yields one loop turn: callbacks scheduled before it run first", async () => {
  await asyncio.run(async () => {
    const order: string[] = [];
    asyncio.getRunningLoop().callSoon(() => order.push("soon"));
    setTimeout(() => order.push("timer"), 0);
    await asyncio.sleep(0);
    order.push("after sleep(0)");
    assert.deepEqual(order.slice(0, 1), ["soon"]);
    assert.ok(order.includes("after sleep(0)"));
    await asyncio.sleep(0.005);
  });
});

Deno.test("ensureFuture: futures as is, functions and promises as tasks", async () => {
  await asyncio.run(async () => {
    const f = new asyncio.Future<number>();
    assert.equal(asyncio.ensureFuture(f), f);
    const t = asyncio.ensureFuture(async () => 3);
    assert.ok(t instanceof asyncio.Task);
    assert.equal(await t, 3);
    assert.equal(await asyncio.ensureFuture(Promise.resolve(4)), 4);
    assert.throws(() => asyncio.ensureFuture(5 as never), TypeError);
    f.cancel();
  });
});

Deno.test("Task does not support setResult / setException", async () => {
  await asyncio.run(async () => {
    const t = asyncio.createTask(async () => 1);
    assert.throws(() => t.setResult(2), /does not support/);
    assert.throws(() => t.setException(new Error()), /does not support/);
    assert.equal(await t, 1);
    assert.equal(typeof t.getCoro(), "function");
  });
});

Deno.test("Task repr shows state, name and what it waits for", async () => {
  await asyncio.run(async () => {
    const fut = new asyncio.Future<void>();
    const t = asyncio.createTask(async function waiting() {
      await fut;
    }, { name: "w" });
    await asyncio.sleep(0);
    assert.equal(
      String(t),
      "<Task pending name='w' coro=<waiting() running> wait_for=<Future pending cb=[1]>>",
    );
    t.cancel();
    await assert.rejects(async () => await t, CancelledError);
    assert.equal(String(t), "<Task cancelled name='w' coro=<waiting() done>>");
  });
});
