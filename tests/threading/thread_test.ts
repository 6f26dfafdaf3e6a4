// Ports of CPython's test_threading.py (Thread lifecycle), local and Timer.
import assert from "node:assert/strict";
import { multiprocessing, os, threading } from "../../mod.ts";
import * as targets from "./fixtures/targets.ts";

const { Thread } = threading;
const { ShareableList } = multiprocessing.sharedMemory;

function noop() {}

Deno.test("Thread: names, repr, daemon and initial state", () => {
  const t = new Thread({ target: targets.increment, module: targets.here });
  assert.match(t.name, /^Thread-\d+ \(increment\)$/);
  const u = new Thread({ module: targets.here });
  assert.match(u.name, /^Thread-\d+$/);
  const named = new Thread({ name: "LoopThread", target: noop });
  assert.equal(named.name, "LoopThread");
  assert.equal(named.ident, null);
  assert.equal(named.isAlive(), false);
  assert.equal(named.daemon, false);
  assert.match(String(named), /^<Thread\(LoopThread, initial\)>$/);
  named.daemon = true;
  assert.match(String(named), /initial daemon/);
  assert.equal(new Thread({ daemon: true }).daemon, true);
});

Deno.test("Thread: main thread, currentThread, getIdent, enumerate", () => {
  const main = threading.mainThread();
  assert.equal(main.name, "MainThread");
  assert.equal(threading.currentThread(), main);
  assert.equal(threading.getIdent(), main.ident);
  assert.equal(threading.getNativeId(), main.nativeId);
  assert.ok(main.isAlive());
  assert.equal(threading.enumerate()[0], main);
  assert.equal(threading.activeCount(), threading.enumerate().length);
});

Deno.test("Thread: start twice and join before start raise RuntimeError", async () => {
  const t = new Thread({ target: noop });
  await assert.rejects(t.join(), {
    name: "RuntimeError",
    message: "cannot join thread before it is started",
  });
  t.start();
  assert.throws(() => t.start(), {
    name: "RuntimeError",
    message: "threads can only be started once",
  });
  assert.throws(() => (t.daemon = true), { name: "RuntimeError" });
  await t.join();
  assert.equal(t.isAlive(), false);
  assert.equal(t.exitcode, 0);
  assert.throws(() => threading.mainThread().start(), { name: "RuntimeError" });
  await assert.rejects(threading.mainThread().join(), {
    name: "RuntimeError",
    message: "cannot join current thread",
  });
});

Deno.test("Thread: the worker sees its own name, ident, process and args", async () => {
  const out = new ShareableList([".".repeat(40), 0, 0, ".".repeat(40), ".".repeat(40), false, 0]);
  const t = new Thread({
    target: targets.whoAmI,
    args: [out],
    name: "Worker-A",
    module: targets.here,
  });
  t.start();
  assert.ok(t.isAlive());
  assert.ok(t.ident! > 1);
  assert.equal(t.nativeId, t.ident);
  assert.ok(threading.enumerate().includes(t));
  await t.join();
  assert.equal(out[0], "Worker-A");
  assert.equal(out[1], t.ident);
  assert.equal(out[2], os.getpid(), "a thread shares its process's pid");
  assert.equal(out[3], "MainProcess");
  assert.equal(out[4], null);
  assert.equal(out[5], false);
  assert.ok(!threading.enumerate().includes(t));
  out.shm.close();
  out.shm.unlink();
});

Deno.test("Thread: args and kwargs (a trailing options object)", async () => {
  const out = new ShareableList([0, "..........", 0]);
  const t = new Thread({
    target: targets.recordArgs,
    args: [out, 3, "x"],
    kwargs: { c: 9 },
    module: targets.here,
  });
  t.start();
  await t.join();
  assert.deepEqual([...out], [3, "x", 9]);
  out.shm.unlink();
});

Deno.test("Thread: a subclass's run() and own fields travel to the worker", async () => {
  const out = multiprocessing.RawArray("i", 3);
  const t = new targets.CountingThread(7, out);
  assert.equal(t.name, "测试线程");
  t.start();
  await t.join();
  assert.deepEqual(out.slice(), [7, 1, 1]);
});

Deno.test("Thread: an uncaught error gives exitcode 1; join still resolves", async () => {
  const t = new Thread({ target: targets.fail, module: targets.here });
  t.start();
  await t.join();
  assert.equal(t.exitcode, 1);
  assert.equal(t.isAlive(), false);
});

Deno.test("Thread: a target that is not exported and not self-contained fails clearly", async () => {
  // Self-contained and not exported: shipped as source text, it runs.
  const standalone = new Thread({ target: (x: number) => x * 2, args: [2], module: targets.here });
  standalone.start();
  await standalone.join();
  assert.equal(standalone.exitcode, 0);
  // A class that is not exported cannot travel: the error says what to export.
  class Local extends Thread {}
  assert.throws(() => new Local({ module: targets.here }).start(), {
    name: "TypeError",
    message: /export it from .*targets/,
  });
  // An argument that cannot be cloned fails at start(), naming it.
  const bad = new Thread({ target: targets.recordArgs, args: [1, () => 2], module: targets.here });
  assert.throws(() => bad.start(), { name: "TypeError", message: /args\[1\]/ });
  assert.equal(bad.isAlive(), false);
  // A non-function target is refused at construction.
  assert.throws(() => new Thread({ target: 5 as never }), TypeError);
});

Deno.test("Thread: join(timeout) returns while the thread runs", async () => {
  const started = new threading.Event();
  const t = new Thread({ target: targets.block, args: [started], module: targets.here });
  t.start();
  await started.waitAsync(10);
  await t.join(0.02);
  assert.equal(t.isAlive(), true);
  assert.equal(t.exitcode, null);
  t.terminate();
  await t.join();
  assert.equal(t.isAlive(), false);
  assert.equal(t.exitcode, -15);
});

Deno.test("local: each thread sees its own attributes; one passed in arrives empty", async () => {
  const data = new threading.local();
  data.params = 2;
  const out = multiprocessing.RawArray("i", 2);
  const t = new Thread({ target: targets.useLocal, args: [data, out], module: targets.here });
  t.start();
  await t.join();
  assert.deepEqual(out.slice(), [0, 1]);
  assert.equal(data.params, 2);
  assert.ok(!("other" in data));
});

Deno.test("Timer: calls the function after the interval; cancel() prevents it", async () => {
  const fired = new threading.Event();
  const timer = new threading.Timer(0.01, targets.setEvent, {
    args: [fired],
    module: targets.here,
  });
  assert.match(timer.name, /^Thread-\d+$/);
  timer.start();
  await timer.join();
  assert.ok(fired.isSet());
  const never = new threading.Event();
  const cancelled = new threading.Timer(5, targets.setEvent, {
    args: [never],
    module: targets.here,
  });
  cancelled.start();
  cancelled.cancel();
  await cancelled.join();
  assert.equal(never.isSet(), false);
  assert.equal(cancelled.exitcode, 0);
});

Deno.test("isMain is false outside the entry module", () => {
  assert.equal(threading.isMain({ url: "file:///not/the/entry.ts" }), false);
  assert.equal(threading.isMain({ url: import.meta.url, main: false }), false);
  assert.throws(() => threading.isMain({} as never), TypeError);
});
