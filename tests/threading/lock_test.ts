// Ports of CPython's Lib/test/lock_tests.py (BaseLockTests, LockTests,
// RLockTests), in one thread and across workers.
import assert from "node:assert/strict";
import { threading } from "../../mod.ts";
import { multiprocessing } from "../../mod.ts";
import { here } from "./fixtures/targets.ts";
import * as targets from "./fixtures/targets.ts";

const { Lock, RLock, Thread, ThreadError } = threading;

for (const [label, Cls] of [["Lock", Lock], ["RLock", RLock]] as const) {
  Deno.test(`${label}: constructor, repr, locked()`, () => {
    const lock = new Cls();
    assert.equal(String(lock), `<${label} [unlocked]>`);
    assert.equal(lock.locked(), false);
    lock.acquire();
    assert.match(String(lock), new RegExp(`^<${label} \\[locked`));
    assert.equal(lock.locked(), true);
    lock.release();
    assert.equal(lock.locked(), false);
  });

  Deno.test(`${label}: acquire/release, try_acquire, using`, () => {
    const lock = new Cls();
    const permit = lock.acquire();
    assert.ok(permit);
    permit.release();
    assert.ok(lock.acquire(false));
    lock.release();
    {
      using _ = lock.acquire();
      assert.ok(lock.locked());
    }
    assert.ok(!lock.locked());
    assert.ok(lock.acquire({ blocking: false }));
    lock.release();
  });

  Deno.test(`${label}: bad timeouts raise ValueError`, () => {
    const lock = new Cls();
    assert.throws(() => lock.acquire(false, 1), RangeError);
    assert.throws(() => lock.acquire({ timeout: -100 }), { name: "ValueError" });
    assert.ok(lock.acquire({ timeout: 1e9 }));
    lock.release();
  });

  Deno.test(`${label}: release of an unheld lock raises RuntimeError`, () => {
    const lock = new Cls();
    assert.throws(() => lock.release(), ThreadError);
    assert.throws(() => lock.release(), { name: "RuntimeError" });
  });

  Deno.test(`${label}: try_acquire_contended and acquire_contended across workers`, async () => {
    const lock = new Cls();
    const out = multiprocessing.RawArray("i", 1);
    lock.acquire();
    const t = new Thread({ target: targets.tryAcquire, args: [lock, out], module: here });
    t.start();
    await t.join();
    assert.equal(out[0], 0);
    const t2 = new Thread({ target: targets.acquireThenMark, args: [lock, out], module: here });
    t2.start();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(out[0], 0, "the worker must wait for the lock");
    lock.release();
    await t2.join();
    assert.equal(out[0], 1);
    assert.equal(t2.exitcode, 0);
  });
}

Deno.test("Lock: timeout (the acquire times out while another holds it)", async () => {
  const lock = new Lock();
  lock.acquire();
  const t0 = performance.now();
  assert.equal(lock.acquire(true, 0.05), false);
  assert.ok(performance.now() - t0 >= 40);
  assert.equal(await lock.acquireAsync(true, 0.02), false);
  assert.equal(await lock.acquireAsync(false), false);
  lock.release();
  assert.ok(await lock.acquireAsync(true, 0.02));
  lock.release();
});

Deno.test("Lock: state after a timeout is still usable", () => {
  const lock = new Lock();
  lock.acquire();
  assert.equal(lock.acquire({ timeout: 0.01 }), false);
  lock.release();
  assert.ok(!lock.locked());
  assert.ok(lock.acquire(false));
  lock.release();
});

Deno.test("Lock: reacquire blocks; another thread may release it", async () => {
  const lock = new Lock();
  lock.acquire();
  assert.equal(lock.acquire(false), false); // not reentrant
  const t = new Thread({ target: targets.releaseIt, args: [lock], module: here });
  t.start();
  await t.join();
  assert.ok(!lock.locked());
});

Deno.test("Lock: acquireAsync wakes when released, in order", async () => {
  const lock = new Lock();
  lock.acquire();
  const order: number[] = [];
  const waiters = [1, 2, 3].map(async (i) => {
    using _ = await lock.acquireAsync();
    order.push(i);
  });
  await new Promise((r) => setTimeout(r, 10));
  assert.match(String(lock), /waiters:3/);
  lock.release();
  await Promise.all(waiters);
  assert.deepEqual(order.toSorted(), [1, 2, 3]);
  assert.ok(!lock.locked());
});

Deno.test("Lock: mutual exclusion across workers (blocking and async)", async () => {
  const lock = new Lock();
  const counter = multiprocessing.RawArray("i", 1);
  const threads = [
    new Thread({ target: targets.increment, args: [lock, counter, 2000], module: here }),
    new Thread({ target: targets.increment, args: [lock, counter, 2000], module: here }),
    new Thread({ target: targets.incrementAsync, args: [lock, counter, 500], module: here }),
  ];
  for (const t of threads) t.start();
  for (let i = 0; i < 500; i++) {
    using _ = await lock.acquireAsync();
    counter[0] = counter[0] + 1;
  }
  for (const t of threads) await t.join();
  assert.equal(counter[0], 5000);
  assert.deepEqual(threads.map((t) => t.exitcode), [0, 0, 0]);
});

Deno.test("RLock: reacquire by the owner, count, release order", () => {
  const lock = new RLock();
  lock.acquire();
  lock.acquire();
  assert.match(String(lock), /count=2/);
  lock.release();
  assert.ok(lock.locked());
  lock.release();
  assert.ok(!lock.locked());
  assert.throws(() => lock.release(), /cannot release un-acquired lock/);
});

Deno.test("RLock: another thread may not release it (different_thread)", async () => {
  const lock = new RLock();
  const out = multiprocessing.RawArray("u", 1);
  lock.acquire();
  const t = new Thread({ target: targets.releaseForeignRLock, args: [lock, out], module: here });
  t.start();
  await t.join();
  assert.equal(out[0], "R");
  assert.ok(lock.locked());
  lock.release();
});

Deno.test("RLock: mutual exclusion across workers", async () => {
  const lock = new RLock();
  const counter = multiprocessing.RawArray("i", 1);
  const threads = [1, 2].map(() =>
    new Thread({ target: targets.increment, args: [lock, counter, 1500], module: here })
  );
  for (const t of threads) t.start();
  for (const t of threads) await t.join();
  assert.equal(counter[0], 3000);
});
