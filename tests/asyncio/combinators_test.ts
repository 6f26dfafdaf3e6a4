// deno-lint-ignore-file require-await -- coroutine functions stand for Python coroutines that need not await
// Translated from CPython Lib/test/test_asyncio/test_tasks.py (gather, wait,
// as_completed, shield).
import assert from "node:assert/strict";
import * as asyncio from "../../lib/asyncio/mod.ts";
import { CancelledError, TimeoutError } from "../../lib/exceptions.ts";

Deno.test("gather: results in argument order, whatever the finishing order", async () => {
  await asyncio.run(async () => {
    const results = await asyncio.gather(
      () => asyncio.sleep(0.02, "a"),
      () => asyncio.sleep(0.01, "b"),
      asyncio.sleep(0, "c"),
      Promise.resolve("d"),
    );
    assert.deepEqual(results, ["a", "b", "c", "d"]);
  });
});

Deno.test("gather: no arguments gives an empty list; duplicates share one future", async () => {
  await asyncio.run(async () => {
    assert.deepEqual(await asyncio.gather(), []);
    let runs = 0;
    const fn = async () => ++runs;
    const t = asyncio.createTask(fn);
    assert.deepEqual(await asyncio.gather(t, t), [1, 1]);
    assert.equal(runs, 1);
  });
});

Deno.test("gather: the first exception propagates, the others keep running", async () => {
  await asyncio.run(async () => {
    const slow = asyncio.createTask(() => asyncio.sleep(0.02, "slow"));
    await assert.rejects(
      async () =>
        await asyncio.gather(slow, async () => {
          throw new RangeError("first");
        }),
      RangeError,
    );
    assert.equal(slow.cancelled(), false);
    assert.equal(await slow, "slow");
  });
});

Deno.test("gather returnExceptions: errors and CancelledErrors in the list", async () => {
  await asyncio.run(async () => {
    const cancelled = asyncio.createTask(() => asyncio.sleep(10));
    cancelled.cancel("gone");
    const results = await asyncio.gather(
      async () => 1,
      async () => {
        throw new RangeError("bad");
      },
      cancelled,
      { returnExceptions: true },
    );
    assert.equal(results[0], 1);
    assert.ok(results[1] instanceof RangeError);
    assert.ok(results[2] instanceof CancelledError);
    assert.equal((results[2] as CancelledError).message, "gone");
  });
});

Deno.test("gather: a child cancelled on its own raises CancelledError", async () => {
  await asyncio.run(async () => {
    const child = asyncio.createTask(() => asyncio.sleep(10));
    const outer = asyncio.gather(child, () => asyncio.sleep(0.01));
    await asyncio.sleep(0);
    child.cancel();
    await assert.rejects(async () => await outer, CancelledError);
  });
});

Deno.test("gather: cancelling the gather cancels every child", async () => {
  await asyncio.run(async () => {
    const a = asyncio.createTask(() => asyncio.sleep(10));
    const b = asyncio.createTask(() => asyncio.sleep(10));
    const outer = asyncio.gather(a, b);
    await asyncio.sleep(0);
    assert.equal(outer.cancel(), true);
    await assert.rejects(async () => await outer, CancelledError);
    assert.equal(a.cancelled(), true);
    assert.equal(b.cancelled(), true);
  });
});

Deno.test("gather: cancelling the awaiting task cancels the children", async () => {
  await asyncio.run(async () => {
    const children: asyncio.Task<void>[] = [];
    const parent = asyncio.createTask(async () => {
      children.push(asyncio.createTask(() => asyncio.sleep(10)));
      children.push(asyncio.createTask(() => asyncio.sleep(10)));
      await asyncio.gather(...children);
    });
    await asyncio.sleep(0);
    await asyncio.sleep(0);
    parent.cancel();
    await assert.rejects(async () => await parent, CancelledError);
    assert.ok(children.every((c) => c.cancelled()));
  });
});

Deno.test("wait: ALL_COMPLETED by default", async () => {
  await asyncio.run(async () => {
    const a = asyncio.createTask(() => asyncio.sleep(0.01, "a"));
    const b = asyncio.createTask(() => asyncio.sleep(0.02, "b"));
    const [done, pending] = await asyncio.wait([a, b]);
    assert.deepEqual(done, new Set([a, b]));
    assert.equal(pending.size, 0);
  });
});

Deno.test("wait: FIRST_COMPLETED returns early and cancels nothing", async () => {
  await asyncio.run(async () => {
    const a = asyncio.createTask(() => asyncio.sleep(0.01, "a"));
    const b = asyncio.createTask(() => asyncio.sleep(10, "b"));
    const [done, pending] = await asyncio.wait([b, a], { returnWhen: asyncio.FIRST_COMPLETED });
    assert.deepEqual(done, new Set([a]));
    assert.deepEqual(pending, new Set([b]));
    assert.equal(b.cancelled(), false);
    b.cancel();
  });
});

Deno.test("wait: FIRST_EXCEPTION returns at the first error", async () => {
  await asyncio.run(async () => {
    const bad = asyncio.createTask(async () => {
      await asyncio.sleep(0.01);
      throw new RangeError("x");
    });
    const slow = asyncio.createTask(() => asyncio.sleep(10));
    const [done, pending] = await asyncio.wait([bad, slow], {
      returnWhen: asyncio.FIRST_EXCEPTION,
    });
    assert.deepEqual(done, new Set([bad]));
    assert.deepEqual(pending, new Set([slow]));
    assert.ok(bad.exception() instanceof RangeError);
    slow.cancel();
  });
});

Deno.test("wait: a timeout returns [done, pending] without raising or cancelling", async () => {
  await asyncio.run(async () => {
    const a = asyncio.createTask(() => asyncio.sleep(0.005));
    const b = asyncio.createTask(() => asyncio.sleep(10));
    const [done, pending] = await asyncio.wait([a, b], { timeout: 0.03 });
    assert.deepEqual(done, new Set([a]));
    assert.deepEqual(pending, new Set([b]));
    assert.equal(b.cancelled(), false);
    b.cancel();
  });
});

Deno.test("wait: the sets hold the input's element type (tasks in, tasks out)", async () => {
  await asyncio.run(async () => {
    const a = asyncio.createTask(() => asyncio.sleep(0.001, "a"), { name: "A" });
    const b = asyncio.createTask(() => asyncio.sleep(10, "b"), { name: "B" });
    const [done, pending] = await asyncio.wait([a, b], { timeout: 0.05 });
    // Typed Set<Task<string>>: getName() and result() need no cast.
    const doneNames: string[] = [...done].map((t) => `${t.getName()}=${t.result()}`);
    const pendingNames: string[] = [...pending].map((t) => t.getName());
    assert.deepEqual(doneNames, ["A=a"]);
    assert.deepEqual(pendingNames, ["B"]);
    b.cancel();
    // A coroutine function is wrapped in a task: its set element is a Task.
    const [done2] = await asyncio.wait([async () => 5]);
    const [only] = [...done2];
    assert.ok(only instanceof asyncio.Task);
    assert.equal(only.result() + 1, 6);
  });
});

Deno.test("wait: bad arguments", async () => {
  await asyncio.run(async () => {
    await assert.rejects(() => asyncio.wait([]), RangeError);
    const f = new asyncio.Future<void>();
    await assert.rejects(() => asyncio.wait([f], { returnWhen: "bogus" as never }), RangeError);
    await assert.rejects(() => asyncio.wait(5 as never), TypeError);
    f.cancel();
  });
});

Deno.test("asCompleted yields the results in completion order", async () => {
  await asyncio.run(async () => {
    const a = asyncio.createTask(() => asyncio.sleep(0.03, "a"));
    const b = asyncio.createTask(() => asyncio.sleep(0.01, "b"));
    const c = asyncio.createTask(() => asyncio.sleep(0.02, "c"));
    const seen: string[] = [];
    for await (const result of asyncio.asCompleted([a, b, c])) seen.push(result);
    assert.deepEqual(seen, ["b", "c", "a"]);
  });
});

Deno.test("asCompleted raises a failed awaitable's error at its turn", async () => {
  await asyncio.run(async () => {
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (
        const result of asyncio.asCompleted([
          () => asyncio.sleep(0.01, "ok"),
          async () => {
            await asyncio.sleep(0.02);
            throw new RangeError("late");
          },
        ])
      ) seen.push(result);
    }, RangeError);
    assert.deepEqual(seen, ["ok"]);
  });
});

Deno.test("asCompleted: coroutine functions are wrapped", async () => {
  await asyncio.run(async () => {
    const seen: string[] = [];
    for await (
      const fut of asyncio.asCompleted([
        () => asyncio.sleep(0.02, "slow"),
        () => asyncio.sleep(0.01, "fast"),
      ])
    ) {
      seen.push(fut);
    }
    assert.deepEqual(seen, ["fast", "slow"]);
  });
});

Deno.test("asCompleted: timeout raises TimeoutError on the next iteration", async () => {
  await asyncio.run(async () => {
    const fast = asyncio.createTask(() => asyncio.sleep(0.005, "fast"));
    const slow = asyncio.createTask(() => asyncio.sleep(10, "slow"));
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (const result of asyncio.asCompleted([fast, slow], { timeout: 0.03 })) {
        seen.push(result);
      }
    }, TimeoutError);
    assert.deepEqual(seen, ["fast"]);
    slow.cancel();
  });
});

Deno.test("shield: cancelling the outer leaves the inner running", async () => {
  await asyncio.run(async () => {
    const inner = asyncio.createTask(() => asyncio.sleep(0.02, "kept"));
    const outer = asyncio.createTask(() => asyncio.shield(inner));
    await asyncio.sleep(0);
    await asyncio.sleep(0);
    outer.cancel();
    await assert.rejects(async () => await outer, CancelledError);
    assert.equal(inner.cancelled(), false);
    assert.equal(await inner, "kept");
  });
});

Deno.test("shield: result, exception, inner cancelled, done inner returned as is", async () => {
  await asyncio.run(async () => {
    assert.equal(await asyncio.shield(() => asyncio.sleep(0, 5)), 5);
    const failing = asyncio.createTask(async () => {
      throw new RangeError("no");
    });
    await assert.rejects(async () => await asyncio.shield(failing), RangeError);
    const inner = asyncio.createTask(() => asyncio.sleep(10));
    const outer = asyncio.shield(inner);
    inner.cancel();
    await assert.rejects(async () => await outer, CancelledError);
    assert.equal(outer.cancelled(), true);
    const done = new asyncio.Future<number>();
    done.setResult(1);
    assert.equal(asyncio.shield(done), done);
  });
});
