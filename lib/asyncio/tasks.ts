/**
 * `asyncio.Task`: a coroutine scheduled on the loop. Ports Python's
 * `asyncio.tasks` core: `Task`, `create_task`, `ensure_future`,
 * `current_task`, `all_tasks`.
 *
 * A coroutine is a function returning a promise (Python's `coro()` becomes
 * `() => coro()`): the task calls it in a later loop iteration, FIFO with
 * other ready callbacks, as Python's `call_soon(task.__step)` does. An
 * already started promise is accepted too.
 *
 * The task runs in its own async context (its `contextvars.Context` and
 * itself as the current task). Every pyconc future it awaits becomes its
 * waiter, so `cancel()` cancels that await, or marks the cancel pending for
 * the next pyconc await (Python's `_fut_waiter` / `_must_cancel`).
 *
 * @module
 */

import { frameStorage } from "../_internal/async_context.ts";
import { CancelledError } from "../exceptions.ts";
import { _noVarEverSet, Context, copyContext } from "../contextvars/context.ts";
import {
  _taskParked,
  _taskStep,
  _wire,
  type EventLoop,
  getEventLoop,
  scheduleSoon,
  type TaskNode,
} from "./events.ts";
import { Future, type TaskWaiterState } from "./futures.ts";

/** A coroutine: a function returning a promise (called later), or a started promise. */
export type Coroutine<T> = (() => PromiseLike<T> | T) | PromiseLike<T>;

/** Options of {@linkcode createTask} and `new Task`. */
export interface TaskOptions {
  /** The task's name (default `Task-N`). */
  name?: string;
  /** The context the task runs in (default: a copy of the current one). */
  context?: Context;
  /** The loop (default: the running loop, else `getEventLoop()`). */
  loop?: EventLoop;
}

let taskCounter = 0;

function checkCoroutine(coro: unknown): void {
  if (typeof coro === "function") return;
  if (coro !== null && typeof (coro as { then?: unknown })?.then === "function") return;
  throw new TypeError(
    `a coroutine was expected (a function returning a promise, or a promise): got ${
      coro === null ? "null" : typeof coro
    }`,
  );
}

/**
 * A scheduled coroutine (Python's `asyncio.Task`, a `Future` subclass).
 * Create it with {@linkcode createTask}.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const task = asyncio.createTask(() => asyncio.sleep(10));
 *   await asyncio.sleep(0);
 *   task.cancel("no time");
 *   try {
 *     await task;
 *   } catch (e) {
 *     console.assert(e instanceof asyncio.CancelledError && task.cancelled());
 *   }
 * });
 * ```
 */
export class Task<T> extends Future<T> implements TaskWaiterState {
  /** @internal */
  _waiter: Future<unknown> | undefined = undefined;
  /** @internal */
  _extraWaiters: Future<unknown>[] | undefined = undefined;
  /** @internal */
  _mustCancel = false;
  /** @internal */
  _prevTask: TaskNode | undefined = undefined;
  /** @internal */
  _nextTask: TaskNode | undefined = undefined;
  readonly #coro: Coroutine<T>;
  // The task's async-context store; `context` is made on first use when no
  // context variable had been set when the task was created (all empty).
  readonly #frame: { context: Context | undefined; task: Task<T> };
  #name: string | number;
  #cancelMessage: string | undefined = undefined;
  #numCancelsRequested = 0;
  #abort: AbortController | undefined = undefined;
  #foreign = false;
  #started = false;

  /**
   * Creates and schedules a task (Python's `asyncio.Task(coro, name=, context=)`).
   * @param coro A function returning a promise, or a started promise.
   * @param options `{ name, context, loop }`.
   */
  constructor(coro: Coroutine<T>, options: TaskOptions = {}) {
    checkCoroutine(coro);
    const loop = options.loop ?? getEventLoop();
    super({ loop });
    if (loop.isClosed()) throw new Error("Event loop is closed");
    this.#coro = coro;
    this.#name = options.name !== undefined ? String(options.name) : ++taskCounter;
    this.#frame = {
      context: options.context ?? (_noVarEverSet() ? undefined : copyContext()),
      task: this,
    };
    loop._tasks.add(this as Task<unknown>);
    scheduleSoon(Task.#step, this as Task<unknown>);
  }

  static #step(task: Task<unknown>): void {
    if (task._state !== 0) return;
    if (task._mustCancel) {
      // Cancelled before its first step: the body never runs.
      task._mustCancel = false;
      task.#finishCancelled(task._makeCancelledError());
      return;
    }
    task.#started = true;
    _taskStep(task);
    frameStorage.run(task.#frame, Task.#start, task);
  }

  static async #start(task: Task<unknown>): Promise<void> {
    const coro = task.#coro;
    let value: unknown;
    try {
      if (typeof coro === "function") value = await coro();
      else {
        task.#foreign = !(coro instanceof Future);
        // A pyconc future becomes the task's waiter at this await.
        value = await coro;
      }
    } catch (error) {
      task.#onError(error);
      return;
    }
    task.#onReturn(value);
  }

  #onReturn(value: unknown): void {
    if (this._state !== 0) return;
    if (this._mustCancel) {
      // Returned while a cancel was pending: the task ends cancelled.
      this._mustCancel = false;
      this.#finishCancelled(this._makeCancelledError());
      return;
    }
    this.#finish();
    super._setResult(value as T);
  }

  #onError(error: unknown): void {
    if (this._state !== 0) return;
    if (error instanceof CancelledError) {
      this._mustCancel = false;
      this.#finishCancelled(error);
      return;
    }
    this.#finish();
    super._setException(error);
  }

  #finishCancelled(error: CancelledError): void {
    this.#finish();
    this._setCancelledError(error);
    super._cancel(error.message || undefined);
  }

  #finish(): void {
    this.getLoop()._tasks.delete(this as Task<unknown>);
    this._waiter = undefined;
    this._extraWaiters = undefined;
    _taskParked(this);
  }

  /** @internal The error raised for a pending cancel. */
  override _makeCancelledError(): CancelledError {
    if (this._state === 2) return super._makeCancelledError();
    return new CancelledError(this.#cancelMessage);
  }

  /**
   * Requests cancellation (Python's `Task.cancel(msg=None)`): the pyconc
   * future the task awaits is cancelled, so that `await` raises
   * `CancelledError`; if it awaits none, the next pyconc await raises it. A
   * task not started yet never runs. The task's `signal` aborts. Returns false
   * if the task is already done.
   * @param msg The `CancelledError` message.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * await asyncio.run(async () => {
   *   const task = asyncio.createTask(async () => "never");
   *   console.assert(task.cancel() && task.cancelling() === 1);
   *   await asyncio.sleep(0);
   *   console.assert(task.cancelled());
   * });
   * ```
   */
  override cancel(msg?: string): boolean {
    if (this._state !== 0) return false;
    this.#numCancelsRequested++;
    this.#abort?.abort(new CancelledError(msg));
    // Leave the waiters: one may be a task that ignores the cancel.
    let delivered = this._waiter !== undefined && this._waiter.cancel(msg);
    const extra = this._extraWaiters;
    if (extra !== undefined) {
      for (const fut of extra.slice()) if (fut.cancel(msg)) delivered = true;
    }
    if (delivered) return true;
    this._mustCancel = true;
    this.#cancelMessage = msg;
    if (this.#foreign && this.#started) {
      // A started foreign promise cannot be interrupted: the task ends now.
      scheduleSoon(Task.#cancelForeign, this as Task<unknown>);
    }
    return true;
  }

  static #cancelForeign(task: Task<unknown>): void {
    if (task._state === 0 && task._mustCancel) {
      task._mustCancel = false;
      task.#finishCancelled(task._makeCancelledError());
    }
  }

  /**
   * The number of pending cancel requests: `cancel()` calls minus
   * `uncancel()` calls (Python's `Task.cancelling`).
   */
  cancelling(): number {
    return this.#numCancelsRequested;
  }

  /**
   * Decrements the cancel-request count and returns it (Python's
   * `Task.uncancel`); at zero a pending cancel is withdrawn.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * await asyncio.run(async () => {
   *   const task = asyncio.createTask(async () => 1);
   *   task.cancel();
   *   console.assert(task.uncancel() === 0);
   *   console.assert((await task) === 1);
   * });
   * ```
   */
  uncancel(): number {
    if (this.#numCancelsRequested > 0) this.#numCancelsRequested--;
    if (this.#numCancelsRequested === 0) this._mustCancel = false;
    return this.#numCancelsRequested;
  }

  /**
   * An `AbortSignal` that aborts (with a `CancelledError` reason) when the task
   * is cancelled; pass it to `fetch`, timers or streams so foreign work stops
   * too.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * await asyncio.run(async () => {
   *   const task = asyncio.createTask(() => asyncio.sleep(1));
   *   const signal = task.signal;
   *   task.cancel();
   *   console.assert(signal.aborted);
   *   await asyncio.gather(task, { returnExceptions: true });
   * });
   * ```
   */
  get signal(): AbortSignal {
    if (this.#abort === undefined) {
      this.#abort = new AbortController();
      if (this.#numCancelsRequested > 0 || this._state === 2) {
        this.#abort.abort(new CancelledError(this.#cancelMessage));
      }
    }
    return this.#abort.signal;
  }

  /** The task's name (Python's `get_name`). */
  getName(): string {
    if (typeof this.#name === "number") this.#name = `Task-${this.#name}`;
    return this.#name;
  }

  /** Renames the task (Python's `set_name`). */
  setName(name: string): void {
    this.#name = String(name);
  }

  /** The coroutine function (or promise) the task runs (Python's `get_coro`). */
  getCoro(): Coroutine<T> {
    return this.#coro;
  }

  /** The context the task runs in (Python's `get_context`). */
  getContext(): Context {
    return this.#frame.context ??= new Context();
  }

  /**
   * Not allowed on a task (Python raises `RuntimeError`).
   * @throws {Error} always.
   */
  override setResult(_value: T): void {
    throw new Error("Task does not support setResult operation");
  }

  /**
   * Not allowed on a task (Python raises `RuntimeError`).
   * @throws {Error} always.
   */
  override setException(_exception: unknown): void {
    throw new Error("Task does not support setException operation");
  }

  /** `<Task pending name='Task-1' coro=<main()>>`. */
  override toString(): string {
    const info = this._reprInfo();
    const coroName = typeof this.#coro === "function"
      ? `${this.#coro.name || "<anonymous>"}()`
      : "<promise>";
    const state = info[0];
    const rest = info.slice(1).filter((s) => !s.startsWith("cb="));
    let text = `<Task ${state} name='${this.getName()}' coro=<${coroName}${
      state === "pending" ? " running" : " done"
    }>`;
    if (rest.length) text += " " + rest.join(" ");
    const waiter = this._waiter;
    if (state === "pending" && waiter !== undefined && !waiter.done()) {
      text += ` wait_for=${waiter}`;
    }
    return text + ">";
  }
}

/**
 * Schedules a coroutine as a task and returns it (Python's
 * `asyncio.create_task(coro, name=None, context=None)`). Pass a function:
 * `createTask(() => work(1))` starts `work` on a later loop iteration, as
 * Python does; a started promise is wrapped as is.
 *
 * Keep a reference to the task (or await it): as in Python, a task nobody
 * awaits and whose exception nobody retrieves is reported.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * const order: string[] = [];
 * await asyncio.run(async () => {
 *   const task = asyncio.createTask(async () => order.push("task"));
 *   order.push("main");
 *   await task;
 * });
 * console.assert(order.join() === "main,task");
 * ```
 */
export function createTask<T>(
  coro: Coroutine<T>,
  options: Omit<TaskOptions, "loop"> = {},
): Task<Awaited<T>> {
  return new Task(coro as Coroutine<Awaited<T>>, options);
}

/**
 * The task whose code is running, or `undefined` outside tasks (Python's
 * `asyncio.current_task`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   console.assert(asyncio.currentTask()?.getName().startsWith("Task-"));
 * });
 * console.assert(asyncio.currentTask() === undefined);
 * ```
 */
export function currentTask(): Task<unknown> | undefined {
  const task = frameStorage.getStore()?.task;
  return task instanceof Task ? task : undefined;
}

/**
 * The `AbortSignal` of the current task (aborts when it is cancelled), or
 * `undefined` outside tasks. Pass it to foreign promises: `fetch(url, {
 * signal: asyncio.currentSignal() })`.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   console.assert(asyncio.currentSignal()?.aborted === false);
 * });
 * ```
 */
export function currentSignal(): AbortSignal | undefined {
  return currentTask()?.signal;
}

/**
 * The tasks of the loop (default: the running one) that are not done (Python's
 * `asyncio.all_tasks`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   console.assert(asyncio.allTasks().has(asyncio.currentTask()!));
 * });
 * ```
 */
export function allTasks(loop?: EventLoop): Set<Task<unknown>> {
  const l = loop ?? getEventLoop();
  const out = new Set<Task<unknown>>();
  for (const t of l._tasks.toArray()) if (!t.done()) out.add(t);
  return out;
}

/**
 * An asyncio future for `aw` (Python's `asyncio.ensure_future`): a future or
 * task is returned as is; a coroutine function or promise is wrapped in a task.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const fut = asyncio.ensureFuture(async () => 1);
 *   console.assert(fut instanceof asyncio.Task && (await fut) === 1);
 * });
 * ```
 */
export function ensureFuture<T>(
  aw: Future<T> | Coroutine<T>,
  options: { loop?: EventLoop } = {},
): Future<Awaited<T>> {
  if (aw instanceof Future) return aw as Future<Awaited<T>>;
  checkCoroutine(aw);
  return new Task(aw as Coroutine<Awaited<T>>, { loop: options.loop });
}

_wire({
  newTask: (coro, loop, options) => new Task(coro, { ...options, loop }),
  ensureFuture: (aw, loop) => ensureFuture(aw, { loop }),
});
