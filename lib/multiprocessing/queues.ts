/**
 * `multiprocessing.Queue`, `JoinableQueue` and `SimpleQueue`. Ports CPython's
 * `Lib/multiprocessing/queues.py`.
 *
 * Python's versions pickle items into a pipe through a feeder thread; these
 * live in shared memory (the same ring as `queue.Queue`): pass one to a
 * `Process` or pool task as an argument and every worker uses the same queue.
 * Items are copied (structured-clone semantics); an item that cannot be sent
 * fails at `put` with a `TypeError` and the queue stays usable. Blocking
 * methods keep Python's names, each with an `…Async` twin; times in seconds.
 * `get` raises `queue.Empty`, `put` raises `queue.Full`, as in Python.
 *
 * @module
 */

import { ValueError } from "../exceptions.ts";
import { type Reduced, reduceSymbol, registerReviver } from "../_internal/reduce.ts";
import {
  type GetResult,
  NOTHING,
  runAsync,
  runBlocking,
  SharedRing,
} from "../_internal/shared_ring.ts";
import { currentSignal } from "../asyncio/tasks.ts";
import {
  type AsyncOptions,
  type BlockingOptions,
  Empty,
  Full,
  parseBlocking,
  type QueueOptions,
  ShutDown,
} from "../queue/queue.ts";
import { AssertionError } from "../exceptions.ts";

const TAG = "pyconc.mpqueue";

function value(result: GetResult): unknown {
  if (result.ok) return result.value;
  if (result.why === "shutdown") throw new ShutDown();
  throw new Empty();
}

function checkMaxsize(maxsize: unknown): number {
  if (maxsize === undefined || maxsize === null) return 0;
  if (typeof maxsize !== "number" || !Number.isInteger(maxsize)) {
    throw new TypeError(`maxsize must be an integer: got ${String(maxsize)}`);
  }
  return Math.max(0, maxsize);
}

/**
 * A process-shared FIFO queue. Ports `multiprocessing.Queue(maxsize)`.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing, queue } from "@pyconc/pyconc";
 *
 * const q = new multiprocessing.Queue<string>();
 * q.put("hello");
 * console.assert(q.get() === "hello");
 * try {
 *   q.get({ timeout: 0.01 });
 * } catch (e) {
 *   console.assert(e instanceof queue.Empty);
 * }
 * ```
 */
export class Queue<T = unknown> {
  /** @internal */
  readonly _ring: SharedRing;
  #closed = false;
  readonly #countTasks: boolean;

  /**
   * Creates the queue.
   * @param maxsize The most items (≤ 0: no limit).
   * @param options `capacity`: bytes of shared memory for the items (default 1 MiB).
   */
  constructor(maxsize?: number, options?: QueueOptions);
  /** @internal Wraps a ring received from another worker. */
  constructor(ring: SharedRing);
  constructor(maxsizeOrRing?: number | SharedRing, options: QueueOptions = {}) {
    this._ring = maxsizeOrRing instanceof SharedRing
      ? maxsizeOrRing
      : SharedRing.create({ maxsize: checkMaxsize(maxsizeOrRing), capacity: options.capacity });
    this.#countTasks = this._className === "JoinableQueue";
  }

  /** @internal */
  protected get _className(): string {
    return "multiprocessing.Queue";
  }

  #checkOpen(): void {
    if (this.#closed) throw new ValueError(`Queue ${this} is closed`);
  }

  /** Items in the queue (approximate while other workers use it). */
  qsize(): number {
    return this._ring.size;
  }

  /** True if the queue is empty (approximate). */
  empty(): boolean {
    return this._ring.size === 0;
  }

  /** True if the queue holds `maxsize` items (approximate). */
  full(): boolean {
    return this._ring.full;
  }

  /**
   * Puts an item, waiting for room (blocks the thread); `put(obj, false)` or a
   * `timeout` raise `queue.Full`. Raises `ValueError` after `close()`.
   */
  put(obj: T, blockOrOptions?: boolean | BlockingOptions, timeout?: number | null): void {
    this.#checkOpen();
    const { block, timeout: t } = parseBlocking("put()", blockOrOptions, timeout);
    if (this._ring.tryPut(obj, this.#countTasks)) return;
    const why = runBlocking(
      this._ring.putSteps(obj, block, t, this.#countTasks),
      "put()",
      "putAsync()",
    );
    if (why === "shutdown") throw new ShutDown();
    if (why) throw new Full();
  }

  /** `put(obj, false)`. */
  putNowait(obj: T): void {
    this.put(obj, false);
  }

  /** Puts an item, waiting for room without blocking the thread. */
  async putAsync(obj: T, options: AsyncOptions = {}): Promise<void> {
    this.#checkOpen();
    const why = await runAsync(
      this._ring.putSteps(obj, true, options.timeout, this.#countTasks),
      options.signal ?? currentSignal(),
    );
    if (why === "shutdown") throw new ShutDown();
    if (why) throw new Full();
  }

  /**
   * Removes and returns an item, waiting for one (blocks the thread);
   * `get(false)` or a `timeout` raise `queue.Empty`.
   */
  get(blockOrOptions?: boolean | BlockingOptions, timeout?: number | null): T {
    const { block, timeout: t } = parseBlocking("get()", blockOrOptions, timeout);
    const fast = this._ring.tryGet();
    if (fast !== NOTHING) return fast as T;
    return value(runBlocking(this._ring.getSteps(block, t), "get()", "getAsync()")) as T;
  }

  /** `get(false)`. */
  getNowait(): T {
    return this.get(false);
  }

  /**
   * Removes and returns an item without blocking the thread. A wait that
   * times out or is aborted (or whose asyncio task is cancelled) takes nothing.
   */
  async getAsync(options: AsyncOptions = {}): Promise<T> {
    return value(
      await runAsync(this._ring.getSteps(true, options.timeout), options.signal ?? currentSignal()),
    ) as T;
  }

  /**
   * This handle will put no more items (Python's `close()`; other workers'
   * handles are not affected, as other processes are not in Python).
   */
  close(): void {
    this.#closed = true;
  }

  /**
   * Python waits here for the feeder thread to flush; items are in shared
   * memory at once, so this only checks that `close()` was called.
   */
  joinThread(): void {
    if (!this.#closed) throw new AssertionError(`Queue ${this} not closed`);
  }

  /** Python's `cancel_join_thread()`: nothing to cancel here (no feeder thread). */
  cancelJoinThread(): void {}

  /** @internal Sends the queue to a worker as a live view. */
  [reduceSymbol](): Reduced {
    return {
      tag: TAG,
      module: import.meta.url,
      state: { cls: this._className, buffer: this._ring.buffer },
    };
  }

  /** Python-style repr: `<multiprocessing.Queue [items:1]>`. */
  toString(): string {
    const r = this._ring;
    const parts = [`items:${r.size}`];
    if (r.maxsize > 0) parts.push(`maxsize:${r.maxsize}`);
    const { getters, putters } = r.waiters;
    if (getters) parts.push(`getters:${getters}`);
    if (putters) parts.push(`putters:${putters}`);
    if (this.#closed) parts.push("closed");
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

/**
 * A process-shared queue with `taskDone()` and `join()`. Ports
 * `multiprocessing.JoinableQueue(maxsize)`.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const q = new multiprocessing.JoinableQueue<number>();
 * q.put(1);
 * q.get();
 * q.taskDone();
 * await q.joinAsync();
 * ```
 */
export class JoinableQueue<T = unknown> extends Queue<T> {
  /** @internal */
  protected override get _className(): string {
    return "JoinableQueue";
  }

  /** Marks one item as processed; `ValueError` if called too many times. */
  taskDone(): void {
    if (!runBlocking(this._ring.taskDoneSteps(), "taskDone()", "taskDone()")) {
      throw new ValueError("task_done() called too many times");
    }
  }

  /** Blocks until every item put has been marked done. */
  join(): void {
    runBlocking(this._ring.joinSteps(), "join()", "joinAsync()");
  }

  /** Waits, without blocking the thread, until every item put is done. */
  joinAsync(): Promise<void> {
    return runAsync(this._ring.joinSteps());
  }
}

/**
 * A minimal process-shared queue: `put`, `get`, `empty`, `close`. Ports
 * `multiprocessing.SimpleQueue`.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const q = new multiprocessing.SimpleQueue<number>();
 * q.put(5);
 * console.assert(!q.empty() && q.get() === 5);
 * ```
 */
export class SimpleQueue<T = unknown> {
  /** @internal */
  readonly _ring: SharedRing;
  #closed = false;

  /**
   * Creates the queue.
   * @param options `capacity`: bytes of shared memory for the items.
   */
  constructor(options?: QueueOptions);
  /** @internal Wraps a ring received from another worker. */
  constructor(ring: SharedRing);
  constructor(optionsOrRing: QueueOptions | SharedRing = {}) {
    this._ring = optionsOrRing instanceof SharedRing
      ? optionsOrRing
      : SharedRing.create({ capacity: optionsOrRing.capacity });
  }

  /** True if the queue is empty. */
  empty(): boolean {
    return this._ring.size === 0;
  }

  /** Puts an item. */
  put(obj: T): void {
    if (this.#closed) throw new ValueError("Queue is closed");
    runBlocking(this._ring.putSteps(obj, true, undefined, false), "put()", "putAsync()");
  }

  /** Puts an item without blocking the thread. */
  async putAsync(obj: T): Promise<void> {
    if (this.#closed) throw new ValueError("Queue is closed");
    await runAsync(this._ring.putSteps(obj, true, undefined, false));
  }

  /** Removes and returns an item, waiting for one (blocks the thread). */
  get(): T {
    if (this.#closed) throw new ValueError("Queue is closed");
    return value(runBlocking(this._ring.getSteps(true, undefined), "get()", "getAsync()")) as T;
  }

  /** Removes and returns an item without blocking the thread. */
  async getAsync(options: AsyncOptions = {}): Promise<T> {
    if (this.#closed) throw new ValueError("Queue is closed");
    return value(
      await runAsync(this._ring.getSteps(true, options.timeout), options.signal ?? currentSignal()),
    ) as T;
  }

  /** Closes this handle: later `put`/`get` raise `ValueError`. */
  close(): void {
    this.#closed = true;
  }

  /** @internal Sends the queue to a worker as a live view. */
  [reduceSymbol](): Reduced {
    return {
      tag: TAG,
      module: import.meta.url,
      state: { cls: "multiprocessing.SimpleQueue", buffer: this._ring.buffer },
    };
  }

  /** Python-style repr. */
  toString(): string {
    return `<multiprocessing.SimpleQueue [items:${this._ring.size}]>`;
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

registerReviver(TAG, (state) => {
  const { cls, buffer } = state as { cls: string; buffer: SharedArrayBuffer };
  const ring = new SharedRing(buffer);
  if (cls === "JoinableQueue") return new JoinableQueue(ring);
  if (cls === "multiprocessing.SimpleQueue") return new SimpleQueue(ring);
  return new Queue(ring);
});
