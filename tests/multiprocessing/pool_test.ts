// Ports of CPython's _test_multiprocessing.py: _TestPool, _TestPoolWorkerErrors,
// _TestPoolWorkerLifetime.
import assert from "node:assert/strict";
import { AsyncResult, Pool } from "../../lib/multiprocessing/pool.ts";
import { TimeoutError, ValueError } from "../../lib/exceptions.ts";
import { Queue } from "../../lib/multiprocessing/queues.ts";
import { sleep } from "../../lib/time/mod.ts";
import {
  add,
  countCalls,
  exitWorker,
  failIfOdd,
  getInitValue,
  halfOrText,
  identity,
  init,
  mul,
  napThen,
  putValue,
  sleepThen,
  square,
  squareLater,
  whoAmI,
} from "../concurrent/fixtures/targets.ts";

const module = new URL("../concurrent/fixtures/targets.ts", import.meta.url);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

Deno.test("Pool: apply, map, starmap, async variants, imap (_TestPool)", async () => {
  await using pool = new Pool(2, { module });
  // test_apply
  assert.equal(await pool.apply(square, [5]), 25);
  assert.equal(await pool.apply(add, [3, 4]), 7);
  // test_map (default chunking, explicit chunksize, empty input)
  assert.deepEqual(await pool.map(square, range(10)), range(10).map((x) => x * x));
  assert.deepEqual(await pool.map(square, range(100), 7), range(100).map((x) => x * x));
  assert.deepEqual(await pool.map(square, []), []);
  // test_starmap
  const pairs = range(10).map((i) => [i, i + 1] as [number, number]);
  assert.deepEqual(await pool.starmap(mul, pairs), pairs.map(([a, b]) => a * b));
  assert.deepEqual(
    await pool.starmapAsync(mul, pairs, 3).get(),
    pairs.map(([a, b]) => a * b),
  );
  // test_async / test_async_timeout
  const res = pool.applyAsync(sleepThen, [0.05, "slept"]);
  assert.equal(res.ready(), false);
  assert.throws(() => res.successful(), /not ready/);
  assert.equal(await res.get(5), "slept");
  assert.equal(res.ready(), true);
  assert.equal(res.successful(), true);
  const slow = pool.applyAsync(sleepThen, [0.5, 1]);
  await assert.rejects(slow.get(0.02), TimeoutError);
  await slow.wait(0.01);
  assert.equal(slow.ready(), false);
  await slow.wait();
  // test_imap / imap_unordered
  assert.deepEqual(await collect(pool.imap(square, range(10))), range(10).map((x) => x * x));
  assert.deepEqual(await collect(pool.imap(square, range(100), 7)), range(100).map((x) => x * x));
  const unordered = await collect(pool.imapUnordered(square, range(50), 3));
  assert.deepEqual(unordered.sort((a, b) => a - b), range(50).map((x) => x * x));
  // Large chunks of numbers travel packed; values and types survive.
  const numbers = [...range(200), -0, NaN, Infinity, 1.5, -2.25];
  const same = await pool.map(identity, numbers, 100);
  assert.equal(same.length, numbers.length);
  assert.ok(same.every((v, i) => Object.is(v, numbers[i])));
  assert.deepEqual(
    await pool.map((x: number) => `n${x}`, range(100), 100),
    range(100).map((x) => `n${x}`),
  );
  // A self-contained function that is not exported travels as source.
  assert.deepEqual(await pool.map((x: number) => x + 0.5, [1, 2]), [1.5, 2.5]);
  assert.match(String(pool), /<multiprocessing.pool.Pool state=RUN pool_size=2>/);
});

Deno.test("Pool: callbacks and error callbacks; map failures", async () => {
  await using pool = new Pool(2, { module });
  const got: unknown[] = [];
  const r = pool.applyAsync(add, [1, 2], { callback: (v) => got.push(v) });
  await r.wait();
  assert.deepEqual(got, [3]);
  const errors: unknown[] = [];
  const bad = pool.applyAsync(failIfOdd, [3], { errorCallback: (e) => errors.push(e) });
  await bad.wait();
  assert.equal(bad.successful(), false);
  await assert.rejects(bad.get(), (e: Error) => e instanceof RangeError && e.message === "odd: 3");
  assert.equal(errors.length, 1);
  // test_map_no_failfast / map raising: the first error is raised.
  await assert.rejects(pool.map(failIfOdd, [0, 2, 4, 5, 6]), /odd: 5/);
  const mapped: unknown[] = [];
  const mres = pool.mapAsync(square, [1, 2, 3], null, { callback: (v) => mapped.push(v) });
  assert.deepEqual(await mres.get(), [1, 4, 9]);
  assert.deepEqual(mapped, [[1, 4, 9]]);
  // imap raises at the failing item, after yielding the ones before it.
  const seen: number[] = [];
  await assert.rejects(async () => {
    for await (const x of pool.imap(failIfOdd, [0, 2, 3, 4])) seen.push(x);
  }, /odd: 3/);
  assert.deepEqual(seen, [0, 2]);
  // An argument that cannot be sent fails its own call; the pool stays usable.
  await assert.rejects(pool.apply(identity, [() => 1]), TypeError);
  assert.equal(await pool.apply(add, [1, 1]), 2);
});

Deno.test("Pool: imap reads its input lazily and keeps order", async () => {
  await using pool = new Pool(2, { module });
  let pulled = 0;
  function* numbers() {
    for (let i = 0; i < 1000; i++) {
      pulled++;
      yield i;
    }
  }
  const it = pool.imap(square, numbers());
  const first = await it.next();
  assert.equal(first.value, 0);
  assert.ok(pulled < 50, `imap read ${pulled} items ahead`);
  await it.return(undefined);
  async function* slowSource() {
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 2));
      yield i;
    }
  }
  assert.deepEqual(await collect(pool.imap(square, slowSource())), [0, 1, 4, 9, 16]);
});

Deno.test("Pool: close/join, terminate, state errors (_TestPool.test_terminate)", async () => {
  assert.throws(() => new Pool(0), /Number of processes must be at least 1/);
  assert.throws(() => new Pool(-1), RangeError);
  const pool = new Pool(2, { module });
  assert.throws(() => pool.join(), /Pool is still running/);
  const results = [1, 2, 3].map((i) => pool.applyAsync(sleepThen, [0.02, i]));
  pool.close();
  assert.throws(() => pool.applyAsync(add, [1, 2]), /Pool not running/);
  await pool.join();
  assert.deepEqual(await Promise.all(results.map((r) => r.get())), [1, 2, 3]);

  const p2 = new Pool(2, { module });
  const long = p2.applyAsync(sleepThen, [5, "never"]);
  const started = performance.now();
  await p2.terminate();
  await p2.join();
  assert.ok(performance.now() - started < 2000, "terminate does not wait for the task");
  await assert.rejects(long.get(), /terminated/);
});

Deno.test("Pool: initializer and maxtasksperchild (_TestPoolWorkerLifetime)", async () => {
  await using pool = new Pool({ processes: 1, initializer: init, initargs: ["ready"], module });
  assert.equal(await pool.apply(getInitValue), "ready");
  const who = await pool.apply(whoAmI);
  assert.equal(who.kind, "process");
  assert.match(who.name, /^SpawnPoolWorker-\d+$/);

  await using lifetime = new Pool({ processes: 1, maxtasksperchild: 2, module });
  const counts: number[] = [];
  for (let i = 0; i < 5; i++) counts.push(await lifetime.apply(countCalls));
  assert.deepEqual(counts, [1, 2, 1, 2, 1]);
  const pids = new Set<number>();
  for (let i = 0; i < 4; i++) pids.add((await lifetime.apply(whoAmI)).pid);
  assert.ok(pids.size >= 2, "workers were replaced");
});

Deno.test("Pool: a worker that dies fails its own task and is replaced", async () => {
  await using pool = new Pool(1, { module });
  await assert.rejects(pool.apply(exitWorker, [7]), /exit code 7/);
  assert.equal(await pool.apply(add, [2, 2]), 4);
  assert.ok(new AsyncResult() instanceof AsyncResult);
  // Tasks already sent to the dying worker but not started run on its replacement.
  const dies = pool.applyAsync(exitWorker, [3]);
  const after = pool.applyAsync(add, [5, 5]);
  sleep(0); // A blocking wait hands both to the one worker.
  await assert.rejects(dies.get(), /exit code 3/);
  assert.equal(await after.get(), 10);
});

Deno.test("Pool: a blocking wait first hands every queued task to a worker (no deadlock)", async () => {
  await using pool = new Pool(2, { module });
  const q = new Queue<number>();
  // Python's `apply_async` x6 then blocking `q.get()`: the main thread blocks
  // before any worker has started, so the tasks must leave before it does.
  for (let i = 0; i < 6; i++) pool.applyAsync(putValue, [q, i]);
  const got: number[] = [];
  for (let i = 0; i < 6; i++) got.push(q.get({ timeout: 20 }));
  assert.deepEqual(got.sort(), range(6));
  q.close();
});

Deno.test("Pool.applyAsync timeout / signal stop a running call; its worker is replaced (pyconc extension)", async () => {
  await using pool = new Pool(1, { module });
  const before = (await pool.apply(whoAmI)).name;
  const started = performance.now();
  const slow = pool.applyAsync(napThen, [60, "never"], { timeout: 0.2 });
  const next = pool.applyAsync(square, [4]);
  await assert.rejects(slow.get(), TimeoutError);
  assert.ok(performance.now() - started < 10_000, "the timeout stopped the call");
  assert.equal(slow.successful(), false);
  assert.equal(await next.get(), 16, "the task queued behind it ran on the replacement");
  const after = (await pool.apply(whoAmI)).name;
  assert.notEqual(after, before);

  const controller = new AbortController();
  const stopped = pool.applyAsync(napThen, [60, "never"], { signal: controller.signal });
  setTimeout(() => controller.abort(new RangeError("no longer wanted")), 100);
  await assert.rejects(
    stopped.get(),
    (e: unknown) => e instanceof RangeError && e.message === "no longer wanted",
  );
  // An already aborted signal fails at once; a call within its limit is untouched.
  const gone = pool.applyAsync(square, [2], { signal: AbortSignal.abort("gone") });
  assert.equal(gone.ready(), true);
  await assert.rejects(gone.get(), (e: unknown) => e === "gone");
  assert.equal(await pool.apply(square, [3], { timeout: 30 }), 9);
  assert.throws(() => pool.applyAsync(square, [1], { timeout: -1 }), ValueError);
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => pool.applyAsync(square, [1], { signal: "soon" as any }),
    TypeError,
  );
});

Deno.test("Pool: chunks of numbers (through the workers' shared mailboxes) map exactly", async () => {
  await using pool = new Pool(2, { module });
  const xs = Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? -i / 3 : i * 1.5));
  const want = xs.map((x) => x * x);
  // Default chunking (4 chunks per worker in flight), small chunks (more
  // chunks than mailboxes), one big chunk, and the same again (boxes reused).
  assert.deepEqual(await pool.map(square, xs), want);
  assert.deepEqual(await pool.map(square, xs, 100), want);
  assert.deepEqual(await pool.map(square, xs, 20_000), want);
  assert.deepEqual(await pool.map(square, xs), want);
  // A chunk larger than a mailbox (2^18 numbers) travels in its message.
  const big = Array.from({ length: 300_000 }, (_, i) => i);
  const bigOut = await pool.map(square, big, 300_000);
  assert.equal(bigOut.length, 300_000);
  assert.ok(bigOut.every((y, i) => y === i * i));
  // Async functions, and results that are not all numbers.
  assert.deepEqual(await pool.map(squareLater, xs.slice(0, 500)), want.slice(0, 500));
  const ints = range(1000);
  assert.deepEqual(await pool.map(halfOrText, ints, 250), ints.map((x) => halfOrText(x)));
  // NaN, -0 and infinities survive the round trip.
  const odd = [NaN, -0, Infinity, -Infinity, ...range(100)];
  const back = await pool.map(identity, odd);
  assert.ok(Number.isNaN(back[0]) && Object.is(back[1], -0) && back[2] === Infinity);
  assert.deepEqual(back.slice(3), odd.slice(3));
  // imap over numbers, and a failure inside a mailbox chunk.
  assert.deepEqual(await collect(pool.imap(square, xs.slice(0, 1000), 200)), want.slice(0, 1000));
  await assert.rejects(pool.map(failIfOdd, range(300), 100), /odd: 1/);
  assert.deepEqual(await pool.map(square, range(300), 100), range(300).map((x) => x * x));
});
