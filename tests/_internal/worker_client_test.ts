// deno-lint-ignore-file no-explicit-any
import assert from "node:assert/strict";
import { WorkerClient, WorkerExitedError } from "../../lib/_internal/worker_client.ts";
import { CancelledError } from "../../lib/exceptions.ts";
import { registerErrorClass } from "../../lib/_internal/remote_error.ts";
import { SharedCounter, ValidationError } from "./fixtures/worker_targets.ts";
import { Event } from "../../lib/threading/event.ts";

const targets = new URL("./fixtures/worker_targets.ts", import.meta.url).href;
const fn = (name: string) => ({ module: targets, name });

async function withWorker(body: (w: WorkerClient) => Promise<void>, info?: unknown) {
  const worker = WorkerClient.start({ name: "test-worker", info });
  try {
    await body(worker);
  } finally {
    await worker.terminate();
  }
}

Deno.test("a worker starts, answers calls and ships results back", async () => {
  await withWorker(async (w) => {
    await w.ready;
    assert.equal(await w.call(fn("add"), [2, 3]), 5);
    assert.equal(await w.call(fn("addLater"), [4, 5]), 9);
    const results = await Promise.all([1, 2, 3].map((i) => w.call(fn("add"), [i, i])));
    assert.deepEqual(results, [2, 4, 6]);
    assert.equal(w.pending, 0);
  });
});

Deno.test("the worker reads the start-up info it was given", async () => {
  await withWorker(async (w) => {
    assert.deepEqual(await w.call(fn("info"), []), { name: "Thread-1", ident: 7 });
  }, { name: "Thread-1", ident: 7 });
});

Deno.test("batched calls and defined functions", async () => {
  await withWorker(async (w) => {
    const key = w.define(fn("add"));
    assert.equal(await w.call(key, [10, 1]), 11);
    assert.deepEqual(await w.call(key, [[1, 1], [2, 2], [3, 3]], true), [2, 4, 6]);
  });
});

Deno.test("a self-contained function can be shipped as source", async () => {
  await withWorker(async (w) => {
    const source = ((a: number, b: number) => a * b).toString();
    assert.equal(await w.call({ source }, [6, 7]), 42);
    const closes = "() => someOuterName + 1";
    await assert.rejects(w.call({ source: closes }, []), ReferenceError);
  });
});

Deno.test("an error in the worker arrives with its class, fields and remote stack", async () => {
  await withWorker(async (w) => {
    const range: any = await w.call(fn("failWithRangeError"), []).catch((e) => e);
    assert.ok(range instanceof Error && range.name === "RangeError");
    assert.equal(Object.getPrototypeOf(range), RangeError.prototype);
    assert.equal(range.message, "value out of range");
    const remote: any = range;
    assert.match(remote.stack, /failWithRangeError/);
    assert.match(remote.remoteStack, /worker_targets/);

    const cancelled: any = await w.call(fn("failWithCancelled"), []).catch((e) => e);
    assert.ok(cancelled instanceof CancelledError);
    assert.equal(cancelled.message, "stopped in worker");

    // An unregistered class arrives as an Error with the right name and fields.
    const custom: any = await w.call(fn("failWithCustomError"), []).catch((e) => e);
    assert.equal(custom.name, "ValidationError");
    assert.equal(custom.field, "age");
    assert.equal(custom.message, "bad input");

    registerErrorClass(ValidationError);
    const registered: any = await w.call(fn("failWithCustomError"), []).catch((e) => e);
    assert.ok(registered instanceof ValidationError);

    await assert.rejects(w.call(fn("throwString"), []), (e) => e === "plain string");
  });
});

Deno.test("a missing export or module fails the call with a clear error", async () => {
  await withWorker(async (w) => {
    await assert.rejects(w.call(fn("noSuchFunction"), []), /Cannot find function 'noSuchFunction'/);
    await assert.rejects(w.call(fn("notAFunction"), []), /got number/);
    const broken = new URL("./fixtures/throws_at_import.ts", import.meta.url).href;
    await assert.rejects(w.call({ module: broken, name: "x" }, []), /broken module top level/);
    assert.equal(await w.call(fn("add"), [1, 1]), 2, "the worker stays usable");
  });
});

Deno.test("arguments or results that cannot be sent fail only their own call", async () => {
  await withWorker(async (w) => {
    const bad = w.call(fn("add"), [() => 1, 2]);
    const good = w.call(fn("add"), [1, 2]);
    await assert.rejects(bad, (e: Error) => e instanceof TypeError && /arguments/.test(e.message));
    assert.equal(await good, 3);
    await assert.rejects(w.call(fn("returnsFunction"), []), /Cannot send the result back/);
  });
});

Deno.test("a worker that exits by itself fails its pending calls and reports the code", async () => {
  const w = WorkerClient.start({ name: "exiting" });
  const codes: number[] = [];
  w.onExit((code) => codes.push(code));
  const pending = w.call(fn("exitWith"), [3]);
  const error: any = await pending.catch((e) => e);
  assert.ok(error instanceof WorkerExitedError);
  assert.equal(error.exitCode, 3);
  assert.match(error.message, /'exiting' stopped \(exit code 3\)/);
  assert.deepEqual(codes, [3]);
  assert.equal(w.exitCode, 3);
  await assert.rejects(w.call(fn("add"), [1, 2]), WorkerExitedError);
  await w.terminate(); // A no-op once stopped.
});

Deno.test("exit() flushes replies, then the worker stops with the code", async () => {
  const w = WorkerClient.start();
  const result = w.call(fn("add"), [20, 22]);
  w.exit(0);
  assert.equal(await result, 42);
  const code = await new Promise((r) => w.onExit(r));
  assert.equal(code, 0);
});

Deno.test("terminate() settles a busy worker's calls at once", async () => {
  const w = WorkerClient.start({ name: "spinner" });
  await w.ready;
  const spinning = w.call(fn("spinFor"), [3]);
  const other = w.call(fn("neverSettles"), []);
  await new Promise((r) => setTimeout(r, 50));
  const started = performance.now();
  await w.terminate();
  assert.ok(performance.now() - started < 2000, "terminate() does not wait for the spin");
  assert.ok(w.exited);
  await assert.rejects(spinning, WorkerExitedError);
  await assert.rejects(other, WorkerExitedError);
});

Deno.test("terminate() ends a worker looping around a blocking wait", async () => {
  const w = WorkerClient.start({ name: "blocker" });
  await w.ready;
  const turns = new SharedCounter();
  const blocked = w.call(fn("blockInLoop"), [turns]);
  while (turns.value < 3) await new Promise((r) => setTimeout(r, 10));
  await w.terminate();
  await assert.rejects(blocked, WorkerExitedError);
  // The thread itself ends at its next wait slice (on Deno through the stop
  // word): its turn count stops growing.
  await new Promise((r) => setTimeout(r, 150));
  const after = turns.value;
  await new Promise((r) => setTimeout(r, 250));
  assert.equal(turns.value, after, "the loop kept running after terminate()");
});

Deno.test("shareable objects arrive as live views of the same memory", async () => {
  await withWorker(async (w) => {
    const counter = new SharedCounter();
    assert.equal(await w.call(fn("incrementCounter"), [counter, 1000]), 1000);
    assert.equal(counter.value, 1000);
    // Nested in a plain object and an array, and going the other way.
    await w.call(fn("incrementCounter"), [[counter][0], 5]);
    assert.equal(counter.value, 1005);
    const made = await w.call(fn("makeCounter"), []);
    assert.ok(made instanceof SharedCounter);
    assert.equal((made as SharedCounter).value, 1);
  });
});

Deno.test("a call made just before a blocking wait is sent before the thread blocks", async () => {
  await withWorker(async (w) => {
    await w.ready;
    const event = new Event();
    const done = w.call(fn("setEvent"), [event]);
    // No await between the call and the blocking wait: Python's
    // `pool.apply_async(f); event.wait()`.
    assert.equal(event.wait(10), true);
    await done;
  });
});
