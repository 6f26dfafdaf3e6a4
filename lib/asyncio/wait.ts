/**
 * `asyncio.wait`, `asyncio.wait_for`, `asyncio.as_completed` and the
 * `FIRST_COMPLETED` / `FIRST_EXCEPTION` / `ALL_COMPLETED` constants. Ports
 * the waiting half of Python's `asyncio.tasks`.
 *
 * @module
 */

import { CancelledError, TimeoutError } from "../exceptions.ts";
import { getEventLoop, type TimerHandle } from "./events.ts";
import { Future, wrapFuture } from "./futures.ts";
import type { Awaitable } from "./gather.ts";
import { ensureFuture, type Task } from "./tasks.ts";
import { timeout } from "./timeouts.ts";

/**
 * `wait` returns when any future finishes or is cancelled (Python's `asyncio.FIRST_COMPLETED`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * console.assert(asyncio.FIRST_COMPLETED === "FIRST_COMPLETED");
 * ```
 */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/**
 * `wait` returns when any future raises (or all are done) (Python's `asyncio.FIRST_EXCEPTION`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * console.assert(asyncio.FIRST_EXCEPTION === "FIRST_EXCEPTION");
 * ```
 */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/**
 * `wait` returns when all futures are done (Python's `asyncio.ALL_COMPLETED`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * console.assert(asyncio.ALL_COMPLETED === "ALL_COMPLETED");
 * ```
 */
export const ALL_COMPLETED = "ALL_COMPLETED";

/** The `returnWhen` values of {@linkcode wait}. */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** Options of {@linkcode wait}. */
export interface WaitOptions {
  /** Seconds to wait at most; on timeout `wait` returns (never raises). */
  timeout?: number | null;
  /** When to return (default `ALL_COMPLETED`). */
  returnWhen?: ReturnWhen;
}

/**
 * What {@linkcode wait}'s sets hold for an awaitable of type `A`: a future or
 * task as is (same type), a coroutine function or promise as the task that
 * wraps it.
 */
export type WaitItem<A> = A extends Future<unknown> ? A
  : A extends () => infer R ? Task<Awaited<R>>
  : A extends PromiseLike<infer R> ? Task<Awaited<R>>
  : never;

/**
 * Waits for futures and tasks and returns `[done, pending]` sets (Python's
 * `asyncio.wait(fs, timeout=None, return_when=ALL_COMPLETED)`). Coroutine
 * functions and promises are wrapped in tasks first (their tasks are what the
 * sets hold). The sets hold the input's own element type: pass tasks, get
 * `Set<Task<T>>`. A timeout does not raise and cancels nothing.
 *
 * @throws {RangeError} ValueError: no awaitables, or an unknown `returnWhen`.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const fast = asyncio.createTask(() => asyncio.sleep(0.01, "fast"));
 *   const slow = asyncio.createTask(() => asyncio.sleep(1, "slow"));
 *   const [done, pending] = await asyncio.wait([fast, slow], {
 *     returnWhen: asyncio.FIRST_COMPLETED,
 *   });
 *   console.assert(done.has(fast) && pending.has(slow));
 *   slow.cancel();
 * });
 * ```
 */
export async function wait<A extends Awaitable<unknown>>(
  fs: Iterable<A>,
  options: WaitOptions = {},
): Promise<[Set<WaitItem<A>>, Set<WaitItem<A>>]> {
  if (fs === null || typeof (fs as Iterable<unknown>)?.[Symbol.iterator] !== "function") {
    throw new TypeError(`expect an iterable of futures: got ${String(fs)}`);
  }
  const returnWhen = options.returnWhen ?? ALL_COMPLETED;
  if (
    returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED
  ) {
    throw new RangeError(`Invalid return_when value: ${String(returnWhen)}`);
  }
  type T = unknown;
  const futs = new Set<Future<T>>();
  for (const f of fs) futs.add(ensureFuture(f as Awaitable<T>));
  if (futs.size === 0) throw new RangeError("Set of Tasks/Futures is empty.");
  const timeoutSeconds = options.timeout ?? null;
  const loop = getEventLoop();
  const waiter = loop.createFuture<void>();
  let timeoutHandle: TimerHandle | undefined;
  if (timeoutSeconds !== null) {
    timeoutHandle = loop.callLater(timeoutSeconds, () => {
      if (!waiter.done()) waiter.setResult();
    });
  }
  let counter = futs.size;
  const onCompletion = (f: Future<T>): void => {
    counter--;
    if (
      counter <= 0 || returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== undefined)
    ) {
      timeoutHandle?.cancel();
      if (!waiter.done()) waiter.setResult();
    }
  };
  for (const f of futs) f._addCallback(onCompletion);
  try {
    await waiter;
  } finally {
    timeoutHandle?.cancel();
    for (const f of futs) f._removeCallback(onCompletion);
  }
  const done = new Set<WaitItem<A>>();
  const pending = new Set<WaitItem<A>>();
  for (const f of futs) (f.done() ? done : pending).add(f as WaitItem<A>);
  return [done, pending];
}

/**
 * Waits for one awaitable with a timeout (Python's `asyncio.wait_for(aw,
 * timeout)`): resolves to its result; on timeout cancels it, waits until it
 * has really finished, then raises `TimeoutError`. `timeout` `null` waits
 * forever. A coroutine function runs inside the current task, as Python 3.12+
 * awaits the coroutine directly.
 *
 * @param aw A future or task, a coroutine function, or a promise.
 * @param timeoutSeconds Seconds, or `null` for no limit.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   try {
 *     await asyncio.waitFor(() => asyncio.sleep(10), 0.01);
 *   } catch (e) {
 *     console.assert(e instanceof asyncio.TimeoutError);
 *   }
 * });
 * ```
 */
export async function waitFor<T>(
  aw: Awaitable<T>,
  timeoutSeconds: number | null | undefined,
): Promise<Awaited<T>> {
  if (timeoutSeconds !== null && timeoutSeconds !== undefined) {
    if (typeof timeoutSeconds !== "number" || Number.isNaN(timeoutSeconds)) {
      throw new TypeError(
        `waitFor() timeout must be a number of seconds or null: got ${String(timeoutSeconds)}`,
      );
    }
    if (timeoutSeconds <= 0) {
      const fut = ensureFuture(aw);
      if (fut.done()) return fut.result() as Awaited<T>;
      await cancelAndWait(fut);
      try {
        return fut.result() as Awaited<T>;
      } catch (error) {
        if (error instanceof CancelledError) {
          const timeoutError = new TimeoutError();
          timeoutError.cause = error;
          throw timeoutError;
        }
        throw error;
      }
    }
  }
  return await timeout(timeoutSeconds ?? null, () => awaitInline(aw));
}

function awaitInline<T>(aw: Awaitable<T>): PromiseLike<Awaited<T>> {
  if (aw instanceof Future) return aw as Future<Awaited<T>>;
  if (typeof aw === "function") {
    return Promise.resolve(aw()) as Promise<Awaited<T>>;
  }
  return wrapFuture(aw) as Future<Awaited<T>>;
}

/** Cancels `fut` and waits until it is done, whatever it raises. */
async function cancelAndWait(fut: Future<unknown>): Promise<void> {
  const waiter = getEventLoop().createFuture<void>();
  const done = () => {
    if (!waiter.done()) waiter.setResult();
  };
  fut._addCallback(done);
  try {
    fut.cancel();
    // Wait for the inner to finish, even if we get cancelled meanwhile.
    await waiter;
  } finally {
    fut._removeCallback(done);
  }
}

/** Options of {@linkcode asCompleted}. */
export interface AsCompletedOptions {
  /** Seconds; when they pass, the next iteration raises `TimeoutError`. */
  timeout?: number | null;
}

/**
 * What {@linkcode asCompleted} returns: an async iterator over the results in
 * completion order.
 */
export type AsCompletedIterator<T> = AsyncIterableIterator<T>;

/**
 * Iterates over awaitables as they complete (Python's `asyncio.as_completed(aws,
 * timeout=None)`): `for await (const result of asCompleted(aws))` gives the
 * earliest result first, as Python's `for coro in as_completed(aws): result =
 * await coro` does; a failed awaitable raises its error at its turn.
 * Coroutine functions and promises are wrapped in tasks. Once `timeout`
 * seconds pass, the next iteration raises `TimeoutError` (nothing is
 * cancelled).
 *
 * Python 3.13's `async for fut in as_completed(aws)` yields the futures
 * themselves; a JavaScript `for await` always awaits what it gets from a
 * thenable-typed iterator, so here you get the results (use `wait` with
 * `FIRST_COMPLETED` to learn which task finished).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const order: string[] = [];
 *   const slow = asyncio.createTask(() => asyncio.sleep(0.02, "slow"));
 *   const fast = asyncio.createTask(() => asyncio.sleep(0.01, "fast"));
 *   for await (const result of asyncio.asCompleted([slow, fast])) order.push(result);
 *   console.assert(order.join() === "fast,slow");
 * });
 * ```
 */
export function asCompleted<A extends Awaitable<unknown>>(
  aws: Iterable<A>,
  options?: AsCompletedOptions,
): AsCompletedIterator<A extends Awaitable<infer T> ? Awaited<T> : never>;
export function asCompleted<T>(
  aws: Iterable<Awaitable<T>>,
  options: AsCompletedOptions = {},
): AsCompletedIterator<Awaited<T>> {
  if (aws === null || typeof (aws as Iterable<unknown>)?.[Symbol.iterator] !== "function") {
    throw new TypeError(`expect an iterable of futures: got ${String(aws)}`);
  }
  const loop = getEventLoop();
  const todo = new Set<Future<T>>();
  for (const aw of new Set(aws)) todo.add(ensureFuture(aw) as Future<T>);
  // Finished futures, or null for "timed out", consumed by waiting iterations.
  // (Boxed: resolving a promise with a future would adopt its result.)
  const done: (Future<T> | null)[] = [];
  const getters: ((f: Future<T> | null) => void)[] = [];
  let timeoutHandle: TimerHandle | undefined;
  const push = (f: Future<T> | null) => {
    const getter = getters.shift();
    if (getter) getter(f);
    else done.push(f);
  };
  const onCompletion = (f: Future<T>) => {
    if (todo.size === 0) return; // the timeout was first
    todo.delete(f);
    push(f);
    if (todo.size === 0) timeoutHandle?.cancel();
  };
  for (const f of todo) f._addCallback(onCompletion);
  const timeoutSeconds = options.timeout ?? null;
  if (todo.size > 0 && timeoutSeconds !== null) {
    timeoutHandle = loop.callLater(timeoutSeconds, () => {
      for (const f of todo) {
        f._removeCallback(onCompletion);
        push(null);
      }
      todo.clear();
    });
  }
  let left = todo.size;
  const waitForOne = async (): Promise<{ f: Future<T> }> => {
    let f: Future<T> | null;
    if (done.length > 0) f = done.shift()!;
    else {
      const next = loop.createFuture<{ f: Future<T> | null }>();
      getters.push((value) => {
        if (!next.done()) next.setResult({ f: value });
      });
      f = (await next).f;
    }
    if (f === null) throw new TimeoutError();
    return { f };
  };
  const asyncView: AsyncIterableIterator<Awaited<T>> = {
    async next(): Promise<IteratorResult<Awaited<T>>> {
      if (left === 0) return { done: true, value: undefined };
      left--;
      return { done: false, value: (await waitForOne()).f.result() as Awaited<T> };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return asyncView;
}
