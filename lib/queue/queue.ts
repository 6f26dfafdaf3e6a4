/**
 * Python's `queue` module: `Queue`, `LifoQueue`, `PriorityQueue`,
 * `SimpleQueue` and `Empty` / `Full` / `ShutDown`. Ports CPython's
 * `Lib/queue.py`.
 *
 * The queues live in shared memory, so one queue can be passed to threads and
 * processes (workers) as an argument and used from all of them: items are
 * copied in and out (structured-clone semantics), like a
 * `multiprocessing.Queue`. Blocking methods keep Python's names (they block the
 * calling thread with `Atomics.wait`: fine in a worker and briefly on Deno's or
 * Node's main thread); each has an `…Async` twin that waits without blocking.
 * Times are in seconds.
 *
 * @module
 */

import { ValueError } from "../exceptions.ts";
import { type Reduced, reduceSymbol, registerReviver } from "../_internal/reduce.ts";
import {
  type Failure,
  type GetResult,
  NOTHING,
  type RingKind,
  runAsync,
  runBlocking,
  SharedRing,
} from "../_internal/shared_ring.ts";
import { currentSignal } from "../asyncio/tasks.ts";

function named(cls: abstract new (...args: never[]) => Error, name: string): void {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
}

/**
 * Raised by a non-blocking or timed `get()` on an empty queue. Ports
 * `queue.Empty`.
 *
 * @example Usage
 * ```ts
 * import { queue } from "@pyconc/pyconc";
 *
 * const q = new queue.Queue();
 * try {
 *   q.getNowait();
 * } catch (e) {
 *   console.assert(e instanceof queue.Empty);
 * }
 * ```
 */
export class Empty extends Error {
  /**
   * Creates the error.
   * @param message Details.
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(Empty, "Empty");

/**
 * Raised by a non-blocking or timed `put()` on a full queue. Ports
 * `queue.Full`.
 *
 * @example Usage
 * ```ts
 * import { queue } from "@pyconc/pyconc";
 *
 * const q = new queue.Queue(1);
 * q.putNowait(1);
 * try {
 *   q.putNowait(2);
 * } catch (e) {
 *   console.assert(e instanceof queue.Full);
 * }
 * ```
 */
export class Full extends Error {
  /**
   * Creates the error.
   * @param message Details.
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(Full, "Full");

/**
 * Raised by `put()` after `shutdown()`, and by `get()` once a shut-down queue
 * is empty. Ports `queue.ShutDown` (Python 3.13).
 *
 * @example Usage
 * ```ts
 * import { queue } from "@pyconc/pyconc";
 *
 * const q = new queue.Queue();
 * q.shutdown();
 * try {
 *   q.put(1);
 * } catch (e) {
 *   console.assert(e instanceof queue.ShutDown);
 * }
 * ```
 */
export class ShutDown extends Error {
  /**
   * Creates the error.
   * @param message Details.
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(ShutDown, "ShutDown");

/** Options of a blocking `put` / `get` (Python's keyword arguments). */
export interface BlockingOptions {
  /** Wait for room / an item (default true). */
  block?: boolean;
  /** Wait at most this many seconds (default: no limit). */
  timeout?: number | null;
}

/** Options of the `…Async` twins. */
export interface AsyncOptions {
  /** Wait at most this many seconds (default: no limit). */
  timeout?: number | null;
  /**
   * Stops waiting (rejecting with `CancelledError`)
   * without taking or adding anything. Inside an asyncio task the task's own
   * signal is used by default, so cancelling the task never loses an item.
   */
  signal?: AbortSignal;
}

/** Options of the queue constructors. */
export interface QueueOptions {
  /** Bytes of shared memory for the items (default 1 MiB). A put waits while they are full. */
  capacity?: number;
}

/** @internal Parses `(block, timeout)` or `({ block, timeout })`. */
export function parseBlocking(
  what: string,
  blockOrOptions: boolean | BlockingOptions | undefined,
  timeoutArg: number | null | undefined,
): { block: boolean; timeout: number | null | undefined } {
  let block = true;
  let timeout = timeoutArg;
  if (typeof blockOrOptions === "object" && blockOrOptions !== null) {
    block = blockOrOptions.block ?? true;
    timeout = blockOrOptions.timeout;
  } else if (blockOrOptions !== undefined) {
    block = Boolean(blockOrOptions);
  }
  checkTimeout(what, timeout);
  return { block, timeout };
}

function checkTimeout(what: string, timeout: number | null | undefined): void {
  if (timeout === undefined || timeout === null) return;
  if (typeof timeout !== "number" || Number.isNaN(timeout)) {
    throw new TypeError(`${what}: 'timeout' must be a number of seconds: got ${String(timeout)}`);
  }
  if (timeout < 0) {
    throw new ValueError(`'timeout' must be a non-negative number: got ${timeout}`);
  }
}

function checkMaxsize(maxsize: unknown): number {
  if (maxsize === undefined || maxsize === null) return 0;
  if (typeof maxsize !== "number" || !Number.isInteger(maxsize)) {
    throw new TypeError(`maxsize must be an integer: got ${String(maxsize)}`);
  }
  return Math.max(0, maxsize);
}

const TAG = "pyconc.queue";
const classes = new Map<string, (ring: SharedRing) => unknown>();

/**
 * @internal What queue-like classes share: the ring, errors, repr, sending.
 */
abstract class RingQueue<T> {
  /** @internal */
  readonly _ring: SharedRing;

  constructor(ring: SharedRing) {
    this._ring = ring;
  }

  /** @internal The class name sent with the queue. */
  protected abstract get _className(): string;

  /**
   * Removes and returns the next item, waiting for one (blocks the thread).
   * `get(false)` or a `timeout` in seconds raise {@linkcode Empty}; a shut-down
   * queue raises {@linkcode ShutDown} once empty.
   */
  get(blockOrOptions?: boolean | BlockingOptions, timeout?: number | null): T {
    const { block, timeout: t } = parseBlocking("get()", blockOrOptions, timeout);
    const fast = this._ring.tryGet();
    if (fast !== NOTHING) return fast as T;
    return getValue(runBlocking(this._ring.getSteps(block, t), "get()", "getAsync()")) as T;
  }

  /** `get(false)`. */
  getNowait(): T {
    return getValue(runBlocking(this._ring.getSteps(false, undefined), "get()", "getAsync()")) as T;
  }

  /**
   * Removes and returns the next item, waiting without blocking the thread.
   * A wait that times out or is aborted takes nothing.
   */
  async getAsync(options: AsyncOptions = {}): Promise<T> {
    checkTimeout("getAsync()", options.timeout);
    return getValue(
      await runAsync(this._ring.getSteps(true, options.timeout), options.signal ?? currentSignal()),
    ) as T;
  }

  /** The number of items (approximate while other workers use the queue). */
  qsize(): number {
    return this._ring.size;
  }

  /** True if the queue is empty (approximate, as in Python). */
  empty(): boolean {
    return this._ring.size === 0;
  }

  /** @internal Sends the queue to a worker as a live view. */
  [reduceSymbol](): Reduced {
    return {
      tag: TAG,
      module: import.meta.url,
      state: { cls: this._className, buffer: this._ring.buffer },
    };
  }

  /** Python-style repr: `<Queue [items:2, maxsize:3, getters:1, putters:0]>`. */
  toString(): string {
    const r = this._ring;
    const { getters, putters } = r.waiters;
    const parts = [`items:${r.size}`];
    if (r.maxsize > 0) parts.push(`maxsize:${r.maxsize}`);
    if (getters) parts.push(`getters:${getters}`);
    if (putters) parts.push(`putters:${putters}`);
    if (r.shutdownState) parts.push("shutdown");
    return `<${this._className} [${parts.join(", ")}]>`;
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

function putFailure(why: Failure | undefined): void {
  if (why === undefined) return;
  if (why === "shutdown") throw new ShutDown();
  if (why === "closed") throw new ValueError("Queue is closed");
  throw new Full();
}

function getValue(result: GetResult): unknown {
  if (result.ok) return result.value;
  if (result.why === "shutdown") throw new ShutDown();
  throw new Empty();
}

/**
 * A FIFO queue that threads and processes can share. Ports `queue.Queue`.
 *
 * `maxsize` ≤ 0 means no limit on the number of items (the shared buffer's
 * byte `capacity` still bounds it: a put then waits as if full). Items are
 * copied (numbers, strings, arrays, plain objects, Maps, Dates, typed arrays,
 * … anything structured clone takes); a value that cannot be copied fails at
 * `put` with a `TypeError` and the queue stays usable. Shared objects (locks,
 * `Value`s, other queues) cannot be items: pass them to workers as arguments.
 *
 * @example Usage
 * ```ts
 * import { queue } from "@pyconc/pyconc";
 *
 * const q = new queue.Queue<number>(3);
 * q.put(1);
 * q.put(2);
 * console.assert(q.get() === 1 && (await q.getAsync()) === 2);
 * q.taskDone();
 * q.taskDone();
 * await q.joinAsync();
 * ```
 */
export class Queue<T = unknown> extends RingQueue<T> {
  /**
   * Creates the queue.
   * @param maxsize The most items (≤ 0: no limit).
   * @param options `capacity`: bytes of shared memory for the items.
   */
  constructor(maxsize?: number, options?: QueueOptions);
  /** @internal Wraps a ring received from another worker. */
  constructor(ring: SharedRing);
  constructor(maxsizeOrRing?: number | SharedRing, options: QueueOptions = {}) {
    super(
      maxsizeOrRing instanceof SharedRing ? maxsizeOrRing : SharedRing.create({
        maxsize: checkMaxsize(maxsizeOrRing),
        capacity: options.capacity,
        kind: (new.target as unknown as { _kind: RingKind })._kind ?? "fifo",
      }),
    );
  }

  /** @internal */
  static _kind: RingKind = "fifo";

  /** @internal */
  protected get _className(): string {
    return "Queue";
  }

  /** The most items (0: no limit). */
  get maxsize(): number {
    return this._ring.maxsize;
  }

  /** Tasks put and not yet marked done (Python's `unfinished_tasks`). */
  get unfinishedTasks(): number {
    return this._ring.unfinished;
  }

  /** True if the queue holds `maxsize` items. */
  full(): boolean {
    return this._ring.full;
  }

  /**
   * Puts an item, waiting for room (blocks the thread). `put(item, false)` or
   * a `timeout` in seconds raise {@linkcode Full}; after `shutdown()` raises
   * {@linkcode ShutDown}.
   */
  put(item: T, blockOrOptions?: boolean | BlockingOptions, timeout?: number | null): void {
    const { block, timeout: t } = parseBlocking("put()", blockOrOptions, timeout);
    if (this._ring.tryPut(item, true)) return;
    putFailure(runBlocking(this._ring.putSteps(item, block, t, true), "put()", "putAsync()"));
  }

  /** `put(item, false)`. */
  putNowait(item: T): void {
    putFailure(
      runBlocking(this._ring.putSteps(item, false, undefined, true), "put()", "putAsync()"),
    );
  }

  /** Puts an item, waiting for room without blocking the thread. */
  async putAsync(item: T, options: AsyncOptions = {}): Promise<void> {
    checkTimeout("putAsync()", options.timeout);
    putFailure(
      await runAsync(
        this._ring.putSteps(item, true, options.timeout, true),
        options.signal ?? currentSignal(),
      ),
    );
  }

  /**
   * Marks one item taken with `get` as processed. Raises `ValueError` if
   * called more times than items were put.
   */
  taskDone(): void {
    if (!runBlocking(this._ring.taskDoneSteps(), "taskDone()", "taskDone()")) {
      throw new ValueError("task_done() called too many times");
    }
  }

  /** Blocks until every item put has been marked done with `taskDone()`. */
  join(): void {
    runBlocking(this._ring.joinSteps(), "join()", "joinAsync()");
  }

  /** Waits, without blocking the thread, until every item put is done. */
  joinAsync(): Promise<void> {
    return runAsync(this._ring.joinSteps());
  }

  /**
   * Shuts the queue down (Python 3.13): `put` raises {@linkcode ShutDown};
   * `get` raises it once the queue is empty, or at once with `immediate`,
   * which also drops the items and releases `join()`.
   */
  shutdown(immediate = false): void {
    runBlocking(this._ring.shutdownSteps(Boolean(immediate)), "shutdown()", "shutdown()");
  }
}

/**
 * A LIFO queue (a stack) that threads and processes can share. Ports
 * `queue.LifoQueue`.
 *
 * @example Usage
 * ```ts
 * import { queue } from "@pyconc/pyconc";
 *
 * const q = new queue.LifoQueue<number>();
 * q.put(1);
 * q.put(2);
 * console.assert(q.get() === 2 && q.get() === 1);
 * ```
 */
export class LifoQueue<T = unknown> extends Queue<T> {
  /** @internal */
  static override _kind: RingKind = "lifo";

  /** @internal */
  protected override get _className(): string {
    return "LifoQueue";
  }
}

/**
 * A queue that returns the smallest item first (Python's ordering: numbers,
 * strings, and arrays compared item by item, so `[priority, data]` pairs work).
 * Ports `queue.PriorityQueue`. Finding the smallest item costs O(n) per `get`.
 *
 * @example Usage
 * ```ts
 * import { queue } from "@pyconc/pyconc";
 *
 * const q = new queue.PriorityQueue<[number, string]>();
 * q.put([2, "b"]);
 * q.put([1, "a"]);
 * console.assert(q.get()[1] === "a");
 * ```
 */
export class PriorityQueue<T = unknown> extends Queue<T> {
  /** @internal */
  static override _kind: RingKind = "priority";

  /** @internal */
  protected override get _className(): string {
    return "PriorityQueue";
  }
}

/**
 * An unbounded FIFO queue without task tracking. Ports `queue.SimpleQueue`.
 *
 * @example Usage
 * ```ts
 * import { queue } from "@pyconc/pyconc";
 *
 * const q = new queue.SimpleQueue<string>();
 * q.put("x");
 * console.assert(q.qsize() === 1 && q.get() === "x" && q.empty());
 * ```
 */
export class SimpleQueue<T = unknown> extends RingQueue<T> {
  /**
   * Creates the queue.
   * @param options `capacity`: bytes of shared memory for the items.
   */
  constructor(options?: QueueOptions);
  /** @internal Wraps a ring received from another worker. */
  constructor(ring: SharedRing);
  constructor(optionsOrRing: QueueOptions | SharedRing = {}) {
    super(
      optionsOrRing instanceof SharedRing
        ? optionsOrRing
        : SharedRing.create({ capacity: optionsOrRing.capacity }),
    );
  }

  /** @internal */
  protected get _className(): string {
    return "SimpleQueue";
  }

  /** Puts an item (never waits for room unless the byte capacity is used up). */
  put(item: T, _block?: boolean | BlockingOptions, _timeout?: number | null): void {
    putFailure(
      runBlocking(this._ring.putSteps(item, true, undefined, false), "put()", "putAsync()"),
    );
  }

  /** `put(item)`. */
  putNowait(item: T): void {
    putFailure(
      runBlocking(this._ring.putSteps(item, false, undefined, false), "put()", "putAsync()"),
    );
  }

  /** Puts an item without blocking the thread. */
  async putAsync(item: T, options: AsyncOptions = {}): Promise<void> {
    putFailure(
      await runAsync(
        this._ring.putSteps(item, true, options.timeout, false),
        options.signal ?? currentSignal(),
      ),
    );
  }
}

classes.set("Queue", (ring) => new Queue(ring));
classes.set("LifoQueue", (ring) => new LifoQueue(ring));
classes.set("PriorityQueue", (ring) => new PriorityQueue(ring));
classes.set("SimpleQueue", (ring) => new SimpleQueue(ring));

registerReviver(TAG, (state) => {
  const { cls, buffer } = state as { cls: string; buffer: SharedArrayBuffer };
  const make = classes.get(cls);
  if (!make) throw new Error(`Unknown queue class '${cls}'`);
  return make(new SharedRing(buffer));
});
