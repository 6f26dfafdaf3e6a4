// Ports of lock_tests.py's ConditionTests, in one thread and across workers.
import assert from "node:assert/strict";
import { multiprocessing, threading } from "../../mod.ts";
import * as targets from "./fixtures/targets.ts";

const { Condition, Lock, RLock, Thread } = threading;

Deno.test("Condition: acquire and release the underlying lock", () => {
  const cond = new Condition();
  cond.acquire();
  cond.acquire(); // an RLock by default
  cond.release();
  cond.release();
  const lock = new Lock();
  const c2 = new Condition(lock);
  assert.equal(c2.lock, lock);
  c2.acquire();
  assert.equal(c2.acquire(false), false);
  c2.release();
  assert.throws(() => new Condition({} as never), TypeError);
});

Deno.test("Condition: wait and notify without the lock raise RuntimeError", async () => {
  for (const cond of [new Condition(), new Condition(new Lock())]) {
    assert.throws(() => cond.wait(), { name: "RuntimeError", message: /un-acquired/ });
    await assert.rejects(cond.waitAsync(), { name: "RuntimeError" });
    assert.throws(() => cond.notify(), { name: "RuntimeError" });
    assert.throws(() => cond.notifyAll(), { name: "RuntimeError" });
  }
});

Deno.test("Condition: wait times out and keeps the lock (RLock count restored)", async () => {
  const lock = new RLock();
  const cond = new Condition(lock);
  cond.acquire();
  cond.acquire();
  const t0 = performance.now();
  assert.equal(cond.wait(0.03), false);
  assert.ok(performance.now() - t0 >= 25);
  assert.match(String(lock), /count=2/);
  assert.equal(await cond.waitAsync(0.01), false);
  assert.match(String(lock), /count=2/);
  cond.release();
  cond.release();
  assert.ok(!lock.locked());
});

Deno.test("Condition: waitFor returns the predicate's value, or false on timeout", async () => {
  const cond = new Condition();
  using _ = cond.acquire();
  assert.equal(cond.waitFor(() => 42), 42);
  assert.equal(cond.waitFor(() => 0, 0.02), 0);
  assert.equal(await cond.waitForAsync(() => false, 0.01), false);
});

Deno.test("Condition: notify(n) wakes n async waiters, notifyAll the rest", async () => {
  // Async tasks of one thread are one owner to an RLock: give them a Lock.
  const cond = new Condition(new Lock());
  const woken: number[] = [];
  const waiters = [0, 1, 2, 3, 4].map(async (i) => {
    using _ = await cond.acquireAsync();
    if (await cond.waitAsync(5)) woken.push(i);
  });
  await new Promise((r) => setTimeout(r, 20));
  assert.match(String(cond), /waiters:5/);
  {
    using _ = cond.acquire();
    cond.notify(2);
  }
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(woken.length, 2);
  {
    using _ = cond.acquire();
    cond.notifyAll();
  }
  await Promise.all(waiters);
  assert.deepEqual(woken.toSorted(), [0, 1, 2, 3, 4]);
});

Deno.test("Condition: notify across workers wakes exactly the number asked", async () => {
  const cond = new Condition();
  const ready = multiprocessing.Value("i", 0, { lock: false });
  const woken = multiprocessing.Value("i", 0, { lock: false });
  const threads = [1, 2, 3].map(() =>
    new Thread({
      target: targets.waitCondition,
      args: [cond, ready, woken, 10],
      module: targets.here,
    })
  );
  for (const t of threads) t.start();
  // Wait until all three are waiting (ready counted under the lock, before wait()).
  for (let i = 0; i < 200 && (await cond.acquireAsync(), ready.value < 3); i++) {
    cond.release();
    await new Promise((r) => setTimeout(r, 10));
  }
  cond.notify(1);
  cond.release();
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(woken.value, 1);
  {
    using _ = await cond.acquireAsync();
    cond.notifyAll();
  }
  for (const t of threads) await t.join();
  assert.equal(woken.value, 3);
});

Deno.test("Condition: producer/consumer across workers with waitFor", async () => {
  const cond = new Condition(new Lock());
  const box = multiprocessing.RawArray("i", 2); // [items, consumed]
  const threads = [1, 2, 3].map(() =>
    new Thread({ target: targets.consume, args: [cond, box], module: targets.here })
  );
  for (const t of threads) t.start();
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 5));
    using _ = await cond.acquireAsync();
    box[0] += 1;
    cond.notify();
  }
  for (const t of threads) await t.join();
  assert.deepEqual(box.slice(), [0, 3]);
});
