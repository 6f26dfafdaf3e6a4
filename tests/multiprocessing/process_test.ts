// Ports of CPython's _test_multiprocessing.py (Process lifecycle).
import assert from "node:assert/strict";
import { multiprocessing, os, threading } from "../../mod.ts";
import * as targets from "../threading/fixtures/targets.ts";

const { Process } = multiprocessing;
const { ShareableList } = multiprocessing.sharedMemory;

Deno.test("Process: names, repr, current and parent process", () => {
  const p = new Process({ target: targets.fail, module: targets.here });
  assert.match(p.name, /^Process-\d+$/);
  assert.equal(p.pid, null);
  assert.equal(p.exitcode, null);
  assert.equal(p.isAlive(), false);
  assert.match(String(p), /^<Process name='Process-\d+' initial>$/);
  assert.equal(multiprocessing.currentProcess().name, "MainProcess");
  assert.equal(multiprocessing.currentProcess().pid, os.getpid());
  assert.equal(multiprocessing.parentProcess(), null);
  assert.ok(multiprocessing.cpuCount() >= 1);
  assert.equal(multiprocessing.activeChildren().length, 0);
});

Deno.test("Process: lifecycle, pid, exitcode 0, what the child sees", async () => {
  const out = new ShareableList([".".repeat(40), 0, 0, ".".repeat(40), ".".repeat(40), false, 0]);
  const p = new Process({
    target: targets.whoAmI,
    args: [out],
    module: targets.here,
    daemon: true,
  });
  p.start();
  assert.ok(p.isAlive());
  assert.ok(p.pid! > 0 && p.pid !== os.getpid());
  assert.deepEqual(multiprocessing.activeChildren(), [p]);
  assert.match(String(p), /started daemon>$/);
  await p.join();
  assert.equal(p.exitcode, 0);
  assert.equal(p.isAlive(), false);
  assert.deepEqual(multiprocessing.activeChildren(), []);
  assert.equal(out[0], "MainThread", "a process's thread is its MainThread");
  assert.equal(out[2], p.pid, "os.getpid() in the child is p.pid");
  assert.equal(out[3], p.name);
  assert.equal(out[4], "MainProcess");
  assert.equal(out[5], true);
  assert.equal(out[6], os.getpid(), "os.getppid() in the child is the parent's pid");
  out.shm.unlink();
});

Deno.test("Process: start twice and join before start raise AssertionError", async () => {
  const p = new Process({ target: targets.fail, module: targets.here });
  await assert.rejects(p.join(), {
    name: "AssertionError",
    message: "can only join a started process",
  });
  p.start();
  assert.throws(() => p.start(), {
    name: "AssertionError",
    message: "cannot start a process twice",
  });
  await p.join();
  assert.equal(p.exitcode, 1, "an uncaught error gives exitcode 1");
});

Deno.test("Process: exit code given to process.exit", async () => {
  const p = new Process({ target: targets.exitWith, args: [3], module: targets.here });
  p.start();
  await p.join();
  assert.equal(p.exitcode, 3);
});

Deno.test("Process: terminate() stops a spinning worker (-15), kill() a blocked one (-9)", async () => {
  const started = new threading.Event();
  const p = new Process({ target: targets.spin, args: [started], module: targets.here });
  p.start();
  assert.ok(await started.waitAsync(10));
  p.terminate();
  await p.join();
  assert.equal(p.exitcode, -15);
  assert.equal(p.isAlive(), false);
  const blocked = new threading.Event();
  const q = new Process({ target: targets.block, args: [blocked], module: targets.here });
  q.start();
  assert.ok(await blocked.waitAsync(10));
  q.kill();
  await q.join();
  assert.equal(q.exitcode, -9);
  assert.match(String(q), /stopped exitcode=-9/);
});

Deno.test("Process: close() refuses a running process, then the object is closed", async () => {
  const done = new threading.Event();
  const p = new Process({ target: targets.sleepThenSet, args: [0.02, done], module: targets.here });
  p.start();
  assert.throws(() => p.close(), { name: "ValueError", message: /still running/ });
  await p.join();
  p.close();
  assert.throws(() => p.pid, { name: "ValueError", message: "process object is closed" });
  assert.throws(() => p.isAlive(), { name: "ValueError" });
  assert.match(String(p), /closed>$/);
  assert.ok(done.isSet());
});

Deno.test("Process: a subclass runs with its fields; join(timeout)", async () => {
  const out = multiprocessing.RawArray("i", 2);
  const p = new targets.SquareProcess(9, out);
  p.start();
  await p.join(10);
  assert.equal(out[0], 81);
  assert.equal(out[1], p.pid);
});

Deno.test("Process: Lock, Event and Barrier across processes", async () => {
  const lock = new multiprocessing.Lock();
  const counter = multiprocessing.RawArray("i", 1);
  const barrier = new multiprocessing.Barrier(3);
  const slots = multiprocessing.RawArray("i", [-1, -1]);
  const procs = [
    new Process({ target: targets.increment, args: [lock, counter, 1000], module: targets.here }),
    new Process({ target: targets.increment, args: [lock, counter, 1000], module: targets.here }),
    new Process({ target: targets.barrierWait, args: [barrier, slots, 0], module: targets.here }),
    new Process({ target: targets.barrierWait, args: [barrier, slots, 1], module: targets.here }),
  ];
  for (const p of procs) p.start();
  const mine = await barrier.waitAsync(10);
  for (const p of procs) await p.join();
  assert.equal(counter[0], 2000);
  assert.deepEqual([...slots.slice(), mine].toSorted(), [0, 1, 2]);
});
