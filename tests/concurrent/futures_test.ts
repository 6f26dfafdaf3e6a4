// Ports of CPython's test_concurrent_futures/test_future.py, test_wait.py and
// test_as_completed.py (the parts that do not need an executor).
import assert from "node:assert/strict";
import {
  ALL_COMPLETED,
  asCompleted,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  Future,
  wait,
} from "../../lib/concurrent/futures/mod.ts";
import { CancelledError, InvalidStateError, TimeoutError } from "../../lib/exceptions.ts";

function pending<T>(): Future<T> {
  return new Future<T>();
}
function running<T>(): Future<T> {
  const f = new Future<T>();
  f.setRunningOrNotifyCancel();
  return f;
}
function cancelled<T>(): Future<T> {
  const f = new Future<T>();
  f.cancel();
  return f;
}
function finished<T>(value: T): Future<T> {
  const f = new Future<T>();
  f.setResult(value);
  return f;
}
function failed<T = never>(error: Error): Future<T> {
  const f = new Future<T>();
  f.setException(error);
  return f;
}
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

Deno.test("Future states: done, running, cancelled (test_future.py)", () => {
  assert.equal(pending().done(), false);
  assert.equal(running().done(), false);
  assert.equal(running().running(), true);
  assert.equal(cancelled().done(), true);
  assert.equal(cancelled().cancelled(), true);
  assert.equal(finished(1).done(), true);
  assert.equal(finished(1).running(), false);
});

Deno.test("Future.cancel: true when pending or already cancelled, false once running or finished", () => {
  const f = pending();
  assert.equal(f.cancel(), true);
  assert.equal(f.cancel(), true);
  assert.equal(running().cancel(), false);
  assert.equal(finished(1).cancel(), false);
  assert.equal(failed(new Error("x")).cancel(), false);
  assert.equal(cancelled().setRunningOrNotifyCancel(), false);
  assert.throws(() => finished(1).setRunningOrNotifyCancel(), InvalidStateError);
});

Deno.test("Future.result / exception with timeout, cancellation and errors", async () => {
  assert.equal(await finished(7).result(), 7);
  assert.equal(await finished(7).exception(), undefined);
  const err = new RangeError("bad");
  await assert.rejects(failed(err).result(), (e) => e === err);
  assert.equal(await failed(err).exception(), err);
  await assert.rejects(cancelled().result(), CancelledError);
  await assert.rejects(cancelled().exception(), CancelledError);
  await assert.rejects(pending().result(0.01), TimeoutError);
  await assert.rejects(pending().exception(0), TimeoutError);
  const later = pending<string>();
  setTimeout(() => later.setResult("late"), 10);
  assert.equal(await later.result(5), "late");
  assert.equal(await later, "late", "a future is awaitable");
});

Deno.test("setResult / setException twice raise InvalidStateError", () => {
  const f = finished(1);
  assert.throws(() => f.setResult(2), InvalidStateError);
  assert.throws(() => f.setException(new Error("x")), InvalidStateError);
  assert.throws(() => cancelled().setResult(1), InvalidStateError);
});

Deno.test("done callbacks run once, in order, also when added after completion", () => {
  const f = pending<number>();
  const seen: string[] = [];
  f.addDoneCallback(() => seen.push("a"));
  f.addDoneCallback((x) => seen.push(`b:${x.done()}`));
  f.setResult(3);
  f.addDoneCallback(() => seen.push("c"));
  assert.deepEqual(seen, ["a", "b:true", "c"]);
  const c = pending();
  let called = false;
  c.addDoneCallback((x) => called = x.cancelled());
  c.cancel();
  assert.equal(called, true);
});

Deno.test("a raising done callback does not stop the others", () => {
  const f = pending();
  const seen: number[] = [];
  const original = console.error;
  const logged: unknown[] = [];
  console.error = (...args: unknown[]) => logged.push(args);
  try {
    f.addDoneCallback(() => {
      throw new Error("callback failed");
    });
    f.addDoneCallback(() => seen.push(1));
    f.setResult(1);
  } finally {
    console.error = original;
  }
  assert.deepEqual(seen, [1]);
  assert.equal(logged.length, 1);
});

Deno.test("repr shows the state and the result's type", () => {
  assert.match(String(pending()), /^<Future at 0x[0-9a-f]+ state=pending>$/);
  assert.match(String(running()), /state=running>$/);
  assert.match(String(cancelled()), /state=cancelled>$/);
  assert.match(String(finished(1)), /state=finished returned number>$/);
  assert.match(String(failed(new RangeError("x"))), /state=finished raised RangeError>$/);
});

Deno.test("wait: FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED (test_wait.py)", async () => {
  const done1 = finished(1);
  const p = pending<number>();
  const r1 = await wait([done1, p], { returnWhen: FIRST_COMPLETED });
  assert.deepEqual([...r1.done], [done1]);
  assert.deepEqual([...r1.notDone], [p]);

  const later = pending<number>();
  setTimeout(() => later.setResult(2), 5);
  const [d2, n2] = await wait([later, p], { returnWhen: FIRST_COMPLETED });
  assert.ok(d2.has(later) && n2.has(p));

  const exc = failed<number>(new Error("boom"));
  const r3 = await wait([finished(1), exc, p], { returnWhen: FIRST_EXCEPTION });
  assert.ok(r3.done.has(exc) && r3.notDone.has(p));

  // FIRST_EXCEPTION with no exception waits for all.
  const a = pending<number>(), b = pending<number>();
  setTimeout(() => a.setResult(1), 2);
  setTimeout(() => b.setResult(2), 6);
  const r4 = await wait([a, b], { returnWhen: FIRST_EXCEPTION });
  assert.equal(r4.done.size, 2);

  const c = cancelled<number>();
  const r5 = await wait([c, finished(3)], { returnWhen: ALL_COMPLETED });
  assert.equal(r5.done.size, 2);
  assert.equal(r5.notDone.size, 0);
});

Deno.test("wait with a timeout returns the unfinished ones instead of throwing", async () => {
  const p = pending<number>();
  const f = finished(1);
  const { done, notDone } = await wait([p, f], { timeout: 0.02 });
  assert.ok(done.has(f) && notDone.has(p));
  assert.throws(() => wait([p], { returnWhen: "NEVER" as never }), RangeError);
  assert.throws(() => wait([1 as never]), TypeError);
});

Deno.test("asCompleted yields done futures first, then in completion order (test_as_completed.py)", async () => {
  const a = pending<string>(), b = finished("b"), c = pending<string>();
  setTimeout(() => c.setResult("c"), 2);
  setTimeout(() => a.setResult("a"), 12);
  const order: string[] = [];
  for await (const f of asCompleted([a, b, c])) order.push(await f.result());
  assert.deepEqual(order, ["b", "c", "a"]);
});

Deno.test("asCompleted: duplicates are yielded once; a timeout raises TimeoutError", async () => {
  const f = finished(1);
  const got: unknown[] = [];
  for await (const x of asCompleted([f, f, f])) got.push(x);
  assert.equal(got.length, 1);

  const p = pending<number>();
  const yielded: unknown[] = [];
  await assert.rejects(async () => {
    for await (const x of asCompleted([finished(2), p], { timeout: 0.02 })) yielded.push(x);
  }, (e: Error) => e instanceof TimeoutError && /1 \(of 2\) futures unfinished/.test(e.message));
  assert.equal(yielded.length, 1);
  await tick();
});
