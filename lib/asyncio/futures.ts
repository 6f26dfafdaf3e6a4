/**
 * `asyncio.Future`: a result that will be set later, awaitable with `await`.
 * Ports Python's `asyncio.futures` (`Future`, `wrap_future`, `isfuture`).
 *
 * Done callbacks run FIFO on the loop's ready queue, never inline. `await fut`
 * calls `fut.then` while the awaiting task's async context is current; that is
 * how a task learns which future it waits on (Python's `Task._fut_waiter`), so
 * that `task.cancel()` cancels that future, and how a cancel that arrives after
 * the future completed but before the task resumed is still delivered at that
 * `await`, as in Python.
 *
 * @module
 */

import { frameStorage } from "../_internal/async_context.ts";
import { CancelledError, InvalidStateError } from "../exceptions.ts";
import { Future as ConcurrentFuture } from "../concurrent/futures/_base.ts";
import { copyContext } from "../contextvars/context.ts";
import type { Context } from "../contextvars/context.ts";
import {
  _taskParked,
  _taskStep,
  _wire,
  type EventLoop,
  getEventLoop,
  scheduleSoon,
} from "./events.ts";

const inspectDeno = Symbol.for("Deno.customInspect");
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

const PENDING = 0;
const FINISHED = 1;
const CANCELLED = 2;

/** @internal What a task exposes to the futures it awaits. */
export interface TaskWaiterState {
  /** The future the task waits on (Python's `_fut_waiter`). */
  _waiter: Future<unknown> | undefined;
  /** More futures it waits on at once (`Promise.all` of pyconc futures). */
  _extraWaiters: Future<unknown>[] | undefined;
  /** A cancel is pending (Python's `_must_cancel`). */
  _mustCancel: boolean;
  /** The error to raise for the pending cancel. */
  _makeCancelledError(): CancelledError;
  /** 0 while the task is pending. */
  _state: number;
}

/** One `then` registration: wakes the awaiting task through the ready queue. */
class Awaiter {
  constructor(
    readonly fut: Future<unknown>,
    readonly task: TaskWaiterState | undefined,
    readonly onFulfilled: ((value: never) => unknown) | null | undefined,
    readonly onRejected: ((reason: unknown) => unknown) | null | undefined,
    readonly resolve: (value: unknown) => void,
    readonly reject: (reason: unknown) => void,
  ) {}
}

/** One public `addDoneCallback` registration. */
class DoneCallback {
  constructor(
    readonly fut: Future<unknown>,
    // deno-lint-ignore no-explicit-any
    readonly fn: (fut: any) => void,
    readonly context: Context,
  ) {}
}

// deno-lint-ignore no-explicit-any
type Entry = Awaiter | DoneCallback | ((fut: any) => void);

function runDoneCallback(entry: DoneCallback): void {
  entry.context.run(entry.fn, entry.fut);
}

let wakeAwaiter: (a: Awaiter) => void;

const unretrievedRegistry = typeof FinalizationRegistry === "function"
  ? new FinalizationRegistry<{ loop: EventLoop; repr: string; exception: unknown }>(
    (held) => {
      held.loop.callExceptionHandler({
        message: `${
          held.repr.startsWith("<Task") ? "Task" : "Future"
        } exception was never retrieved`,
        exception: held.exception,
      });
    },
  )
  : undefined;

/**
 * A result that will be set later (Python's `asyncio.Future`). Await it, or
 * add done callbacks. Only the owner should call `setResult` /
 * `setException`; anyone may `cancel`.
 *
 * `result()` and `exception()` raise `InvalidStateError` while pending and
 * `CancelledError` once cancelled. Done callbacks run FIFO on the loop, never
 * inline. An exception set and never retrieved (by `await`, `result()`,
 * `exception()`) is reported to the loop's exception handler when the loop
 * closes or the future is garbage-collected, as Python logs "exception was
 * never retrieved".
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const fut = new asyncio.Future<number>();
 *   asyncio.getRunningLoop().callSoon(() => fut.setResult(42));
 *   console.assert((await fut) === 42 && fut.result() === 42);
 * });
 * ```
 */
export class Future<T> implements PromiseLike<T> {
  /** @internal 0 pending, 1 finished, 2 cancelled. */
  _state: number = PENDING;
  #result: T | undefined = undefined;
  #exception: unknown = undefined;
  #hasException = false;
  #cancelMessage: string | undefined = undefined;
  #cancelledError: CancelledError | undefined = undefined;
  #callbacks: Entry[] | undefined = undefined;
  #loop: EventLoop;
  #unretrieved = false;

  /**
   * Creates a pending future (Python's `asyncio.Future(loop=None)`).
   * @param options `{ loop }`: the loop it belongs to (default: the running
   * loop, else `getEventLoop()`).
   */
  constructor(options?: { loop?: EventLoop }) {
    this.#loop = options?.loop ?? getEventLoop();
  }

  static {
    wakeAwaiter = (a: Awaiter): void => {
      // The awaiting task retrieves the outcome (Python's __wakeup calls result()).
      a.fut.#retrieved();
      const task = a.task;
      if (task !== undefined) {
        removeWaiter(task, a.fut);
        // The task resumes here (a step) unless it still waits on another future.
        if (task._state === PENDING && !hasPendingWaiter(task)) _taskStep(task);
        if (task._mustCancel) {
          // Python's __step: a pending cancel is thrown in at this await.
          task._mustCancel = false;
          settle(a, false, task._makeCancelledError());
          return;
        }
      }
      const fut = a.fut;
      if (fut._state === CANCELLED) settle(a, false, fut._makeCancelledError());
      else if (fut.#hasException) settle(a, false, fut.#exception);
      else settle(a, true, fut.#result);
    };
  }

  /** The loop the future belongs to (Python's `get_loop`). */
  getLoop(): EventLoop {
    return this.#loop;
  }

  /** Whether the future has a result, an exception, or was cancelled (Python's `done`). */
  done(): boolean {
    return this._state !== PENDING;
  }

  /** Whether the future was cancelled (Python's `cancelled`). */
  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /**
   * The result (Python's `Future.result`).
   * @throws {CancelledError} the future was cancelled.
   * @throws {InvalidStateError} it is not done yet.
   * @throws the exception set with `setException`.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * const fut = new asyncio.Future<string>();
   * fut.setResult("ok");
   * console.assert(fut.result() === "ok");
   * ```
   */
  result(): T {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state !== FINISHED) throw new InvalidStateError("Result is not ready.");
    this.#retrieved();
    if (this.#hasException) throw this.#exception;
    return this.#result as T;
  }

  /**
   * The exception, or `undefined` when the future has a result (Python's
   * `Future.exception`, which returns `None`).
   * @throws {CancelledError} the future was cancelled.
   * @throws {InvalidStateError} it is not done yet.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * const fut = new asyncio.Future<string>();
   * fut.setException(new RangeError("bad"));
   * console.assert(fut.exception() instanceof RangeError);
   * ```
   */
  exception(): unknown {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state !== FINISHED) throw new InvalidStateError("Exception is not set.");
    this.#retrieved();
    return this.#hasException ? this.#exception : undefined;
  }

  /**
   * Adds `fn(fut)` to run once the future is done (Python's
   * `add_done_callback`); scheduled with `callSoon` if it is already done. It
   * runs in `context` (default: a copy of the current context).
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * await asyncio.run(async () => {
   *   const fut = new asyncio.Future<number>();
   *   const seen: number[] = [];
   *   fut.addDoneCallback((f) => seen.push(f.result()));
   *   fut.setResult(1);
   *   await asyncio.sleep(0);
   *   console.assert(seen[0] === 1);
   * });
   * ```
   */
  addDoneCallback(fn: (fut: this) => void, options?: { context?: Context }): void {
    if (typeof fn !== "function") {
      throw new TypeError(`addDoneCallback() needs a function: got ${typeof fn}`);
    }
    const entry = new DoneCallback(
      this as Future<unknown>,
      fn,
      options?.context ?? copyContext(),
    );
    if (this._state !== PENDING) scheduleSoon(runDoneCallback, entry);
    else (this.#callbacks ??= []).push(entry);
  }

  /**
   * Removes every registration of `fn`; returns how many were removed
   * (Python's `remove_done_callback`).
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * const fut = new asyncio.Future<number>();
   * const cb = () => {};
   * fut.addDoneCallback(cb);
   * console.assert(fut.removeDoneCallback(cb) === 1);
   * ```
   */
  removeDoneCallback(fn: (fut: this) => void): number {
    const list = this.#callbacks;
    if (list === undefined) return 0;
    const kept = list.filter((e) => !(e instanceof DoneCallback && e.fn === (fn as unknown)));
    const removed = list.length - kept.length;
    this.#callbacks = kept;
    return removed;
  }

  /** @internal A done callback without a context (pyconc's own combinators). */
  _addCallback(fn: (fut: Future<T>) => void): void {
    if (this._state !== PENDING) scheduleSoon(fn, this);
    else (this.#callbacks ??= []).push(fn);
  }

  /** @internal Removes an internal callback added with `_addCallback`. */
  _removeCallback(fn: (fut: Future<T>) => void): void {
    const list = this.#callbacks;
    if (list === undefined) return;
    const i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
  }

  /**
   * Marks the future done with `value` and schedules the callbacks (Python's
   * `set_result`).
   * @throws {InvalidStateError} it is already done.
   */
  setResult(value: T): void {
    this._setResult(value);
  }

  /** @internal `setResult` without the task override. */
  _setResult(value: T): void {
    if (this._state !== PENDING) throw new InvalidStateError(`invalid state: ${this}`);
    this.#result = value;
    this._state = FINISHED;
    this.#scheduleCallbacks();
  }

  /**
   * Marks the future done with `exception` and schedules the callbacks
   * (Python's `set_exception`). A class is instantiated first.
   * @throws {InvalidStateError} it is already done.
   */
  setException(exception: unknown): void {
    this._setException(exception);
  }

  /** @internal `setException` without the task override. */
  _setException(exception: unknown): void {
    if (this._state !== PENDING) throw new InvalidStateError(`invalid state: ${this}`);
    if (typeof exception === "function" && exception.prototype instanceof Error) {
      exception = new (exception as new () => Error)();
    }
    this.#exception = exception;
    this.#hasException = true;
    this._state = FINISHED;
    this.#unretrieved = true;
    this.#loop._unretrieved.add(this as Future<unknown>);
    unretrievedRegistry?.register(this, {
      loop: this.#loop,
      repr: this.toString(),
      exception,
    }, this);
    this.#scheduleCallbacks();
  }

  #retrieved(): void {
    if (this.#unretrieved) {
      this.#unretrieved = false;
      this.#loop._unretrieved.delete(this as Future<unknown>);
      unretrievedRegistry?.unregister(this);
    }
  }

  /** @internal Marks an exception as retrieved (Python's `_log_traceback = False`). */
  _markRetrieved(): void {
    this.#retrieved();
  }

  /**
   * Cancels the future and schedules the callbacks; false if it was already
   * done (Python's `Future.cancel(msg=None)`).
   * @param msg The message of the `CancelledError` awaiters receive.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * const fut = new asyncio.Future<void>();
   * console.assert(fut.cancel("stop") && fut.cancelled() && !fut.cancel());
   * ```
   */
  cancel(msg?: string): boolean {
    return this._cancel(msg);
  }

  /** @internal `cancel` without the task override. */
  _cancel(msg?: string): boolean {
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this.#cancelMessage = msg;
    this.#scheduleCallbacks();
    return true;
  }

  /** @internal The `CancelledError` for this cancelled future (one per future). */
  _makeCancelledError(): CancelledError {
    return this.#cancelledError ??= new CancelledError(this.#cancelMessage);
  }

  /** @internal Sets the error a cancelled future raises (a task keeps its own). */
  _setCancelledError(error: CancelledError): void {
    this.#cancelledError = error;
  }

  #scheduleCallbacks(): void {
    const list = this.#callbacks;
    if (list === undefined) return;
    this.#callbacks = undefined;
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (typeof e === "function") scheduleSoon(e, this);
      else if (e instanceof Awaiter) scheduleSoon(wakeAwaiter, e);
      else scheduleSoon(runDoneCallback, e);
    }
  }

  /**
   * Makes the future awaitable (`PromiseLike`). Called by `await`: the
   * calling task then waits on this future, and `task.cancel()` cancels it.
   */
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    const task = frameStorage.getStore()?.task as TaskWaiterState | undefined;
    if (task !== undefined) {
      if (task === (this as unknown) && this._state === PENDING) {
        // Python raises RuntimeError; waiting would deadlock.
        return Promise.reject(new Error(`Task cannot await on itself: ${this}`)).then(
          onFulfilled,
          onRejected,
        );
      }
      if (task._mustCancel) {
        task._mustCancel = false;
        return Promise.reject(task._makeCancelledError()).then(onFulfilled, onRejected);
      }
      if (this._state === PENDING) {
        addWaiter(task, this as Future<unknown>);
        _taskParked(task);
      }
    }
    if (this._state !== PENDING) {
      // Awaiting a done future does not yield to other callbacks in Python.
      if (this._state === CANCELLED) {
        return Promise.reject(this._makeCancelledError()).then(onFulfilled, onRejected);
      }
      this.#retrieved();
      if (this.#hasException) {
        return Promise.reject(this.#exception).then(onFulfilled, onRejected);
      }
      return Promise.resolve(this.#result as T).then(onFulfilled, onRejected);
    }
    this.#retrieved();
    return new Promise((resolve, reject) => {
      (this.#callbacks ??= []).push(
        new Awaiter(
          this as Future<unknown>,
          task,
          onFulfilled,
          onRejected,
          resolve as (value: unknown) => void,
          reject,
        ),
      );
    });
  }

  /**
   * `then(undefined, onRejected)`, as on a promise.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * const fut = new asyncio.Future<number>();
   * fut.setException(new Error("x"));
   * console.assert((await fut.catch(() => 0)) === 0);
   * ```
   */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onRejected);
  }

  /**
   * Runs `onFinally` when the future is done, as on a promise.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * const fut = new asyncio.Future<number>();
   * fut.setResult(1);
   * console.assert((await fut.finally(() => {})) === 1);
   * ```
   */
  finally(onFinally?: (() => void) | null): Promise<T> {
    return Promise.resolve(this as PromiseLike<T>).finally(onFinally);
  }

  /** @internal The parts of the repr after the state. */
  _reprInfo(): string[] {
    const info: string[] = [];
    if (this._state === PENDING) info.push("pending");
    else if (this._state === CANCELLED) info.push("cancelled");
    else {
      info.push("finished");
      if (this.#hasException) info.push(`exception=${reprError(this.#exception)}`);
      else info.push(`result=${reprValue(this.#result)}`);
    }
    const n = this.#callbacks?.length ?? 0;
    if (n > 0) info.push(`cb=[${n}]`);
    return info;
  }

  /** Python's repr: `<Future pending>`, `<Future finished result=1>`, `<Future cancelled>`. */
  toString(): string {
    return `<${this.constructor.name} ${this._reprInfo().join(" ")}>`;
  }

  /** Deno's inspect hook. */
  [inspectDeno](): string {
    return this.toString();
  }

  /** Node's inspect hook. */
  [inspectNode](): string {
    return this.toString();
  }
}

function addWaiter(task: TaskWaiterState, fut: Future<unknown>): void {
  const current = task._waiter;
  if (current === undefined || current._state !== PENDING) task._waiter = fut;
  else if (current !== fut) {
    const extra = task._extraWaiters ??= [];
    if (!extra.includes(fut)) extra.push(fut);
  }
}

function hasPendingWaiter(task: TaskWaiterState): boolean {
  if (task._waiter !== undefined && task._waiter._state === PENDING) return true;
  const extra = task._extraWaiters;
  if (extra !== undefined) {
    for (let i = 0; i < extra.length; i++) if (extra[i]._state === PENDING) return true;
  }
  return false;
}

function removeWaiter(task: TaskWaiterState, fut: Future<unknown>): void {
  if (task._waiter === fut) task._waiter = undefined;
  else if (task._extraWaiters !== undefined) {
    const i = task._extraWaiters.indexOf(fut);
    if (i >= 0) task._extraWaiters.splice(i, 1);
  }
}

function settle(a: Awaiter, ok: boolean, value: unknown): void {
  const handler = ok ? a.onFulfilled : a.onRejected;
  if (typeof handler !== "function") {
    if (ok) a.resolve(value);
    else a.reject(value);
    return;
  }
  try {
    a.resolve((handler as (v: unknown) => unknown)(value));
  } catch (error) {
    a.reject(error);
  }
}

/** @internal Python-style repr of a value. */
export function reprValue(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (value === undefined) return "None";
  if (Array.isArray(value)) return `[${value.map(reprValue).join(", ")}]`;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** @internal Python-style repr of an error: `ValueError('msg')`. */
export function reprError(error: unknown): string {
  if (error instanceof Error) return `${error.name}(${error.message ? `'${error.message}'` : ""})`;
  return reprValue(error);
}

/**
 * Whether `obj` is an asyncio future (a `Future` or `Task`; Python's
 * `asyncio.isfuture`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * console.assert(asyncio.isFuture(new asyncio.Future()) && !asyncio.isFuture(Promise.resolve()));
 * ```
 */
export function isFuture(obj: unknown): obj is Future<unknown> {
  return obj instanceof Future;
}

/**
 * Wraps any thenable (a `concurrent.futures` future, a promise) in an asyncio
 * future (Python's `asyncio.wrap_future`). Cancelling the asyncio future
 * calls the source's `cancel()` when it has one. A `concurrent.futures`
 * future whose call is already running is cancelled with `{ terminate: true }`:
 * the worker running it is terminated and replaced, so a cancelled
 * `toThread` / `runInExecutor` call stops (Python's thread would run on).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const fut = asyncio.wrapFuture(Promise.resolve(5));
 *   console.assert((await fut) === 5);
 * });
 * ```
 */
export function wrapFuture<T>(source: PromiseLike<T>, options?: { loop?: EventLoop }): Future<T> {
  if (source instanceof Future) return source;
  if (source === null || typeof (source as { then?: unknown })?.then !== "function") {
    throw new TypeError(`wrapFuture() needs a thenable: got ${String(source)}`);
  }
  const fut = new Future<T>({ loop: options?.loop });
  if (source instanceof ConcurrentFuture) {
    // A call an executor already runs is stopped too (its worker is replaced):
    // in this port a cancelled toThread / runInExecutor does not run on.
    fut._addCallback((f) => {
      if (f.cancelled()) source.cancel({ terminate: true });
    });
  } else {
    const cancellable = source as unknown as { cancel?: () => unknown };
    if (typeof cancellable.cancel === "function") {
      fut._addCallback((f) => {
        if (f.cancelled()) cancellable.cancel!();
      });
    }
  }
  source.then(
    (value) => {
      if (fut._state === PENDING) fut._setResult(value);
    },
    (error) => {
      if (fut._state !== PENDING) return;
      if (error instanceof CancelledError) fut._cancel(error.message || undefined);
      else fut._setException(error);
    },
  );
  return fut;
}

_wire({
  newFuture: <T>(loop: EventLoop) => new Future<T>({ loop }),
  wrapFuture: <T>(thenable: PromiseLike<T>, loop: EventLoop) => wrapFuture(thenable, { loop }),
});
