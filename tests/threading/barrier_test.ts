// Ports of lock_tests.py's BarrierTests, in one thread and across workers.
import assert from "node:assert/strict";
import { BrokenBarrierError, multiprocessing, threading } from "../../mod.ts";
import * as targets from "./fixtures/targets.ts";

const { Barrier, Thread } = threading;

Deno.test("Barrier: constructor, single thread, repr", () => {
  assert.throws(() => new Barrier(0), { name: "ValueError" });
  const b = new Barrier(1);
  assert.equal(b.wait(), 0);
  assert.equal(b.wait(), 0);
  assert.equal(b.parties, 1);
  assert.equal(b.nWaiting, 0);
  assert.equal(String(b), "<Barrier [filling, waiters:0/1]>");
});

Deno.test("Barrier: async parties pass together with distinct indices, twice", async () => {
  const b = new Barrier(3);
  for (let round = 0; round < 2; round++) {
    const indices = await Promise.all([b.waitAsync(), b.waitAsync(), b.waitAsync()]);
    assert.deepEqual(indices.toSorted(), [0, 1, 2]);
  }
  assert.equal(b.broken, false);
});

Deno.test("Barrier: the action runs once per cycle, before release", async () => {
  let calls = 0;
  const b = new Barrier(2, () => calls++);
  await Promise.all([b.waitAsync(), b.waitAsync()]);
  assert.equal(calls, 1);
  assert.throws(
    () => new Thread({ target: targets.barrierWait, args: [b], module: targets.here }).start(),
    TypeError,
  );
});

Deno.test("Barrier: an action that throws breaks it", async () => {
  const b = new Barrier(2, {
    action: () => {
      throw new Error("action failed");
    },
  });
  const results = await Promise.allSettled([b.waitAsync(), b.waitAsync()]);
  const reasons = results.map((r) => (r as PromiseRejectedResult).reason);
  assert.ok(reasons.some((e) => e instanceof BrokenBarrierError));
  assert.ok(reasons.some((e) => e?.message === "action failed"));
  assert.ok(b.broken);
  b.reset();
  assert.ok(!b.broken);
});

Deno.test("Barrier: timeout breaks it; abort; reset", async () => {
  const b = new Barrier(2);
  await assert.rejects(b.waitAsync(0.02), BrokenBarrierError);
  assert.ok(b.broken);
  assert.throws(() => b.wait(), BrokenBarrierError);
  b.reset();
  assert.equal(b.broken, false);
  const pending = b.waitAsync();
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(b.nWaiting, 1);
  b.abort();
  await assert.rejects(pending, BrokenBarrierError);
  b.reset();
  const d = new Barrier(2, { timeout: 0.01 });
  assert.throws(() => d.wait(), BrokenBarrierError);
});

Deno.test("Barrier: reset while a party waits raises BrokenBarrierError in it", async () => {
  const b = new Barrier(2);
  const pending = b.waitAsync();
  await new Promise((r) => setTimeout(r, 10));
  b.reset();
  await assert.rejects(pending, BrokenBarrierError);
  const again = await Promise.all([b.waitAsync(), b.waitAsync()]);
  assert.deepEqual(again.toSorted(), [0, 1]);
});

Deno.test("Barrier: workers and the main thread pass it together", async () => {
  const b = new Barrier(4);
  const out = multiprocessing.RawArray("i", [-1, -1, -1]);
  const threads = [0, 1, 2].map((i) =>
    new Thread({ target: targets.barrierWait, args: [b, out, i], module: targets.here })
  );
  for (const t of threads) t.start();
  const mine = await b.waitAsync(10);
  for (const t of threads) await t.join();
  assert.deepEqual([...out.slice(), mine].toSorted(), [0, 1, 2, 3]);
});

Deno.test("Barrier: abort from the main thread breaks waiting workers", async () => {
  const b = new Barrier(3);
  const out = multiprocessing.RawArray("i", [-1, -1]);
  const threads = [0, 1].map((i) =>
    new Thread({ target: targets.barrierWaitBroken, args: [b, out, i], module: targets.here })
  );
  for (const t of threads) t.start();
  while (b.nWaiting < 2) await new Promise((r) => setTimeout(r, 5));
  b.abort();
  for (const t of threads) await t.join();
  assert.deepEqual(out.slice(), [1, 1]);
});
