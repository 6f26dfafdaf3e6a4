// deno-lint-ignore-file require-await -- coroutine functions stand for Python coroutines that need not await
// Translated from CPython Lib/test/test_asyncio/test_futures.py.
import assert from "node:assert/strict";
import * as asyncio from "../../lib/asyncio/mod.ts";
import { CancelledError, InvalidStateError } from "../../lib/exceptions.ts";

Deno.test("Future: initial state, cancel", () => {
  const f = new asyncio.Future<number>();
  assert.equal(f.cancelled(), false);
  assert.equal(f.done(), false);
  assert.equal(f.cancel(), true);
  assert.equal(f.cancelled(), true);
  assert.equal(f.done(), true);
  assert.equal(f.cancel(), false);
  assert.throws(() => f.result(), CancelledError);
  assert.throws(() => f.exception(), CancelledError);
  assert.throws(() => f.setResult(1), InvalidStateError);
  assert.throws(() => f.setException(new Error()), InvalidStateError);
});

Deno.test("Future: result", () => {
  const f = new asyncio.Future<number>();
  assert.throws(() => f.result(), InvalidStateError);
  assert.throws(() => f.exception(), InvalidStateError);
  f.setResult(42);
  assert.equal(f.cancelled(), false);
  assert.equal(f.done(), true);
  assert.equal(f.result(), 42);
  assert.equal(f.exception(), undefined);
  assert.throws(() => f.setResult(3), InvalidStateError);
  assert.equal(f.cancel(), false);
});

Deno.test("Future: exception, and an error class is instantiated", () => {
  const exc = new RangeError();
  const f = new asyncio.Future<number>();
  f.setException(exc);
  assert.equal(f.done(), true);
  assert.throws(() => f.result(), (e) => e === exc);
  assert.equal(f.exception(), exc);
  assert.throws(() => f.setResult(3), InvalidStateError);
  assert.equal(f.cancel(), false);
  const g = new asyncio.Future<number>();
  g.setException(TypeError);
  assert.ok(g.exception() instanceof TypeError);
});

Deno.test("Future: await twice gives the same result; await a cancelled one raises", async () => {
  await asyncio.run(async () => {
    const f = new asyncio.Future<string>();
    asyncio.getRunningLoop().callSoon(() => f.setResult("x"));
    assert.equal(await f, "x");
    assert.equal(await f, "x");
    const c = new asyncio.Future<void>();
    c.cancel("my message");
    await assert.rejects(async () => await c, (e: unknown) => {
      assert.ok(e instanceof CancelledError);
      assert.equal(e.message, "my message");
      return true;
    });
  });
});

Deno.test("Future: repr", () => {
  const f = new asyncio.Future<number>();
  assert.equal(String(f), "<Future pending>");
  f.setResult(1);
  assert.equal(String(f), "<Future finished result=1>");
  const g = new asyncio.Future<number>();
  g.setException(new RangeError("bad"));
  assert.equal(String(g), "<Future finished exception=RangeError('bad')>");
  g.exception();
  const h = new asyncio.Future<number>();
  h.cancel();
  assert.equal(String(h), "<Future cancelled>");
});

Deno.test("Future: callbacks run FIFO on set_result, never inline", async () => {
  await asyncio.run(async () => {
    const bag: number[] = [];
    const f = new asyncio.Future<string>();
    f.addDoneCallback(() => bag.push(42));
    f.addDoneCallback(() => bag.push(17));
    f.addDoneCallback(() => bag.push(100));
    assert.deepEqual([...bag], []);
    f.setResult("foo");
    assert.deepEqual([...bag], []);
    await asyncio.sleep(0);
    assert.deepEqual([...bag], [42, 17, 100]);
    assert.equal(f.result(), "foo");
    // Added after done: scheduled, still not inline.
    f.addDoneCallback(() => bag.push(1));
    assert.deepEqual([...bag], [42, 17, 100]);
    await asyncio.sleep(0);
    assert.deepEqual([...bag], [42, 17, 100, 1]);
  });
});

Deno.test("Future: callbacks run on set_exception and on cancel", async () => {
  await asyncio.run(async () => {
    const seen: string[] = [];
    const f = new asyncio.Future<string>();
    f.addDoneCallback((fut) => seen.push(String((fut.exception() as Error).message)));
    f.setException(new Error("boom"));
    const g = new asyncio.Future<string>();
    g.addDoneCallback((fut) => seen.push(`cancelled=${fut.cancelled()}`));
    g.cancel();
    await asyncio.sleep(0);
    assert.deepEqual(seen, ["boom", "cancelled=true"]);
  });
});

Deno.test("Future: removeDoneCallback removes every registration", async () => {
  await asyncio.run(async () => {
    const bag: number[] = [];
    const f = new asyncio.Future<string>();
    const cb1 = () => bag.push(1);
    const cb2 = () => bag.push(2);
    const cb3 = () => bag.push(3);
    f.addDoneCallback(cb1);
    f.addDoneCallback(cb2);
    f.addDoneCallback(cb1);
    f.addDoneCallback(cb3);
    assert.equal(f.removeDoneCallback(cb1), 2);
    assert.equal(f.removeDoneCallback(cb1), 0);
    f.setResult("x");
    await asyncio.sleep(0);
    assert.deepEqual([...bag], [2, 3]);
  });
});

Deno.test("Future: done callbacks run in their context", async () => {
  const { ContextVar, copyContext } = await import("../../lib/contextvars/mod.ts");
  const v = new ContextVar<string>("v", { default: "outer" });
  await asyncio.run(async () => {
    const ctx = copyContext();
    ctx.run(() => v.set("inner"));
    const seen: string[] = [];
    const f = new asyncio.Future<void>();
    f.addDoneCallback(() => seen.push(v.get()), { context: ctx });
    f.addDoneCallback(() => seen.push(v.get()));
    f.setResult();
    await asyncio.sleep(0);
    assert.deepEqual(seen, ["inner", "outer"]);
  });
});

Deno.test("isFuture and wrapFuture", async () => {
  assert.equal(asyncio.isFuture(new asyncio.Future()), true);
  assert.equal(asyncio.isFuture(Promise.resolve()), false);
  assert.equal(asyncio.isFuture({ then() {} }), false);
  await asyncio.run(async () => {
    let cancelled = false;
    const source = Object.assign(new Promise<number>(() => {}), {
      cancel() {
        cancelled = true;
      },
    });
    const wrapped = asyncio.wrapFuture(source);
    wrapped.cancel();
    await asyncio.sleep(0);
    assert.equal(cancelled, true);
    assert.equal(await asyncio.wrapFuture(Promise.resolve(5)), 5);
    const failing = asyncio.wrapFuture(Promise.reject(new RangeError("no")));
    await assert.rejects(async () => await failing, RangeError);
    const f = new asyncio.Future<number>();
    assert.equal(asyncio.wrapFuture(f), f);
  });
  assert.throws(() => asyncio.wrapFuture(42 as never), TypeError);
});

Deno.test("Future: an exception never retrieved is reported when the loop closes", async () => {
  const reports: string[] = [];
  await asyncio.run(async () => {
    asyncio.getRunningLoop().setExceptionHandler((_loop, context) => {
      reports.push(`${context.message}: ${(context.exception as Error).message}`);
    });
    const f = new asyncio.Future<number>();
    f.setException(new Error("lost"));
    const g = new asyncio.Future<number>();
    g.setException(new Error("seen"));
    g.exception();
    const t = asyncio.createTask(async () => {
      throw new Error("task lost");
    });
    await asyncio.sleep(0);
    await asyncio.sleep(0);
    assert.equal(t.done(), true);
  });
  assert.deepEqual(reports.sort(), [
    "Future exception was never retrieved: lost",
    "Task exception was never retrieved: task lost",
  ]);
});
