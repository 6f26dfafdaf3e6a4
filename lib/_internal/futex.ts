/**
 * Futex-style waiting on a word of shared memory, the one primitive every
 * pyconc lock, event, condition, semaphore and barrier is built on.
 *
 * Each algorithm is written once, as a generator that yields a
 * {@linkcode WaitOp} ("sleep until word `index` of `view` is no longer
 * `expected`, or `timeout` seconds pass") and receives the
 * {@linkcode WaitResult}. Two drivers run it: {@linkcode runBlocking} blocks the
 * thread on `Atomics.wait` (Python's blocking methods), {@linkcode runAsync}
 * awaits `Atomics.waitAsync` while holding the program open with
 * {@linkcode keepAlive} (the `...Async` twins). The algorithms always re-check
 * their condition after waking: a wake-up is only a hint.
 *
 * Timeouts are program seconds (see clock.ts: `PYCONC_TIME_SCALE` scales them).
 *
 * @module
 */

import { beforeBlock } from "./before_block.ts";
import { blockingSliceMs, canBlock, exitIfStopped, keepAlive } from "./runtime.ts";
import { waitMs } from "./clock.ts";

/** What a wait ended with (the strings `Atomics.wait` returns). */
export type WaitResult = "ok" | "not-equal" | "timed-out";

/** One request to sleep on a word. */
export interface WaitOp {
  /** The shared words. */
  readonly view: Int32Array;
  /** Which word. */
  readonly index: number;
  /** Sleep only while the word holds this value. */
  readonly expected: number;
  /** A deadline from {@linkcode deadline} (undefined: no limit). */
  readonly deadline?: number;
}

/** An algorithm that may sleep on words and ends with a `T`. */
export type Steps<T> = Generator<WaitOp, T, WaitResult>;

/** Real milliseconds now (the futex clock; never scaled). */
export function nowMs(): number {
  return performance.now();
}

/**
 * The real-time deadline of a timeout in program seconds: undefined for no
 * limit (`undefined`, `null`, or Python's `-1` where the caller maps it).
 */
export function deadline(timeoutSeconds: number | null | undefined): number | undefined {
  if (timeoutSeconds === undefined || timeoutSeconds === null) return undefined;
  return nowMs() + waitMs(timeoutSeconds);
}

/** Real milliseconds left before `deadlineMs` (Infinity without one, never negative). */
export function remainingMs(deadlineMs: number | undefined): number {
  if (deadlineMs === undefined) return Infinity;
  return Math.max(0, deadlineMs - nowMs());
}

/** True once `deadlineMs` has passed. */
export function expired(deadlineMs: number | undefined): boolean {
  return deadlineMs !== undefined && nowMs() >= deadlineMs;
}

/**
 * The error a blocking call raises where the thread may not block (a browser's
 * main thread), naming the async twin to use instead.
 */
export function cannotBlock(what: string, asyncTwin: string): Error {
  return new Error(
    `Cannot call ${what} here: this thread may not block (a browser's main thread). Use ${asyncTwin} instead`,
  );
}

/**
 * Blocks until word `index` of `view` is woken or no longer holds `expected`.
 * @param view The shared words.
 * @param index Which word.
 * @param expected Sleep only while the word holds this.
 * @param deadlineMs From {@linkcode deadline}; undefined waits without limit.
 */
export function wait(
  view: Int32Array,
  index: number,
  expected: number,
  deadlineMs?: number,
): WaitResult {
  let ms = remainingMs(deadlineMs);
  if (ms === 0) return Atomics.load(view, index) === expected ? "timed-out" : "not-equal";
  beforeBlock();
  // In a worker, sleep in slices and check the stop word between them: on
  // Deno, terminate() does not interrupt a thread blocked here (runtime.ts).
  for (;;) {
    const result = Atomics.wait(view, index, expected, Math.min(ms, blockingSliceMs));
    if (result !== "timed-out") return result;
    exitIfStopped();
    ms = remainingMs(deadlineMs);
    if (ms === 0) return "timed-out";
  }
}

// Atomics.waitAsync is in V8 (Deno, Node ≥ 16) and Safari; Firefox lacks it, so
// fall back to polling there.
const atomicsWaitAsync = (Atomics as unknown as {
  waitAsync?: (
    view: Int32Array,
    index: number,
    value: number,
    timeout?: number,
  ) => { async: boolean; value: WaitResult | Promise<WaitResult> };
}).waitAsync;

/**
 * Waits without blocking until word `index` of `view` is woken or no longer
 * holds `expected`. The program stays alive while the wait is pending.
 * @param view The shared words.
 * @param index Which word.
 * @param expected Wait only while the word holds this.
 * @param deadlineMs From {@linkcode deadline}; undefined waits without limit.
 */
export function waitAsync(
  view: Int32Array,
  index: number,
  expected: number,
  deadlineMs?: number,
): Promise<WaitResult> {
  const ms = remainingMs(deadlineMs);
  if (ms === 0) {
    return Promise.resolve(Atomics.load(view, index) === expected ? "timed-out" : "not-equal");
  }
  if (atomicsWaitAsync) {
    const result = atomicsWaitAsync(view, index, expected, ms);
    if (!result.async) return Promise.resolve(result.value as WaitResult);
    const release = keepAlive();
    return (result.value as Promise<WaitResult>).finally(release);
  }
  return pollAsync(view, index, expected, deadlineMs);
}

async function pollAsync(
  view: Int32Array,
  index: number,
  expected: number,
  deadlineMs?: number,
): Promise<WaitResult> {
  for (let delay = 1;; delay = Math.min(delay * 2, 16)) {
    if (Atomics.load(view, index) !== expected) return "ok";
    const ms = remainingMs(deadlineMs);
    if (ms === 0) return "timed-out";
    await new Promise((r) => setTimeout(r, Math.min(delay, ms)));
  }
}

/**
 * Wakes up to `count` waiters (blocking and async) sleeping on word `index`.
 * @returns How many were woken.
 */
export function notify(view: Int32Array, index: number, count = Infinity): number {
  return Atomics.notify(view, index, count);
}

/**
 * Runs an algorithm, blocking the thread on each wait it asks for.
 * @param steps The algorithm.
 * @param what The method's name, for the error on a thread that may not block.
 * @param asyncTwin The method to use there instead.
 */
export function runBlocking<T>(steps: Steps<T>, what: string, asyncTwin: string): T {
  if (!canBlock) throw cannotBlock(what, asyncTwin);
  let step = steps.next();
  while (!step.done) {
    const op = step.value;
    step = steps.next(wait(op.view, op.index, op.expected, op.deadline));
  }
  return step.value;
}

/**
 * Runs an algorithm, awaiting `Atomics.waitAsync` for each wait it asks for.
 * @param steps The algorithm.
 */
export async function runAsync<T>(steps: Steps<T>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    const op = step.value;
    step = steps.next(await waitAsync(op.view, op.index, op.expected, op.deadline));
  }
  return step.value;
}
