/**
 * `asyncio.Queue`, `PriorityQueue`, `LifoQueue` and their errors. Ports
 * Python's `asyncio.queues` (3.13, with `shutdown`).
 *
 * Storage is a ring-buffer deque (a binary heap for `PriorityQueue`, an array
 * stack for `LifoQueue`), so `put` and `get` stay O(1) (O(log n)) with any
 * backlog; `get()` with items ready and `put()` with room return an already
 * settled promise without creating a waiter.
 *
 * @module
 */

import { Deque } from "./_deque.ts";
import { Event } from "./event.ts";
import { Future, reprValue } from "./futures.ts";

const inspectDeno = Symbol.for("Deno.customInspect");
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

function named<T extends abstract new (...args: never[]) => Error>(cls: T, name: string): T {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
  return cls;
}

/**
 * `getNowait()` on an empty queue (Python's `asyncio.QueueEmpty`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * try {
 *   new asyncio.Queue().getNowait();
 * } catch (e) {
 *   console.assert(e instanceof asyncio.QueueEmpty);
 * }
 * ```
 */
export class QueueEmpty extends Error {
  /** Creates the error. */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(QueueEmpty, "QueueEmpty");

/**
 * `putNowait()` on a full queue (Python's `asyncio.QueueFull`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * const q = new asyncio.Queue<number>(1);
 * q.putNowait(1);
 * try {
 *   q.putNowait(2);
 * } catch (e) {
 *   console.assert(e instanceof asyncio.QueueFull);
 * }
 * ```
 */
export class QueueFull extends Error {
  /** Creates the error. */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(QueueFull, "QueueFull");

/**
 * `put` on a shut-down queue, or `get` on a shut-down empty one (Python's
 * `asyncio.QueueShutDown`, 3.13).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * const q = new asyncio.Queue<number>();
 * q.shutdown();
 * try {
 *   q.putNowait(1);
 * } catch (e) {
 *   console.assert(e instanceof asyncio.QueueShutDown);
 * }
 * ```
 */
export class QueueShutDown extends Error {
  /** Creates the error. */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(QueueShutDown, "QueueShutDown");

const resolvedVoid: Promise<void> = Promise.resolve();

/** How a queue stores its items (FIFO deque, heap, stack). */
interface Store<T> {
  readonly length: number;
  push(item: T): void;
  take(): T;
  clear(): void;
  items(): T[];
}

const CHUNK = 1024;

/** One fixed-size block of a {@linkcode FifoStore}. */
interface Chunk<T> {
  items: (T | undefined)[];
  next: Chunk<T> | undefined;
}

/**
 * FIFO items in a list of fixed-size chunks: O(1) push and take that never
 * copy, however large the backlog grows (a producer that never yields may put
 * a million items before the consumer's first step, as in Python).
 */
class FifoStore<T> implements Store<T> {
  #head: Chunk<T>;
  #tail: Chunk<T>;
  #headIndex = 0;
  #tailIndex = 0;
  #length = 0;
  // One emptied chunk kept for reuse, so a short queue allocates nothing.
  #spare: Chunk<T> | undefined = undefined;

  constructor() {
    this.#head = this.#tail = { items: new Array(CHUNK), next: undefined };
  }

  get length(): number {
    return this.#length;
  }

  push(item: T): void {
    if (this.#tailIndex === CHUNK) {
      let chunk = this.#spare;
      if (chunk !== undefined) this.#spare = undefined;
      else chunk = { items: new Array(CHUNK), next: undefined };
      this.#tail.next = chunk;
      this.#tail = chunk;
      this.#tailIndex = 0;
    }
    this.#tail.items[this.#tailIndex++] = item;
    this.#length++;
  }

  take(): T {
    const head = this.#head;
    const item = head.items[this.#headIndex] as T;
    head.items[this.#headIndex++] = undefined;
    if (--this.#length === 0) {
      // Empty: one chunk (a second one holds at least one item), start over.
      this.#headIndex = this.#tailIndex = 0;
    } else if (this.#headIndex === CHUNK) {
      // The head chunk is used up: move on (keep it as the spare).
      const next = head.next!;
      head.next = undefined;
      this.#spare = head;
      this.#head = next;
      this.#headIndex = 0;
    }
    return item;
  }

  clear(): void {
    this.#head = this.#tail = { items: new Array(CHUNK), next: undefined };
    this.#headIndex = this.#tailIndex = 0;
    this.#length = 0;
    this.#spare = undefined;
  }

  items(): T[] {
    const out: T[] = [];
    let chunk: Chunk<T> | undefined = this.#head;
    let i = this.#headIndex;
    while (out.length < this.#length) {
      if (i === CHUNK) {
        chunk = chunk!.next;
        i = 0;
      }
      out.push(chunk!.items[i++] as T);
    }
    return out;
  }
}

/**
 * A first-in first-out queue for tasks (Python's `asyncio.Queue(maxsize=0)`).
 * `maxsize` ≤ 0 means unbounded. `put` waits while full, `get` while empty,
 * FIFO; `taskDone` / `join` track unfinished items; `shutdown(immediate)` ends
 * it. Cancel-safe: a cancelled `get()` never loses an item, a cancelled `put()`
 * never inserts one.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const queue = new asyncio.Queue<number>(2);
 *   const consumer = asyncio.createTask(async () => {
 *     let sum = 0;
 *     for (let i = 0; i < 5; i++) {
 *       sum += await queue.get();
 *       queue.taskDone();
 *     }
 *     return sum;
 *   });
 *   for (let i = 1; i <= 5; i++) await queue.put(i);
 *   await queue.join();
 *   console.assert((await consumer) === 15);
 * });
 * ```
 */
export class Queue<T> {
  readonly #maxsize: number;
  #getters = new Deque<Future<void>>();
  #putters = new Deque<Future<void>>();
  #unfinished = 0;
  #finished = new Event();
  #shutdown = false;
  /** @internal */
  readonly _store: Store<T>;

  /**
   * Creates a queue holding at most `maxsize` items (≤ 0: unbounded).
   */
  constructor(maxsize = 0) {
    if (typeof maxsize !== "number" || Number.isNaN(maxsize)) {
      throw new TypeError(`Queue maxsize must be a number: got ${String(maxsize)}`);
    }
    this.#maxsize = maxsize;
    this.#finished.set();
    this._store = this._makeStore();
  }

  /** @internal The storage (FIFO here; heap and stack in subclasses). */
  _makeStore(): Store<T> {
    return new FifoStore<T>();
  }

  /** The number of items (Python's `qsize`). */
  qsize(): number {
    return this._store.length;
  }

  /** The capacity (Python's `maxsize`; 0 = unbounded). */
  get maxsize(): number {
    return this.#maxsize;
  }

  /** Whether the queue is empty (Python's `empty`). */
  empty(): boolean {
    return this._store.length === 0;
  }

  /** Whether the queue holds `maxsize` items (Python's `full`). */
  full(): boolean {
    return this.#maxsize > 0 && this._store.length >= this.#maxsize;
  }

  /**
   * Puts an item, waiting while the queue is full (Python's `put`).
   * @throws {QueueShutDown} the queue is shut down.
   */
  put(item: T): Promise<void> {
    if (this.#shutdown) return Promise.reject(new QueueShutDown());
    if (!this.full()) {
      this.putNowait(item);
      return resolvedVoid;
    }
    return this.#putSlow(item);
  }

  async #putSlow(item: T): Promise<void> {
    while (this.full()) {
      if (this.#shutdown) throw new QueueShutDown();
      const putter = new Future<void>();
      this.#putters.push(putter);
      try {
        await putter;
      } catch (error) {
        putter.cancel();
        this.#putters.remove(putter);
        // Woken by a get but not putting: wake the next putter.
        if (!this.full() && !putter.cancelled()) this.#wakeupNext(this.#putters);
        throw error;
      }
    }
    this.putNowait(item);
  }

  /**
   * Puts an item without waiting (Python's `put_nowait`).
   * @throws {QueueFull} the queue is full.
   * @throws {QueueShutDown} the queue is shut down.
   */
  putNowait(item: T): void {
    if (this.#shutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this._store.push(item);
    this.#unfinished++;
    if (this.#unfinished === 1) this.#finished.clear();
    if (this.#getters.length > 0) this.#wakeupNext(this.#getters);
  }

  /**
   * Removes and returns an item, waiting while the queue is empty (Python's
   * `get`).
   * @throws {QueueShutDown} the queue is shut down and empty.
   */
  get(): Promise<T> {
    if (this._store.length > 0) return Promise.resolve(this.getNowait());
    return this.#getSlow();
  }

  async #getSlow(): Promise<T> {
    while (this.empty()) {
      if (this.#shutdown) throw new QueueShutDown();
      const getter = new Future<void>();
      this.#getters.push(getter);
      try {
        await getter;
      } catch (error) {
        getter.cancel();
        this.#getters.remove(getter);
        // Woken by a put but not taking the item: wake the next getter.
        if (!this.empty() && !getter.cancelled()) this.#wakeupNext(this.#getters);
        throw error;
      }
    }
    return this.getNowait();
  }

  /**
   * Removes and returns an item without waiting (Python's `get_nowait`).
   * @throws {QueueEmpty} the queue is empty.
   * @throws {QueueShutDown} the queue is shut down and empty.
   */
  getNowait(): T {
    if (this._store.length === 0) {
      if (this.#shutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this._store.take();
    if (this.#putters.length > 0) this.#wakeupNext(this.#putters);
    return item;
  }

  #wakeupNext(waiters: Deque<Future<void>>): void {
    while (waiters.length > 0) {
      const waiter = waiters.shift()!;
      if (!waiter.done()) {
        waiter.setResult();
        break;
      }
    }
  }

  /**
   * Marks one item taken with `get` as processed (Python's `task_done`).
   * @throws {RangeError} ValueError "task_done() called too many times".
   */
  taskDone(): void {
    if (this.#unfinished <= 0) throw new RangeError("task_done() called too many times");
    this.#unfinished--;
    if (this.#unfinished === 0) this.#finished.set();
  }

  /** Waits until every item put has been marked done (Python's `join`). */
  async join(): Promise<void> {
    if (this.#unfinished > 0) await this.#finished.wait();
  }

  /**
   * Shuts the queue down (Python's `shutdown(immediate=False)`): `put` raises
   * `QueueShutDown`; `get` raises it once the queue is empty. With `immediate`
   * the items left are dropped (and counted done) so `join()` returns. Blocked
   * callers wake up.
   */
  shutdown(immediate = false): void {
    this.#shutdown = true;
    if (immediate) {
      while (this._store.length > 0) {
        this._store.take();
        if (this.#unfinished > 0) this.#unfinished--;
      }
      if (this.#unfinished === 0) this.#finished.set();
    }
    // Every blocked getter and putter re-checks and raises QueueShutDown.
    while (this.#getters.length > 0) {
      const getter = this.#getters.shift()!;
      if (!getter.done()) getter.setResult();
    }
    while (this.#putters.length > 0) {
      const putter = this.#putters.shift()!;
      if (!putter.done()) putter.setResult();
    }
  }

  /** `<Queue maxsize=0 _queue=[1, 2] tasks=2>`. */
  toString(): string {
    let result = `maxsize=${this.#maxsize}`;
    if (this._store.length > 0) {
      const items = this._store.length <= 20
        ? this._store.items().map(reprValue).join(", ")
        : `… ${this._store.length} items`;
      result += ` _queue=[${items}]`;
    }
    if (this.#getters.length) result += ` _getters[${this.#getters.length}]`;
    if (this.#putters.length) result += ` _putters[${this.#putters.length}]`;
    if (this.#unfinished) result += ` tasks=${this.#unfinished}`;
    if (this.#shutdown) result += " shutdown";
    return `<${this.constructor.name} ${result}>`;
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

/**
 * Python's ordering for priority items: numbers and strings by `<`, arrays
 * (Python's tuples) element by element; `PriorityQueue`'s default order.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * console.assert(asyncio.pythonCompare([1, "b"], [1, "a"]) > 0);
 * ```
 */
export function pythonCompare(a: unknown, b: unknown): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = pythonCompare(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  // deno-lint-ignore no-explicit-any
  const x = a as any, y = b as any;
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y || (typeof x !== "object" && typeof y !== "object")) return 0;
  throw new TypeError(`'<' not supported between ${String(a)} and ${String(b)}`);
}

class HeapStore<T> implements Store<T> {
  #heap: T[] = [];
  #compare: (a: T, b: T) => number;
  constructor(compare: (a: T, b: T) => number) {
    this.#compare = compare;
  }
  get length(): number {
    return this.#heap.length;
  }
  push(item: T): void {
    const heap = this.#heap;
    const cmp = this.#compare;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (cmp(item, heap[parent]) >= 0) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = item;
  }
  take(): T {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      const cmp = this.#compare;
      let i = 0;
      while (true) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && cmp(heap[r], heap[l]) < 0 ? r : l;
        if (cmp(heap[c], last) >= 0) break;
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }
  clear(): void {
    this.#heap = [];
  }
  items(): T[] {
    return [...this.#heap];
  }
}

/**
 * A queue that returns the smallest item first (Python's
 * `asyncio.PriorityQueue`), usually `[priority, data]` pairs compared like
 * Python tuples. Pass `{ compare }` for another order.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * const q = new asyncio.PriorityQueue<[number, string]>();
 * q.putNowait([2, "b"]);
 * q.putNowait([1, "a"]);
 * console.assert(q.getNowait()[1] === "a");
 * ```
 */
export class PriorityQueue<T> extends Queue<T> {
  /**
   * Creates a priority queue.
   * @param maxsize Capacity (≤ 0: unbounded).
   * @param options `{ compare }`: a comparator (default: Python's ordering).
   */
  constructor(maxsize = 0, options: { compare?: (a: T, b: T) => number } = {}) {
    pendingCompare = options.compare;
    super(maxsize);
  }

  /** @internal */
  override _makeStore(): Store<T> {
    const compare = (pendingCompare ?? pythonCompare) as (a: T, b: T) => number;
    pendingCompare = undefined;
    return new HeapStore<T>(compare);
  }
}

let pendingCompare: ((a: never, b: never) => number) | undefined;

class StackStore<T> implements Store<T> {
  #items: T[] = [];
  get length(): number {
    return this.#items.length;
  }
  push(item: T): void {
    this.#items.push(item);
  }
  take(): T {
    return this.#items.pop()!;
  }
  clear(): void {
    this.#items = [];
  }
  items(): T[] {
    return [...this.#items];
  }
}

/**
 * A last-in first-out queue (Python's `asyncio.LifoQueue`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * const q = new asyncio.LifoQueue<number>();
 * q.putNowait(1);
 * q.putNowait(2);
 * console.assert(q.getNowait() === 2);
 * ```
 */
export class LifoQueue<T> extends Queue<T> {
  /** @internal */
  override _makeStore(): Store<T> {
    return new StackStore<T>();
  }
}
