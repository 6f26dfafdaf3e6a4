/**
 * What a pool worker runs (loaded into a pyconc worker by the pool engine):
 * the initializer once, then tasks and chunks of tasks.
 *
 * Each task has a word in a shared status array. The parent writes QUEUED
 * before sending; the worker moves it to RUNNING just before calling the
 * function. A parent that cancels a task still QUEUED (Python's
 * `Future.cancel()` before the task starts) swaps the word to CANCELLED; the
 * worker then skips the task and answers {@linkcode SKIPPED}.
 *
 * @module
 */

import { resolveShipped, type Shipped } from "./spawn.ts";

type AnyFunction = (...args: unknown[]) => unknown;

/** Status words (one per task slot). */
export const FREE = 0, QUEUED = 1, RUNNING = 2, CANCELLED = 3;

/** The answer of a task that was cancelled before it started. */
export const SKIPPED = "__pyconc_pool_skipped__";

let status: Int32Array | undefined;
let initError: { error: unknown } | undefined;
// Settles when the worker is free: tasks run one at a time, like a Python
// thread, even when they are async functions.
let gate: Promise<void> | undefined;
const functions = new Map<number, AnyFunction | Promise<AnyFunction>>();

function resolveRef(ref: Shipped): Promise<AnyFunction> {
  return resolveShipped(ref);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown>)?.then === "function";
}

/**
 * Receives the status array and runs the initializer. Tasks that arrive before
 * it has finished wait for it; if it fails, every task fails with its error.
 */
export function setup(
  statusBuffer: SharedArrayBuffer,
  initializer: Shipped | null,
  initargs: unknown[],
): Promise<void> | void {
  status = new Int32Array(statusBuffer);
  if (!initializer) return;
  const ready = (async () => {
    const fn = await resolveRef(initializer);
    await fn(...initargs);
  })().catch((error) => {
    initError = { error };
    throw error;
  });
  track(ready);
  return ready;
}

function track(running: Promise<unknown>): void {
  const done = running.then(() => {}, () => {});
  gate = done;
  done.then(() => {
    if (gate === done) gate = undefined;
  });
}

/** Names a function for later {@linkcode run} calls. */
export function define(id: number, ref: Shipped): void {
  try {
    const fn = resolveRef(ref);
    functions.set(id, fn);
    if (isThenable(fn)) {
      fn.then((f) => functions.set(id, f), () => {});
    }
  } catch (error) {
    functions.set(id, Promise.reject(error));
    (functions.get(id) as Promise<AnyFunction>).catch(() => {});
  }
}

function claim(slot: number): boolean {
  if (slot < 0 || !status) return true;
  return Atomics.compareExchange(status, slot, QUEUED, RUNNING) === QUEUED;
}

function invoke(id: number, args: unknown[], star: boolean, chunk: boolean): unknown {
  const fn = functions.get(id);
  if (fn === undefined) throw new Error(`Unknown pool function ${id}`);
  if (typeof fn !== "function") {
    return fn.then((f) => {
      functions.set(id, f);
      return chunk ? runChunk(f, args, star) : f(...args);
    });
  }
  return chunk ? runChunk(fn, args, star) : fn(...args);
}

function runChunk(
  fn: AnyFunction,
  items: unknown[],
  star: boolean,
): unknown[] | Promise<unknown[]> {
  const results = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const result = star ? fn(...(items[i] as unknown[])) : fn(items[i]);
    if (isThenable(result)) return finishChunk(fn, items, star, results, i, result);
    results[i] = result;
  }
  return results;
}

async function finishChunk(
  fn: AnyFunction,
  items: unknown[],
  star: boolean,
  results: unknown[],
  at: number,
  pending: PromiseLike<unknown>,
): Promise<unknown[]> {
  results[at] = await pending;
  for (let i = at + 1; i < items.length; i++) {
    const result = star ? fn(...(items[i] as unknown[])) : fn(items[i]);
    results[i] = isThenable(result) ? await result : result;
  }
  return results;
}

/**
 * Runs one task (`chunk` false: `fn(...args)`) or a chunk (`fn(item)` for
 * each item, or `fn(...item)` with `star`), unless it was cancelled first.
 * Tasks run one at a time, in the order they arrived. The first task of a
 * function carries its reference (`ref`).
 */
export function run(
  slot: number,
  id: number,
  args: unknown[],
  chunk: boolean,
  star: boolean,
  ref?: Shipped,
): unknown {
  if (ref) define(id, ref);
  const start = () => {
    if (initError) throw initError.error;
    return claim(slot) ? invoke(id, args, star, chunk) : SKIPPED;
  };
  if (!gate) {
    const result = start();
    if (!isThenable(result)) return result;
    const running = Promise.resolve(result);
    track(running);
    return running;
  }
  const running = gate.then(start);
  track(running);
  return running;
}
