// deno-lint-ignore-file require-await -- coroutine functions stand for Python coroutines that need not await
// Translated from CPython Lib/test/test_asyncio/test_taskgroups.py.
import assert from "node:assert/strict";
import * as asyncio from "../../lib/asyncio/mod.ts";
import { CancelledError, ExceptionGroup } from "../../lib/exceptions.ts";

Deno.test("TaskGroup: waits for every task; results through the tasks", async () => {
  await asyncio.run(async () => {
    let t1: asyncio.Task<number> | undefined;
    let t2: asyncio.Task<number> | undefined;
    const value = await asyncio.TaskGroup.run((tg) => {
      t1 = tg.createTask(() => asyncio.sleep(0.01, 42));
      t2 = tg.createTask(() => asyncio.sleep(0.02, 11));
      return "body";
    });
    assert.equal(value, "body");
    assert.equal(t1!.result(), 42);
    assert.equal(t2!.result(), 11);
  });
});

Deno.test("TaskGroup: a failing child cancels its siblings and the body", async () => {
  await asyncio.run(async () => {
    const events: string[] = [];
    let sibling: asyncio.Task<void> | undefined;
    try {
      await new asyncio.TaskGroup().run(async (tg) => {
        sibling = tg.createTask(async () => {
          try {
            await asyncio.sleep(10);
          } catch (e) {
            events.push("sibling cancelled");
            throw e;
          }
        });
        tg.createTask(async () => {
          await asyncio.sleep(0.005);
          throw new RangeError("child failed");
        });
        try {
          await asyncio.sleep(10);
        } catch (e) {
          events.push(`body ${(e as Error).name}`);
          throw e;
        }
      });
      assert.fail("no error");
    } catch (e) {
      assert.ok(e instanceof ExceptionGroup);
      assert.equal(e.message, "unhandled errors in a TaskGroup");
      assert.equal(e.exceptions.length, 1);
      assert.ok(e.exceptions[0] instanceof RangeError);
    }
    assert.equal(sibling!.cancelled(), true);
    assert.deepEqual(events.sort(), ["body CancelledError", "sibling cancelled"]);
    // The group took back its own cancel of the parent.
    assert.equal(asyncio.currentTask()!.cancelling(), 0);
  });
});

Deno.test("TaskGroup: every failure is collected", async () => {
  await asyncio.run(async () => {
    try {
      // Both fail in their first step: both steps run in one loop iteration,
      // before the group's done callback can cancel the second (two timers
      // racing would let the first failure cancel the other, in Python too).
      await asyncio.TaskGroup.run((tg) => {
        tg.createTask(() => {
          throw new RangeError("a");
        });
        tg.createTask(() => {
          throw new TypeError("b");
        });
      });
      assert.fail("no error");
    } catch (e) {
      assert.ok(e instanceof ExceptionGroup);
      assert.deepEqual(e.exceptions.map((x) => (x as Error).name).sort(), [
        "RangeError",
        "TypeError",
      ]);
    }
  });
});

Deno.test("TaskGroup: the body's error cancels the children and joins the group", async () => {
  await asyncio.run(async () => {
    let child: asyncio.Task<void> | undefined;
    try {
      await asyncio.TaskGroup.run(async (tg) => {
        child = tg.createTask(() => asyncio.sleep(10));
        await asyncio.sleep(0);
        throw new RangeError("body");
      });
      assert.fail("no error");
    } catch (e) {
      assert.ok(e instanceof ExceptionGroup);
      assert.equal(e.exceptions.length, 1);
      assert.ok(e.exceptions[0] instanceof RangeError);
    }
    assert.equal(child!.cancelled(), true);
  });
});

Deno.test("TaskGroup: a cancel from outside cancels the children and stays CancelledError", async () => {
  await asyncio.run(async () => {
    const children: asyncio.Task<void>[] = [];
    const runner = asyncio.createTask(() =>
      asyncio.TaskGroup.run(async (tg) => {
        children.push(tg.createTask(() => asyncio.sleep(10)));
        children.push(tg.createTask(() => asyncio.sleep(10)));
        await asyncio.sleep(10);
      })
    );
    await asyncio.sleep(0.005);
    runner.cancel();
    await assert.rejects(async () => await runner, CancelledError);
    assert.ok(children.every((c) => c.cancelled()));
  });
});

Deno.test("TaskGroup: cancelled while waiting for children at the exit", async () => {
  await asyncio.run(async () => {
    let child: asyncio.Task<void> | undefined;
    const runner = asyncio.createTask(() =>
      asyncio.TaskGroup.run((tg) => {
        child = tg.createTask(() => asyncio.sleep(10));
      })
    );
    await asyncio.sleep(0.005);
    runner.cancel();
    await assert.rejects(async () => await runner, CancelledError);
    assert.equal(child!.cancelled(), true);
  });
});

Deno.test("TaskGroup: a child cancelled on its own is not an error", async () => {
  await asyncio.run(async () => {
    await asyncio.TaskGroup.run(async (tg) => {
      const t = tg.createTask(() => asyncio.sleep(10));
      tg.createTask(() => asyncio.sleep(0.005));
      await asyncio.sleep(0);
      t.cancel();
    });
  });
});

Deno.test("TaskGroup.createTask: not entered, finished, shutting down", async () => {
  await asyncio.run(async () => {
    const tg = new asyncio.TaskGroup();
    assert.throws(() => tg.createTask(async () => {}), /has not been entered/);
    await tg.run(() => {});
    assert.throws(() => tg.createTask(async () => {}), /is finished/);
    await assert.rejects(() => tg.run(() => {}), /already been entered/);
    let lateError: unknown;
    await assert.rejects(() =>
      asyncio.TaskGroup.run(async (group) => {
        group.createTask(async () => {
          throw new RangeError("x");
        });
        try {
          await asyncio.sleep(10);
        } finally {
          try {
            group.createTask(async () => {});
          } catch (e) {
            lateError = e;
          }
        }
      }), ExceptionGroup);
    assert.match(String(lateError), /is shutting down/);
  });
});

Deno.test("TaskGroup: the children run in the group's order and see the parent's context", async () => {
  const { ContextVar } = await import("../../lib/contextvars/mod.ts");
  const v = new ContextVar<string>("v", { default: "none" });
  await asyncio.run(async () => {
    v.set("parent");
    const seen: string[] = [];
    await asyncio.TaskGroup.run((tg) => {
      for (const name of ["a", "b", "c"]) {
        tg.createTask(async () => {
          seen.push(`${name}:${v.get()}`);
          v.set(name);
        });
      }
    });
    assert.deepEqual(seen, ["a:parent", "b:parent", "c:parent"]);
    assert.equal(v.get(), "parent");
  });
});

Deno.test("TaskGroup outside a task raises", async () => {
  await assert.rejects(() => asyncio.TaskGroup.run(() => {}), /cannot determine the parent task/);
});
