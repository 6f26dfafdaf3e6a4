// Ports of lock_tests.py's SemaphoreTests and BoundedSemaphoreTests.
import assert from "node:assert/strict";
import { multiprocessing, threading } from "../../mod.ts";
import * as targets from "./fixtures/targets.ts";

const { BoundedSemaphore, Semaphore, Thread } = threading;

Deno.test("Semaphore: constructor checks its value", () => {
  assert.throws(() => new Semaphore(-1), {
    name: "ValueError",
    message: "Cannot create semaphore as 'value' must be at least 0: current value is -1",
  });
  assert.throws(() => new BoundedSemaphore(-1), RangeError);
  assert.throws(() => new Semaphore(1.5), TypeError);
  new Semaphore(0);
  new BoundedSemaphore(0);
});

Deno.test("Semaphore: acquire, try_acquire, default value, using", () => {
  const sem = new Semaphore();
  assert.equal(sem.value, 1);
  assert.ok(sem.acquire());
  assert.equal(sem.acquire(false), false);
  sem.release();
  const s3 = new Semaphore(3);
  assert.ok(s3.acquire(false) && s3.acquire(false) && s3.acquire(false));
  assert.equal(s3.acquire(false), false);
  s3.release(3);
  assert.equal(s3.value, 3);
  {
    using _ = s3.acquire();
    assert.equal(s3.value, 2);
  }
  assert.equal(s3.value, 3);
  assert.equal(String(s3), "<Semaphore [value=3]>");
  assert.throws(() => s3.release(0), RangeError);
  assert.throws(() => s3.acquire(false, 1), { name: "ValueError" });
});

Deno.test("Semaphore: acquire with a timeout", async () => {
  const sem = new Semaphore(0);
  assert.equal(sem.acquire(true, 0.02), false);
  assert.equal(sem.acquire({ timeout: 0 }), false);
  assert.equal(await sem.acquireAsync(true, 0.01), false);
  setTimeout(() => sem.release(), 10);
  assert.ok(await sem.acquireAsync(true, 5));
});

Deno.test("Semaphore: a plain semaphore may be released above its start", () => {
  const sem = new Semaphore(1);
  sem.release();
  assert.equal(sem.value, 2);
});

Deno.test("BoundedSemaphore: releasing too often raises ValueError", () => {
  const sem = new BoundedSemaphore(2);
  assert.throws(() => sem.release(), {
    name: "ValueError",
    message: "Semaphore released too many times",
  });
  sem.acquire();
  sem.release();
  assert.throws(() => sem.release(), RangeError);
  sem.acquire();
  sem.acquire();
  assert.throws(() => sem.release(3), RangeError);
  sem.release(2);
  assert.equal(String(sem), "<BoundedSemaphore [value=2/2]>");
});

Deno.test("Semaphore: at most `value` workers hold it at once (acquire_contended)", async () => {
  const sem = new BoundedSemaphore(2);
  const stats = multiprocessing.Array("i", 2); // [holding now, most at once]
  const go = new threading.Event();
  const threads = [1, 2, 3, 4].map(() =>
    new Thread({ target: targets.holdSemaphore, args: [sem, stats, go], module: targets.here })
  );
  for (const t of threads) t.start();
  while (stats[0] < 2) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(stats[0], 2, "the other two wait");
  assert.equal(sem.value, 0);
  go.set();
  for (const t of threads) await t.join();
  assert.equal(stats[0], 0);
  assert.equal(stats[1], 2);
  assert.equal(sem.value, 2);
});

Deno.test("Semaphore: release(n) wakes n async waiters", async () => {
  const sem = new Semaphore(0);
  let got = 0;
  const waiters = [1, 2, 3].map(async () => {
    if (await sem.acquireAsync(true, 5)) got++;
  });
  await new Promise((r) => setTimeout(r, 10));
  sem.release(2);
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(got, 2);
  sem.release();
  await Promise.all(waiters);
  assert.equal(got, 3);
});
