/**
 * The event loop facade (Python's `asyncio.events` / `base_events`): the
 * ready queue behind `callSoon`, timers behind `callLater` / `callAt`,
 * `Handle` / `TimerHandle`, the exception handler, debug mode, executors, and
 * `getRunningLoop()` / `getEventLoop()`.
 *
 * pyconc runs on the runtime's own event loop. An `EventLoop` object is the
 * Python-shaped view of it: its ready queue is drained FIFO in batches from a
 * microtask (callbacks made ready during a batch run in the next batch, as in
 * Python's `_run_once`), and its timers are the runtime's timers with times in
 * seconds. One loop runs at a time (`run()` / `Runner` / `runUntilComplete`
 * make it the running loop); futures and tasks made outside any running loop
 * use the default loop of `getEventLoop()`.
 *
 * @module
 */

import { monotonic, timeScale, waitMs } from "../_internal/clock.ts";
import { macrotask, runOutside } from "../_internal/async_context.ts";
import { keepAlive, writeStderr } from "../_internal/runtime.ts";
import { copyContext } from "../contextvars/context.ts";
import type { Context } from "../contextvars/context.ts";
import type { Future } from "./futures.ts";
import type { Task } from "./tasks.ts";

const inspectDeno = Symbol.for("Deno.customInspect");
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

// ---------------------------------------------------------------------------
// Logging (Python's `asyncio.log.logger`).

/**
 * Where asyncio reports problems: unretrieved task exceptions and exceptions
 * in callbacks (`error`), slow callbacks in debug mode (`warning`). Ports the
 * `asyncio` logger of Python's `logging`. Replace the methods to capture or
 * silence the reports.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * const saved = asyncio.logger.warning;
 * asyncio.logger.warning = (message) => console.log("asyncio:", message);
 * asyncio.logger.warning = saved;
 * ```
 */
export const logger: {
  /** Reports an error (default: standard error). */
  error(message: string): void;
  /** Reports a warning (default: standard error). */
  warning(message: string): void;
} = {
  error(message: string): void {
    writeStderr(message.endsWith("\n") ? message : message + "\n");
  },
  warning(message: string): void {
    writeStderr(message.endsWith("\n") ? message : message + "\n");
  },
};

// ---------------------------------------------------------------------------
// The ready queue (Python's `loop._ready`), shared by every loop object.

type Callback = (arg: never) => void;

let ready: unknown[] = [];
let readyHead = 0;
// End (exclusive) of the batch being run: the callbacks that were ready when
// it started, as in Python's `_run_once`.
let batchEnd = 0;
let drainScheduled = false;
let draining = false;

// Python-exact step order. A task step in Python runs until the coroutine
// suspends on a pending future (or returns); awaiting a done future does not
// yield. A JavaScript `await` always suspends, so after a task step the drain
// waits until that task has *parked* (awaited a pending pyconc future, or
// finished) before it runs the next ready callback, and resumes from a
// microtask. A task that awaits something pyconc cannot see (a foreign
// promise) never parks: the drain then resumes at the next macrotask.
let stepTask: object | undefined = undefined;
let pausedOn: object | undefined = undefined;
let pausedSince = 0;
let pausedWhat: [(arg: unknown) => void, unknown] | undefined = undefined;
let fallbackArmed = false;

/** @internal The callback being run is a step of `task`: wait for it to park. */
export function _taskStep(task: object): void {
  if (draining) stepTask = task;
}

/** @internal `task` parked (awaits a pending pyconc future, or is done). */
export function _taskParked(task: object): void {
  if (task === stepTask) stepTask = undefined;
  else if (task === pausedOn) resumeDrain();
}

// The paused drain resumes from a microtask queued while it runs outside any
// task's async context, so resuming from inside a task's `then` costs no
// async-context switch. A few "probe" microtasks come first (most steps park
// within a few microtask hops, and a probe allocates nothing); after them a
// promise made by the probe (outside too) is the gate the task resolves.
const PROBES = 4;
let probes = 0;
let resumeGate: (() => void) | undefined = undefined;

function setResumeGate(resolve: () => void): void {
  resumeGate = resolve;
}

function probe(): void {
  armWantedTurn();
  if (pausedOn === undefined) drain();
  else if (probes < PROBES) {
    probes++;
    queueMicrotask(probe);
  } else {
    new Promise<void>(setResumeGate).then(drain);
  }
}

function resumeDrain(): void {
  const what = pausedWhat;
  const gate = resumeGate;
  pausedOn = undefined;
  pausedWhat = undefined;
  resumeGate = undefined;
  if (what !== undefined) reportSlow(what[0], what[1], pausedSince);
  // The pending probe, or the gate's reaction, runs drain() from a microtask.
  drainScheduled = true;
  if (gate !== undefined) gate();
}

function onFallback(): void {
  fallbackArmed = false;
  // A macrotask runs only once every microtask ran: the paused task awaits a
  // foreign promise; let the other callbacks run meanwhile.
  if (pausedOn !== undefined) resumeDrain();
}

function armFallback(): void {
  fallbackArmed = true;
  macrotask(onFallback);
}

function scheduleDrain(): void {
  if (!drainScheduled) {
    drainScheduled = true;
    // The batch runs outside any task's async context.
    runOutside(scheduleDrainMicrotask);
  }
}

function scheduleDrainMicrotask(): void {
  queueMicrotask(drain);
}

function drain(): void {
  drainScheduled = false;
  armWantedTurn();
  if (pausedOn !== undefined) return;
  draining = true;
  const loop = runningLoop ?? defaultLoop;
  const timed = loop !== undefined && loop._debug;
  if (readyHead >= batchEnd) batchEnd = ready.length;
  const end = batchEnd;
  const q = ready;
  try {
    while (readyHead < end) {
      const fn = q[readyHead] as (arg: unknown) => void;
      const arg = q[readyHead + 1];
      q[readyHead] = undefined;
      q[readyHead + 1] = undefined;
      readyHead += 2;
      const t0 = timed ? performance.now() : 0;
      runCallback(fn, arg);
      if (stepTask !== undefined) {
        // A task step: wait until the task parks.
        pausedOn = stepTask;
        stepTask = undefined;
        if (timed) {
          pausedSince = t0;
          pausedWhat = [fn, arg];
        }
        probes = 0;
        queueMicrotask(probe);
        if (!fallbackArmed) runOutside(armFallback);
        return;
      }
      if (timed) reportSlow(fn, arg, t0);
    }
  } finally {
    draining = false;
    armWantedTurn();
    if (pausedOn === undefined) {
      if (readyHead === ready.length) {
        ready.length = 0;
        readyHead = 0;
        batchEnd = 0;
      } else {
        if (readyHead > 4096 && readyHead * 2 > ready.length) {
          ready = ready.slice(readyHead);
          readyHead = 0;
          batchEnd = 0;
        }
        scheduleDrain();
      }
    }
  }
}

/** Reports a callback that ran `slowCallbackDuration` seconds or more (real time; `t0` from performance.now()). */
function reportSlow(fn: (arg: unknown) => void, arg: unknown, t0: number): void {
  const loop = runningLoop ?? defaultLoop;
  if (loop === undefined || !loop._debug) return;
  // Real time: the loop clock may be scaled (PYCONC_TIME_SCALE), durations are not.
  const dt = (performance.now() - t0) / 1000;
  if (dt >= loop.slowCallbackDuration) {
    logger.warning(`Executing ${describeCallback(fn, arg)} took ${dt.toFixed(3)} seconds`);
  }
}

function runCallback(fn: (arg: unknown) => void, arg: unknown): void {
  try {
    fn(arg);
  } catch (error) {
    (runningLoop ?? getEventLoop()).callExceptionHandler({
      message: `Exception in callback ${describeCallback(fn, arg)}`,
      exception: error,
    });
  }
}

function describeCallback(fn: (arg: unknown) => void, arg: unknown): string {
  if (arg instanceof Handle) return String(arg);
  // A task's step reads as the task, as in Python's "Executing <Task ...> took".
  if (arg !== null && typeof arg === "object" && "getCoro" in arg) return String(arg);
  const name = fn.name || "<callback>";
  return arg !== undefined && typeof arg === "object" ? `${name}(${String(arg)})` : `${name}()`;
}

/** @internal Schedules `fn(arg)` on the ready queue, FIFO, never inline. */
export function scheduleSoon<A>(fn: (arg: A) => void, arg: A): void {
  ready.push(fn, arg);
  if (!drainScheduled && !draining && pausedOn === undefined) scheduleDrain();
}

// sleep(0): one full loop turn, batched into one macrotask.
let nextTurn: unknown[] = [];
let turnWanted = false;

function armTurn(): void {
  macrotask(flushTurn);
}

/** Arms the macrotask of `afterTurn` asked for during a paused step (runs outside). */
function armWantedTurn(): void {
  if (turnWanted) {
    turnWanted = false;
    macrotask(flushTurn);
  }
}

function flushTurn(): void {
  const list = nextTurn;
  nextTurn = [];
  for (let i = 0; i < list.length; i += 2) {
    runCallback(list[i] as (arg: unknown) => void, list[i + 1]);
  }
}

/** @internal Calls `fn(arg)` after the next full loop turn (a macrotask, never a timer). */
export function afterTurn<A>(fn: (arg: A) => void, arg: A): void {
  if (nextTurn.length === 0) {
    // Inside a task step the drain (which runs outside any task's context)
    // arms the macrotask when it next runs: no async-context switch here.
    if (pausedOn !== undefined || draining) turnWanted = true;
    else runOutside(armTurn);
  }
  nextTurn.push(fn, arg);
}

// ---------------------------------------------------------------------------
// Timers (Python's `loop._scheduled`): one heap, one runtime timer. When it
// fires, every timer that is due moves to the ready queue in deadline order,
// so timers due together run in the same batch, as in Python's `_run_once`.

/** @internal Something the timer heap can schedule. */
export interface TimerEntry {
  /** Loop time (seconds) it is due. */
  _when: number;
  /** Insertion order, for FIFO among equal deadlines. */
  _seq: number;
  /** Cancelled: skip it. */
  _dead: boolean;
  /** Called (from the ready queue) when due. */
  _fire(): void;
  /** The loop it belongs to (its timers are dropped when the loop closes). */
  _timerLoop(): EventLoop;
}

const heap: TimerEntry[] = [];
let heapSeq = 0;
let heapDead = 0;
let armedAt = Infinity;
let armedTimer: ReturnType<typeof setTimeout> | undefined;

function before(a: TimerEntry, b: TimerEntry): boolean {
  return a._when < b._when || (a._when === b._when && a._seq < b._seq);
}

function heapPush(entry: TimerEntry): void {
  let i = heap.length;
  heap.push(entry);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!before(entry, heap[p])) break;
    heap[i] = heap[p];
    i = p;
  }
  heap[i] = entry;
}

function heapPop(): TimerEntry {
  const top = heap[0];
  const last = heap.pop()!;
  const n = heap.length;
  if (n > 0) {
    let i = 0;
    while (true) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(heap[r], heap[l]) ? r : l;
      if (!before(heap[c], last)) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = last;
  }
  return top;
}

function fireEntry(entry: TimerEntry): void {
  if (!entry._dead) entry._fire();
}

function onTimer(): void {
  armedTimer = undefined;
  armedAt = Infinity;
  // Python adds the clock resolution; runtime timers may also fire a bit early.
  const now = monotonic() + 0.001 / timeScale;
  while (heap.length > 0 && heap[0]._when <= now) {
    const entry = heapPop();
    if (entry._dead) heapDead--;
    else scheduleSoon(fireEntry, entry);
  }
  arm();
}

function arm(): void {
  while (heap.length > 0 && heap[0]._dead) {
    heapPop();
    heapDead--;
  }
  if (heap.length === 0) {
    if (armedTimer !== undefined) clearTimeout(armedTimer);
    armedTimer = undefined;
    armedAt = Infinity;
    return;
  }
  const when = heap[0]._when;
  if (armedTimer !== undefined && armedAt <= when) return;
  if (armedTimer !== undefined) clearTimeout(armedTimer);
  armedAt = when;
  const ms = Math.min(waitMs(when - monotonic()), 2 ** 31 - 1);
  armedTimer = runOutside(() => setTimeout(onTimer, ms));
}

/** @internal Schedules `entry._fire()` at loop time `entry._when`. */
export function addTimer(entry: TimerEntry): void {
  entry._seq = heapSeq++;
  entry._dead = false;
  heapPush(entry);
  if (entry._when < armedAt) arm();
}

/** @internal The number of live timers in the heap (tests). */
export function _liveTimers(): number {
  return heap.length - heapDead;
}

/** Drops every pending timer of `loop` (Python's `loop.close()` discards them). */
function dropTimersOf(loop: EventLoop): void {
  for (const entry of [...heap]) {
    if (!entry._dead && entry._timerLoop() === loop) cancelTimer(entry);
  }
}

/** @internal Cancels a timer added with `addTimer`. */
export function cancelTimer(entry: TimerEntry): void {
  if (entry._dead) return;
  entry._dead = true;
  heapDead++;
  if (heapDead === heap.length || heap[0] === entry) {
    if (heapDead === heap.length) {
      heap.length = 0;
      heapDead = 0;
    }
    arm();
  } else if (heapDead > 64 && heapDead * 2 > heap.length) {
    // Drop cancelled entries in bulk, as Python does.
    const live = heap.filter((e) => !e._dead);
    heap.length = 0;
    heapDead = 0;
    for (const e of live) heapPush(e);
  }
}

// ---------------------------------------------------------------------------
// Handles.

/**
 * A callback scheduled with `loop.callSoon` (Python's `asyncio.Handle`).
 * `cancel()` stops it from running.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const handle = asyncio.getRunningLoop().callSoon(() => console.log("never"));
 *   handle.cancel();
 *   console.assert(handle.cancelled());
 * });
 * ```
 */
export class Handle {
  /** @internal */
  _callback: ((...args: never[]) => void) | undefined;
  /** @internal */
  _args: unknown[];
  /** @internal */
  readonly _loop: EventLoop;
  /** @internal */
  readonly _context: Context;
  #cancelled = false;

  /** @internal Handles come from `callSoon`. */
  constructor(
    callback: (...args: never[]) => void,
    args: unknown[],
    loop: EventLoop,
    context?: Context,
  ) {
    this._callback = callback;
    this._args = args;
    this._loop = loop;
    this._context = context ?? copyContext();
  }

  /** Stops the callback from running (no effect once it ran). */
  cancel(): void {
    if (!this.#cancelled) {
      this.#cancelled = true;
      this._callback = undefined;
      this._args = [];
    }
  }

  /** Whether `cancel()` was called (Python's `Handle.cancelled`). */
  cancelled(): boolean {
    return this.#cancelled;
  }

  /** The context the callback runs in (Python's `Handle.get_context`). */
  getContext(): Context {
    return this._context;
  }

  /** @internal Runs the callback in its context. */
  _run(): void {
    const cb = this._callback;
    if (cb === undefined) return;
    // deno-lint-ignore no-explicit-any
    this._context.run(cb as any, ...this._args);
  }

  /** `<Handle cb() cancelled>`. */
  toString(): string {
    const name = this._callback?.name || "callback";
    return `<${this.constructor.name} ${this.#cancelled ? "cancelled" : `${name}()`}>`;
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

function runHandle(handle: Handle): void {
  handle._run();
}

/**
 * A callback scheduled with `loop.callLater` / `loop.callAt` (Python's
 * `asyncio.TimerHandle`): `when()` is its loop time in seconds.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const loop = asyncio.getRunningLoop();
 *   const timer = loop.callLater(10, () => {});
 *   console.assert(timer.when() > loop.time());
 *   timer.cancel();
 * });
 * ```
 */
export class TimerHandle extends Handle implements TimerEntry {
  /** @internal */
  _when: number;
  /** @internal */
  _seq = 0;
  /** @internal */
  _dead = true;

  /** @internal Timer handles come from `callLater` / `callAt`. */
  constructor(
    when: number,
    callback: (...args: never[]) => void,
    args: unknown[],
    loop: EventLoop,
    context?: Context,
  ) {
    super(callback, args, loop, context);
    this._when = when;
  }

  /** The loop time (seconds) at which the callback is due. */
  when(): number {
    return this._when;
  }

  /** @internal */
  _timerLoop(): EventLoop {
    return this._loop;
  }

  /** @internal Due: runs the callback (already on the ready queue). */
  _fire(): void {
    this._dead = true;
    this._loop._timers.delete(this);
    this._run();
  }

  /** Stops the callback from running. */
  override cancel(): void {
    if (!this._dead) {
      cancelTimer(this);
      this._loop._timers.delete(this);
    }
    super.cancel();
  }

  /** `<TimerHandle when=12.5 cb()>`. */
  override toString(): string {
    const name = this._callback?.name || "callback";
    return `<TimerHandle ${this.cancelled() ? "cancelled " : ""}when=${
      this._when.toFixed(3)
    } ${name}()>`;
  }
}

// ---------------------------------------------------------------------------
// The loop facade.

/** @internal A node of the loop's intrusive list of live tasks. */
export interface TaskNode {
  /** Previous live task. */
  _prevTask: TaskNode | undefined;
  /** Next live task. */
  _nextTask: TaskNode | undefined;
}

/** @internal The live tasks of a loop: an intrusive doubly linked list (O(1), no hashing). */
export class TaskList {
  #head: TaskNode | undefined = undefined;
  /** Adds a task. */
  add(node: TaskNode): void {
    node._prevTask = undefined;
    node._nextTask = this.#head;
    if (this.#head !== undefined) this.#head._prevTask = node;
    this.#head = node;
  }
  /** Removes a task (no effect if absent). */
  delete(node: TaskNode): void {
    const prev = node._prevTask;
    const next = node._nextTask;
    if (prev !== undefined) prev._nextTask = next;
    else if (this.#head === node) this.#head = next;
    else return;
    if (next !== undefined) next._prevTask = prev;
    node._prevTask = undefined;
    node._nextTask = undefined;
  }
  /** The live tasks, oldest first. */
  toArray(): Task<unknown>[] {
    const out: Task<unknown>[] = [];
    for (let n = this.#head; n !== undefined; n = n._nextTask) out.push(n as Task<unknown>);
    return out.reverse();
  }
}

/** What the loop's exception handler receives (Python's `context` dict). */
export interface ExceptionContext {
  /** What went wrong. */
  message: string;
  /** The error, if any. */
  exception?: unknown;
  /** The future or task concerned, if any. */
  future?: Future<unknown>;
  /** The task concerned, if any. */
  task?: Task<unknown>;
  /** The handle concerned, if any. */
  handle?: Handle;
}

/** A loop exception handler (Python's `loop.set_exception_handler` argument). */
export type ExceptionHandler = (loop: EventLoop, context: ExceptionContext) => void;

/**
 * What `runInExecutor` accepts: any object whose `submit(fn, ...args)` returns
 * a thenable (a `concurrent.futures` executor, or your own).
 */
export interface Executor {
  /** Starts `fn(...args)`; the result settles with its outcome. */
  // deno-lint-ignore no-explicit-any
  submit(fn: (...args: any[]) => unknown, ...args: any[]): PromiseLike<unknown>;
  /** Optional: releases the executor's resources (`run()` calls it at the end). */
  shutdown?(wait?: boolean): unknown;
}

let defaultExecutorFactory: (() => Executor) | undefined;

/**
 * @internal Lets the pools module provide the default executor
 * (`runInExecutor(null, ...)`, `toThread`).
 */
export function registerDefaultExecutorFactory(factory: () => Executor): void {
  defaultExecutorFactory = factory;
}

let runningLoop: EventLoop | undefined;
let defaultLoop: EventLoop | undefined;

/**
 * The event loop (Python's `asyncio.AbstractEventLoop` as seen from
 * `asyncio.get_running_loop()`): a facade over the runtime's own loop with
 * Python's scheduling methods. Times are in seconds.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const loop = asyncio.getRunningLoop();
 *   const fut = loop.createFuture<string>();
 *   loop.callLater(0.01, () => fut.setResult("done"));
 *   console.assert((await fut) === "done" && loop.isRunning());
 * });
 * ```
 */
export class EventLoop {
  /** @internal */
  _debug = false;
  /** @internal */
  readonly _tasks: TaskList = new TaskList();
  /** @internal */
  readonly _timers: Set<TimerHandle> = new Set();
  /** @internal Futures whose exception nobody retrieved yet. */
  readonly _unretrieved: Set<Future<unknown>> = new Set();
  #running = false;
  #closed = false;
  #exceptionHandler: ExceptionHandler | undefined;
  #defaultExecutor: Executor | undefined;
  #stopWaiters: (() => void)[] = [];
  /** Callbacks or task steps taking at least this many seconds are reported in debug mode. */
  slowCallbackDuration = 0.1;

  /** The loop's clock: monotonic seconds (Python's `loop.time()`). */
  time(): number {
    return monotonic();
  }

  #checkClosed(): void {
    if (this.#closed) throw new Error("Event loop is closed");
  }

  /**
   * Schedules `callback(...args)` for the next loop iteration, FIFO (Python's
   * `loop.call_soon`). It runs in a copy of the current context.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * await asyncio.run(async () => {
   *   const order: number[] = [];
   *   const loop = asyncio.getRunningLoop();
   *   loop.callSoon((n: number) => order.push(n), 1);
   *   loop.callSoon((n: number) => order.push(n), 2);
   *   await asyncio.sleep(0);
   *   console.assert(order.join() === "1,2");
   * });
   * ```
   */
  callSoon<A extends unknown[]>(callback: (...args: A) => void, ...args: A): Handle {
    this.#checkClosed();
    checkCallback(callback, "callSoon");
    const handle = new Handle(callback as unknown as (...args: never[]) => void, args, this);
    scheduleSoon(runHandle, handle);
    return handle;
  }

  /**
   * Schedules `callback(...args)` after `delay` seconds (Python's
   * `loop.call_later`). Returns a cancellable {@linkcode TimerHandle}.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * await asyncio.run(async () => {
   *   const loop = asyncio.getRunningLoop();
   *   const fired = loop.createFuture<number>();
   *   loop.callLater(0.01, (x: number) => fired.setResult(x), 5);
   *   console.assert((await fired) === 5);
   * });
   * ```
   */
  callLater<A extends unknown[]>(
    delay: number,
    callback: (...args: A) => void,
    ...args: A
  ): TimerHandle {
    if (typeof delay !== "number" || Number.isNaN(delay)) {
      throw new TypeError(`callLater() delay must be a number of seconds: got ${String(delay)}`);
    }
    return this.callAt(this.time() + delay, callback, ...args);
  }

  /**
   * Schedules `callback(...args)` at loop time `when` (seconds, compare with
   * `loop.time()`; Python's `loop.call_at`).
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * await asyncio.run(async () => {
   *   const loop = asyncio.getRunningLoop();
   *   const fired = loop.createFuture<boolean>();
   *   loop.callAt(loop.time() + 0.01, () => fired.setResult(true));
   *   console.assert(await fired);
   * });
   * ```
   */
  callAt<A extends unknown[]>(
    when: number,
    callback: (...args: A) => void,
    ...args: A
  ): TimerHandle {
    this.#checkClosed();
    if (typeof when !== "number" || Number.isNaN(when)) {
      throw new TypeError(`callAt() when must be a loop time in seconds: got ${String(when)}`);
    }
    checkCallback(callback, "callAt");
    const handle = new TimerHandle(
      when,
      callback as unknown as (...args: never[]) => void,
      args,
      this,
    );
    this._startTimer(handle, when);
    return handle;
  }

  /** @internal Arms the timer of `handle`. */
  _startTimer(handle: TimerHandle, _when: number): void {
    this._timers.add(handle);
    addTimer(handle);
  }

  /**
   * A new pending future bound to this loop (Python's `loop.create_future`).
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * const fut = asyncio.getEventLoop().createFuture<number>();
   * console.assert(!fut.done());
   * ```
   */
  createFuture<T>(): Future<T> {
    return newFuture<T>(this);
  }

  /**
   * Wraps a coroutine function (or a started promise) in a task scheduled on
   * this loop (Python's `loop.create_task`); see `asyncio.createTask`.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * await asyncio.run(async () => {
   *   const task = asyncio.getRunningLoop().createTask(async () => 3, { name: "three" });
   *   console.assert((await task) === 3 && task.getName() === "three");
   * });
   * ```
   */
  createTask<T>(
    coro: (() => PromiseLike<T> | T) | PromiseLike<T>,
    options: { name?: string; context?: Context } = {},
  ): Task<T> {
    this.#checkClosed();
    return newTask(coro, this, options);
  }

  /**
   * Runs until `future` (a future, task, coroutine function or promise) is done
   * and resolves to its result (Python's `loop.run_until_complete`). The loop
   * is the running loop meanwhile.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * const loop = asyncio.newEventLoop();
   * console.assert((await loop.runUntilComplete(async () => 7)) === 7);
   * loop.close();
   * ```
   */
  async runUntilComplete<T>(
    future: Future<T> | (() => PromiseLike<T> | T) | PromiseLike<T>,
  ): Promise<Awaited<T>> {
    this.#checkClosed();
    this.#enter();
    try {
      const fut = ensureFutureImpl(future, this);
      return await fut;
    } finally {
      this.#leave();
    }
  }

  /**
   * Runs until `stop()` is called (Python's `loop.run_forever`); resolves then.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * const loop = asyncio.newEventLoop();
   * loop.callLater(0.01, () => loop.stop());
   * await loop.runForever();
   * loop.close();
   * ```
   */
  async runForever(): Promise<void> {
    this.#checkClosed();
    this.#enter();
    // Like Python's blocked loop, keep the program alive until stop().
    const release = keepAlive();
    try {
      await new Promise<void>((resolve) => this.#stopWaiters.push(resolve));
    } finally {
      release();
      this.#leave();
    }
  }

  /** Stops `runForever()` (Python's `loop.stop`). */
  stop(): void {
    for (const resolve of this.#stopWaiters.splice(0)) resolve();
  }

  #enter(): void {
    if (this.#running) throw new Error("This event loop is already running");
    if (runningLoop !== undefined) {
      throw new Error("Cannot run the event loop while another loop is running");
    }
    this.#running = true;
    runningLoop = this;
  }

  #leave(): void {
    this.#running = false;
    if (runningLoop === this) runningLoop = undefined;
  }

  /** Whether the loop is running (Python's `loop.is_running`). */
  isRunning(): boolean {
    return this.#running;
  }

  /** Whether `close()` was called (Python's `loop.is_closed`). */
  isClosed(): boolean {
    return this.#closed;
  }

  /**
   * Closes the loop: pending timers are dropped, the default executor is shut
   * down without waiting (Python's `loop.close`).
   *
   * @throws {Error} RuntimeError: the loop is running.
   */
  close(): void {
    if (this.#running) throw new Error("Cannot close a running event loop");
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of [...this._timers]) timer.cancel();
    // Sleeps nobody awaits any more must not keep the program alive.
    dropTimersOf(this);
    this._reportUnretrieved();
    const executor = this.#defaultExecutor;
    this.#defaultExecutor = undefined;
    executor?.shutdown?.(false);
    if (defaultLoop === this) defaultLoop = undefined;
  }

  /** @internal Reports futures whose exception was never retrieved (Python logs them at GC). */
  _reportUnretrieved(): void {
    for (const fut of [...this._unretrieved]) {
      const isTask = fut.constructor.name === "Task" || "getCoro" in fut;
      this.callExceptionHandler({
        message: `${isTask ? "Task" : "Future"} exception was never retrieved`,
        exception: fut.exception(),
        future: fut,
      });
    }
    this._unretrieved.clear();
  }

  /** Whether debug mode is on (Python's `loop.get_debug`). */
  getDebug(): boolean {
    return this._debug;
  }

  /**
   * Turns debug mode on or off (Python's `loop.set_debug`): slow callbacks
   * are reported, and so are tasks destroyed while pending.
   */
  setDebug(enabled: boolean): void {
    this._debug = Boolean(enabled);
  }

  /** Debug mode, as a property. */
  get debug(): boolean {
    return this._debug;
  }

  set debug(enabled: boolean) {
    this._debug = Boolean(enabled);
  }

  /**
   * Runs `fn(...args)` in `executor` (or the default executor when `null`)
   * and returns a future of its result (Python's `loop.run_in_executor`).
   * An executor is any object with `submit(fn, ...args)` returning a thenable;
   * cancelling the future cancels the submitted work when it has `cancel()`.
   * With a pyconc executor (and the default one) a call that is already
   * running is stopped too: its worker is terminated and replaced, so
   * `asyncio.waitFor(loop.runInExecutor(...), 5)` is a per-call timeout.
   * Python's thread would run on; like `Process.terminate()`, the call's
   * `finally` blocks do not run.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * const inline = { submit: (fn: (...a: number[]) => number, ...a: number[]) => Promise.resolve(fn(...a)) };
   * await asyncio.run(async () => {
   *   const loop = asyncio.getRunningLoop();
   *   console.assert((await loop.runInExecutor(inline, (a: number, b: number) => a + b, 1, 2)) === 3);
   * });
   * ```
   */
  // deno-lint-ignore no-explicit-any
  runInExecutor<A extends any[], R>(
    executor: Executor | null | undefined,
    fn: (...args: A) => R | PromiseLike<R>,
    ...args: A
  ): Future<Awaited<R>> {
    this.#checkClosed();
    checkCallback(fn, "runInExecutor");
    let ex = executor;
    if (ex === null || ex === undefined) {
      if (this.#defaultExecutor === undefined) {
        if (defaultExecutorFactory === undefined) {
          throw new Error(
            "runInExecutor(null, ...) needs a default executor: pass an executor object " +
              "with submit(fn, ...args), or call loop.setDefaultExecutor(executor)",
          );
        }
        this.#defaultExecutor = defaultExecutorFactory();
      }
      ex = this.#defaultExecutor;
    }
    if (typeof ex !== "object" || typeof ex.submit !== "function") {
      throw new TypeError(
        `runInExecutor() executor must have a submit(fn, ...args) method: got ${String(ex)}`,
      );
    }
    return wrapFutureImpl(ex.submit(fn, ...args), this) as Future<Awaited<R>>;
  }

  /**
   * Sets the executor `runInExecutor(null, ...)` uses (Python's
   * `loop.set_default_executor`).
   */
  setDefaultExecutor(executor: Executor): void {
    if (
      executor === null || typeof executor !== "object" || typeof executor.submit !== "function"
    ) {
      throw new TypeError(
        `setDefaultExecutor() needs an object with submit(fn, ...args): got ${String(executor)}`,
      );
    }
    this.#defaultExecutor = executor;
  }

  /**
   * Shuts the default executor down and waits for it (Python's
   * `loop.shutdown_default_executor`).
   */
  async shutdownDefaultExecutor(): Promise<void> {
    const executor = this.#defaultExecutor;
    this.#defaultExecutor = undefined;
    if (executor?.shutdown) await executor.shutdown(true);
  }

  /** Sets the handler for errors nobody else handled (Python's `loop.set_exception_handler`). */
  setExceptionHandler(handler: ExceptionHandler | null | undefined): void {
    if (handler !== null && handler !== undefined && typeof handler !== "function") {
      throw new TypeError(`A callable object or null is expected: got ${String(handler)}`);
    }
    this.#exceptionHandler = handler ?? undefined;
  }

  /** The custom exception handler, or undefined (Python's `loop.get_exception_handler`). */
  getExceptionHandler(): ExceptionHandler | undefined {
    return this.#exceptionHandler;
  }

  /** Reports `context` to `asyncio.logger.error` (Python's `loop.default_exception_handler`). */
  defaultExceptionHandler(context: ExceptionContext): void {
    let text = context.message || "Unhandled exception in event loop";
    if (context.future) text += `\nfuture: ${context.future}`;
    if (context.task && context.task !== context.future) text += `\ntask: ${context.task}`;
    if (context.handle) text += `\nhandle: ${context.handle}`;
    const error = context.exception;
    if (error !== undefined) {
      text += "\n" + (error instanceof Error ? (error.stack ?? String(error)) : String(error));
    }
    logger.error(text);
  }

  /** Calls the exception handler with `context` (Python's `loop.call_exception_handler`). */
  callExceptionHandler(context: ExceptionContext): void {
    const handler = this.#exceptionHandler;
    if (handler === undefined) {
      this.defaultExceptionHandler(context);
      return;
    }
    try {
      handler(this, context);
    } catch (error) {
      this.defaultExceptionHandler({
        message: "Unhandled error in exception handler",
        exception: error,
      });
    }
  }

  /**
   * Python's repr with Python's booleans: `<EventLoop running=True closed=False
   * debug=False>` (CPython names its loop class, e.g. `_UnixSelectorEventLoop`).
   */
  toString(): string {
    return `<${this.constructor.name} running=${pyBool(this.#running)} closed=${
      pyBool(this.#closed)
    } debug=${pyBool(this._debug)}>`;
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

function pyBool(value: boolean): string {
  return value ? "True" : "False";
}

function checkCallback(callback: unknown, method: string): void {
  if (typeof callback !== "function") {
    throw new TypeError(`${method}() callback must be a function: got ${typeof callback}`);
  }
}

// Filled in by futures.ts / tasks.ts (they import this module, not the reverse).
let newFuture: <T>(loop: EventLoop) => Future<T> = () => {
  throw new Error("asyncio futures are not loaded");
};
let newTask: <T>(
  coro: (() => PromiseLike<T> | T) | PromiseLike<T>,
  loop: EventLoop,
  options: { name?: string; context?: Context },
) => Task<T> = () => {
  throw new Error("asyncio tasks are not loaded");
};
let ensureFutureImpl: <T>(
  aw: Future<T> | (() => PromiseLike<T> | T) | PromiseLike<T>,
  loop: EventLoop,
) => Future<Awaited<T>> = () => {
  throw new Error("asyncio tasks are not loaded");
};
let wrapFutureImpl: <T>(thenable: PromiseLike<T>, loop: EventLoop) => Future<T> = () => {
  throw new Error("asyncio futures are not loaded");
};

/** @internal Wiring from futures.ts and tasks.ts. */
export function _wire(parts: {
  newFuture?: typeof newFuture;
  newTask?: typeof newTask;
  ensureFuture?: typeof ensureFutureImpl;
  wrapFuture?: typeof wrapFutureImpl;
}): void {
  if (parts.newFuture) newFuture = parts.newFuture;
  if (parts.newTask) newTask = parts.newTask;
  if (parts.ensureFuture) ensureFutureImpl = parts.ensureFuture;
  if (parts.wrapFuture) wrapFutureImpl = parts.wrapFuture;
}

/**
 * The running event loop (Python's `asyncio.get_running_loop`).
 *
 * @throws {Error} RuntimeError "no running event loop" outside `run()`,
 * `Runner.run()` and `runUntilComplete()`.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   console.assert(asyncio.getRunningLoop().isRunning());
 * });
 * ```
 */
export function getRunningLoop(): EventLoop {
  if (runningLoop === undefined) throw new Error("no running event loop");
  return runningLoop;
}

/** @internal The running loop or undefined. */
export function _getRunningLoop(): EventLoop | undefined {
  return runningLoop;
}

/**
 * The running loop, else the current default loop, created on first use
 * (Python's `asyncio.get_event_loop`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * console.assert(asyncio.getEventLoop() === asyncio.getEventLoop());
 * ```
 */
export function getEventLoop(): EventLoop {
  if (runningLoop !== undefined) return runningLoop;
  if (defaultLoop === undefined || defaultLoop.isClosed()) defaultLoop = new EventLoop();
  return defaultLoop;
}

/**
 * Makes `loop` the default loop of `getEventLoop()` (Python's
 * `asyncio.set_event_loop`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * const loop = asyncio.newEventLoop();
 * asyncio.setEventLoop(loop);
 * console.assert(asyncio.getEventLoop() === loop);
 * loop.close();
 * ```
 */
export function setEventLoop(loop: EventLoop | null): void {
  if (loop !== null && !(loop instanceof EventLoop)) {
    throw new TypeError(`setEventLoop() needs an EventLoop or null: got ${String(loop)}`);
  }
  defaultLoop = loop ?? undefined;
}

/**
 * A new, not running event loop (Python's `asyncio.new_event_loop`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * const loop = asyncio.newEventLoop();
 * console.assert(!loop.isRunning() && !loop.isClosed());
 * loop.close();
 * ```
 */
export function newEventLoop(): EventLoop {
  return new EventLoop();
}
