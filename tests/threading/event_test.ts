// Ports of lock_tests.py's EventTests, in one thread and across workers.
import assert from "node:assert/strict";
import { multiprocessing, threading } from "../../mod.ts";
import * as targets from "./fixtures/targets.ts";

const { Event, Thread } = threading;

Deno.test("Event: is_set, set, clear, repr", () => {
  const evt = new Event();
  assert.equal(evt.isSet(), false);
  assert.equal(String(evt), "<Event [unset]>");
  evt.set();
  assert.equal(evt.isSet(), true);
  evt.set();
  assert.equal(evt.isSet(), true);
  assert.equal(String(evt), "<Event [set]>");
  evt.clear();
  assert.equal(evt.isSet(), false);
  evt.clear();
  assert.equal(evt.isSet(), false);
});

Deno.test("Event: wait with a timeout returns the flag", async () => {
  const evt = new Event();
  const t0 = performance.now();
  assert.equal(evt.wait(0.03), false);
  assert.ok(performance.now() - t0 >= 25);
  assert.equal(await evt.waitAsync(0.01), false);
  assert.equal(evt.wait(0), false);
  evt.set();
  assert.equal(evt.wait(0.03), true);
  assert.equal(await evt.waitAsync(), true);
});

Deno.test("Event: waitAsync wakes on set", async () => {
  const evt = new Event();
  const waiting = [evt.waitAsync(), evt.waitAsync(5)];
  setTimeout(() => evt.set(), 10);
  assert.deepEqual(await Promise.all(waiting), [true, true]);
});

Deno.test("Event: set wakes waiters in other workers (notify)", async () => {
  const evt = new Event();
  const woken = multiprocessing.Value("i", 0);
  const threads = [1, 2, 3].map(() =>
    new Thread({ target: targets.waitEvent, args: [evt, woken], module: targets.here })
  );
  for (const t of threads) t.start();
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(woken.value, 0);
  evt.set();
  for (const t of threads) await t.join();
  assert.equal(woken.value, 3);
});

Deno.test("Event: a worker's set wakes the main thread's waitAsync", async () => {
  const done = new Event();
  const t = new Thread({
    target: targets.sleepThenSet,
    args: [0.02, done],
    module: targets.here,
  });
  t.start();
  assert.equal(await done.waitAsync(10), true);
  await t.join();
});

Deno.test("Event: timeout in a worker", async () => {
  const evt = new Event();
  const woken = multiprocessing.Value("i", 0);
  const t = new Thread({
    target: targets.waitEvent,
    args: [evt, woken, 0.02],
    module: targets.here,
  });
  t.start();
  await t.join();
  assert.equal(woken.value, 0);
});
