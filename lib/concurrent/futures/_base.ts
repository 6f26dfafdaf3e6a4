/**
 * `concurrent.futures` basics: {@linkcode Future}, {@linkcode wait},
 * {@linkcode asCompleted}, the `Executor` base and the errors. Ports CPython's
 * `Lib/concurrent/futures/_base.py`.
 *
 * Python's `result()` blocks the calling thread; here `result(timeout)` and
 * `exception(timeout)` return promises, and a `Future` is awaitable itself
 * (`await future` is `await future.result()`).
 *
 * @module
 */

import { CancelledError, InvalidStateError, TimeoutError } from "../../exceptions.ts";
import { waitMs } from "../../_internal/clock.ts";
import type { Job } from "../../_internal/pool_engine.ts";

/** `wait()` returns when any future finishes or is cancelled. */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/** `wait()` returns when any future finishes by raising, or all finish. */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/** `wait()` returns when all futures finish or are cancelled. */
export const ALL_COMPLETED = "ALL_COMPLETED";

/** When {@linkcode wait} returns. */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/**
 * The executor cannot run work any more (a worker died or an initializer
 * failed). Ports `concurrent.futures.BrokenExecutor`.
 *
 * @example Usage
 * ```ts
 * import { concurrent } from "@pyconc/pyconc";
 *
 * console.assert(new concurrent.futures.BrokenExecutor("x").name === "BrokenExecutor");
 * ```
 */
export class BrokenExecutor extends Error {
  /**
   * Creates the error.
   * @param message Why the executor is broken.
   * @param options `cause`: what broke it.
   */
  constructor(message?: string, options?: { cause?: unknown }) {
    super(message ?? "", options);
  }
}
Object.defineProperty(BrokenExecutor.prototype, "name", {
  value: "BrokenExecutor",
  writable: true,
  configurable: true,
});

type State = "PENDING" | "RUNNING" | "CANCELLED" | "FINISHED";

let nextFutureId = 0x7f3a0000;

/** A callback for {@linkcode Future.addDoneCallback}. */
export type DoneCallback<T> = (future: Future<T>) => void;

/** Options of {@linkcode Future.cancel} (a pyconc extension). */
export interface CancelOptions {
  /**
   * Cancel a call that is already running too, by terminating the worker that
   * runs it (it is replaced). Default false: Python's `cancel()`.
   */
  terminate?: boolean;
}

/**
 * The eventual result of a call. Ports `concurrent.futures.Future`: created by
 * `Executor.submit()`, or directly for your own executors (then drive it with
 * {@linkcode Future.setRunningOrNotifyCancel}, {@linkcode Future.setResult},
 * {@linkcode Future.setException}).
 *
 * States: pending, running, cancelled, finished. `cancel()` succeeds only
 * while pending (Python: false once running). Awaiting the future gives its
 * result or throws its exception (or `CancelledError`).
 *
 * @example Usage
 * ```ts
 * import { concurrent } from "@pyconc/pyconc";
 *
 * const f = new concurrent.futures.Future<number>();
 * f.addDoneCallback((done) => console.assert(done.done()));
 * f.setResult(42);
 * console.assert((await f.result()) === 42 && (await f) === 42);
 * ```
 */
export class Future<T = unknown> implements PromiseLike<T> {
  #state: State = "PENDING";
  #result: T | undefined;
  #exception: unknown;
  #hasException = false;
  // Allocated on first use: most futures get one waiter and no callback.
  #callbacks: DoneCallback<T>[] | undefined;
  #waiters: (() => void)[] | undefined;
  #job: Job | undefined;
  readonly #id = nextFutureId += 0x30;

  #owner: Set<Future<unknown>> | undefined;

  /**
   * @internal Ties the future to the pool job that computes it, and to the
   * set of its executor's unfinished futures, which it leaves when done.
   */
  _attach(job: Job, owner?: Set<Future<unknown>>): void {
    this.#job = job;
    this.#owner = owner;
    owner?.add(this as Future<unknown>);
  }

  #currentState(): State {
    if (this.#state === "PENDING" && this.#job?.running()) this.#state = "RUNNING";
    return this.#state;
  }

  /**
   * Attempts to cancel the call. Returns false if it is running or finished
   * (it cannot be cancelled then), true if it is cancelled now or was already.
   *
   * With `{ terminate: true }` (a pyconc extension) a call that an executor is
   * already running is cancelled too: the worker running it is terminated and
   * replaced, so the call stops where it is (Python cannot stop a running
   * thread; a worker can be stopped). As with `Process.terminate()`, its
   * `finally` blocks do not run and shared locks it holds stay held. Calls
   * queued on the same worker move to another one. Returns false only once
   * the future has finished.
   *
   * @example Stopping a call that runs too long
   * ```ts
   * import { concurrent } from "@pyconc/pyconc";
   *
   * await using executor = new concurrent.futures.ThreadPoolExecutor(1);
   * const f = executor.submit((s: number) => new Promise((r) => setTimeout(r, s * 1000)), 60);
   * setTimeout(() => f.cancel({ terminate: true }), 100);
   * await concurrent.futures.wait([f]);
   * console.assert(f.cancelled());
   * ```
   */
  cancel(options?: CancelOptions): boolean {
    const state = this.#currentState();
    if (state === "FINISHED") return false;
    if (state === "CANCELLED") return true;
    const terminate = options?.terminate === true;
    if (state === "RUNNING" && !(terminate && this.#job)) return false;
    if (this.#job && !(terminate ? this.#job.abort() : this.#job.cancel())) {
      if (this.#state === "PENDING") this.#state = "RUNNING";
      return false;
    }
    this.#state = "CANCELLED";
    this.#notify();
    return true;
  }

  /** True if the call was cancelled. */
  cancelled(): boolean {
    return this.#state === "CANCELLED";
  }

  /** True if the call is running now (and cannot be cancelled). */
  running(): boolean {
    return this.#currentState() === "RUNNING";
  }

  /** True if the call finished or was cancelled. */
  done(): boolean {
    return this.#state === "CANCELLED" || this.#state === "FINISHED";
  }

  #outcome(): T {
    if (this.#state === "CANCELLED") throw new CancelledError();
    if (this.#hasException) throw this.#exception;
    return this.#result as T;
  }

  #waitDone(timeout: number | null | undefined): Promise<void> {
    if (this.done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waiter = () => {
        if (timer !== undefined) clearTimeout(timer);
        resolve();
      };
      (this.#waiters ??= []).push(waiter);
      if (timeout !== undefined && timeout !== null) {
        timer = setTimeout(() => {
          const i = this.#waiters?.indexOf(waiter) ?? -1;
          if (i >= 0) this.#waiters!.splice(i, 1);
          reject(new TimeoutError());
        }, waitMs(timeout));
      }
    });
  }

  /**
   * The call's result: waits up to `timeout` seconds (no limit by default).
   * Rejects with the call's error, `CancelledError` if it was cancelled, or
   * `TimeoutError` when the time runs out.
   * @param timeout Seconds to wait; null or undefined: no limit.
   */
  result(timeout?: number | null): Promise<T> {
    if (timeout === undefined || timeout === null) {
      // The common case without a timer: one promise, settled on completion.
      return new Promise<T>((resolve, reject) => {
        const settle = () => {
          try {
            resolve(this.#outcome());
          } catch (error) {
            reject(error);
          }
        };
        if (this.done()) settle();
        else (this.#waiters ??= []).push(settle);
      });
    }
    return this.#waitDone(timeout).then(() => this.#outcome());
  }

  /**
   * The call's error, or undefined if it returned normally (Python's `None`);
   * waits like {@linkcode Future.result}.
   * @param timeout Seconds to wait; null or undefined: no limit.
   */
  async exception(timeout?: number | null): Promise<unknown> {
    await this.#waitDone(timeout);
    if (this.#state === "CANCELLED") throw new CancelledError();
    return this.#hasException ? this.#exception : undefined;
  }

  /**
   * Calls `fn(future)` when the future is done (at once if it is already).
   * An error thrown by `fn` is reported and ignored, as Python logs it.
   */
  addDoneCallback(fn: DoneCallback<T>): void {
    if (typeof fn !== "function") {
      throw new TypeError(`addDoneCallback() needs a function: got ${typeof fn}`);
    }
    if (this.done()) this.#invoke(fn);
    else (this.#callbacks ??= []).push(fn);
  }

  #invoke(fn: DoneCallback<T>): void {
    try {
      fn(this);
    } catch (error) {
      console.error(`exception calling callback for ${this}`, error);
    }
  }

  /**
   * For executors: marks the future running, or returns false if it was
   * cancelled (then it must not run). Ports `set_running_or_notify_cancel`.
   */
  setRunningOrNotifyCancel(): boolean {
    if (this.#state === "CANCELLED") return false;
    if (this.#state === "PENDING") {
      this.#state = "RUNNING";
      return true;
    }
    throw new InvalidStateError(`Future in unexpected state: ${this.#state}`);
  }

  /** For executors: finishes the future with `value`. */
  setResult(value: T): void {
    if (this.#state === "CANCELLED" || this.#state === "FINISHED") {
      throw new InvalidStateError(`${this.#state}: ${this}`);
    }
    this.#result = value;
    this.#state = "FINISHED";
    this.#notify();
  }

  /** For executors: finishes the future with an error. */
  setException(error: unknown): void {
    if (this.#state === "CANCELLED" || this.#state === "FINISHED") {
      throw new InvalidStateError(`${this.#state}: ${this}`);
    }
    this.#exception = error;
    this.#hasException = true;
    this.#state = "FINISHED";
    this.#notify();
  }

  /** @internal True when the future finished with an error. */
  _failed(): boolean {
    return this.#hasException;
  }

  #notify(): void {
    this.#owner?.delete(this as Future<unknown>);
    const waiters = this.#waiters, callbacks = this.#callbacks;
    this.#waiters = this.#callbacks = undefined;
    if (waiters) { for (const waiter of waiters) waiter(); }
    if (callbacks) { for (const fn of callbacks) this.#invoke(fn); }
  }

  /** Awaiting a future waits for its result. */
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.result().then(onFulfilled, onRejected);
  }

  /** Python's repr: `<Future at 0x7f3a0030 state=finished returned number>`. */
  toString(): string {
    const state = this.#currentState().toLowerCase();
    const at = `0x${this.#id.toString(16)}`;
    if (this.#state === "FINISHED") {
      if (this.#hasException) {
        const name = (this.#exception as Error)?.name ?? typeof this.#exception;
        return `<Future at ${at} state=${state} raised ${name}>`;
      }
      return `<Future at ${at} state=${state} returned ${typeName(this.#result)}>`;
    }
    return `<Future at ${at} state=${state}>`;
  }

  /** Deno's inspect hook. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  /** Node's inspect hook. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return (value as object).constructor?.name ?? "object";
}

/** What {@linkcode wait} returns; also destructures as `[done, notDone]`. */
export class DoneAndNotDoneFutures<T> {
  /** The futures that finished or were cancelled. */
  readonly done: Set<Future<T>>;
  /** The others. */
  readonly notDone: Set<Future<T>>;

  /**
   * Creates the pair.
   * @param done Finished futures.
   * @param notDone Unfinished futures.
   */
  constructor(done: Set<Future<T>>, notDone: Set<Future<T>>) {
    this.done = done;
    this.notDone = notDone;
  }

  /** `const [done, notDone] = await wait(fs)`. */
  *[Symbol.iterator](): Iterator<Set<Future<T>>> {
    yield this.done;
    yield this.notDone;
  }
}

function checkFutures<T>(fs: Iterable<Future<T>>, what: string): Set<Future<T>> {
  if (fs === null || fs === undefined || typeof fs[Symbol.iterator] !== "function") {
    throw new TypeError(`${what}() needs an iterable of futures: got ${String(fs)}`);
  }
  const set = new Set<Future<T>>();
  for (const f of fs) {
    if (!(f instanceof Future)) {
      throw new TypeError(`${what}() needs concurrent.futures.Future objects: got ${String(f)}`);
    }
    set.add(f);
  }
  return set;
}

/** Options of {@linkcode wait}. */
export interface WaitOptions {
  /** Seconds to wait at most (no limit by default). */
  timeout?: number | null;
  /** When to return (default `ALL_COMPLETED`). */
  returnWhen?: ReturnWhen;
}

/**
 * Waits for futures. Ports `concurrent.futures.wait(fs, timeout, return_when)`.
 * Resolves (never rejects on timeout) with the done and not-done sets.
 *
 * @example Usage
 * ```ts
 * import { concurrent } from "@pyconc/pyconc";
 *
 * const a = new concurrent.futures.Future<number>();
 * const b = new concurrent.futures.Future<number>();
 * a.setResult(1);
 * const { done, notDone } = await concurrent.futures.wait([a, b], {
 *   returnWhen: concurrent.futures.FIRST_COMPLETED,
 * });
 * console.assert(done.has(a) && notDone.has(b));
 * ```
 */
export function wait<T>(
  fs: Iterable<Future<T>>,
  options: WaitOptions = {},
): Promise<DoneAndNotDoneFutures<T>> {
  const all = checkFutures(fs, "wait");
  const returnWhen = options.returnWhen ?? ALL_COMPLETED;
  if (![FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED].includes(returnWhen)) {
    throw new RangeError(`Invalid return condition: ${String(returnWhen)}`);
  }
  const split = () => {
    const done = new Set<Future<T>>(), notDone = new Set<Future<T>>();
    for (const f of all) (f.done() ? done : notDone).add(f);
    return new DoneAndNotDoneFutures(done, notDone);
  };
  const satisfied = () => {
    let doneCount = 0;
    for (const f of all) {
      if (!f.done()) continue;
      doneCount++;
      if (returnWhen === FIRST_COMPLETED) return true;
      if (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f._failed()) return true;
    }
    return doneCount === all.size;
  };
  if (satisfied()) return Promise.resolve(split());
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      if (timer !== undefined) clearTimeout(timer);
      resolve(split());
    };
    for (const f of all) f.addDoneCallback(() => satisfied() && finish());
    if (options.timeout !== undefined && options.timeout !== null) {
      timer = setTimeout(finish, waitMs(options.timeout));
    }
  });
}

/**
 * A future handed out by {@linkcode asCompleted}: the {@linkcode Future}
 * itself, typed without `then` so that TypeScript does not take
 * `for await (const f of asCompleted(fs))` to await it (it does not).
 */
export type CompletedFuture<T> = Omit<Future<T>, "then">;

/**
 * Yields futures as they complete (finished or cancelled), those already done
 * first. Ports `concurrent.futures.as_completed(fs, timeout)`; throws
 * `TimeoutError` if some are still unfinished after `timeout` seconds.
 *
 * @example Usage
 * ```ts
 * import { concurrent } from "@pyconc/pyconc";
 *
 * const a = new concurrent.futures.Future<string>();
 * const b = new concurrent.futures.Future<string>();
 * setTimeout(() => a.setResult("a"), 5);
 * b.setResult("b");
 * const order: string[] = [];
 * for await (const f of concurrent.futures.asCompleted([a, b])) order.push(await f.result());
 * console.assert(order.join() === "b,a");
 * ```
 */
export function asCompleted<T>(
  fs: Iterable<Future<T>>,
  options: { timeout?: number | null } = {},
): AsyncIterableIterator<CompletedFuture<T>> {
  const all = checkFutures(fs, "asCompleted");
  const total = all.size;
  const deadline = options.timeout === undefined || options.timeout === null
    ? undefined
    : performance.now() + waitMs(options.timeout);
  // A Future is thenable, so an async generator would await it on `yield`:
  // this iterator hands the futures themselves out.
  const finished: Future<T>[] = [];
  let wake: (() => void) | undefined;
  for (const f of all) {
    if (f.done()) finished.push(f);
  }
  for (const f of all) {
    if (!f.done()) {
      f.addDoneCallback(() => {
        finished.push(f);
        wake?.();
      });
    }
  }
  let yielded = 0;
  let stopped = false;
  const next = async (): Promise<IteratorResult<CompletedFuture<T>>> => {
    while (!stopped && yielded < total) {
      if (finished.length > 0) {
        yielded++;
        return { value: finished.shift()!, done: false };
      }
      const left = deadline === undefined ? undefined : deadline - performance.now();
      if (left !== undefined && left <= 0) {
        stopped = true;
        throw new TimeoutError(`${total - yielded} (of ${total}) futures unfinished`);
      }
      await new Promise<void>((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        wake = () => {
          wake = undefined;
          if (timer !== undefined) clearTimeout(timer);
          resolve();
        };
        if (left !== undefined) timer = setTimeout(() => wake?.(), left);
      });
    }
    return { value: undefined, done: true };
  };
  return {
    next,
    return(): Promise<IteratorResult<CompletedFuture<T>>> {
      stopped = true;
      wake?.();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
