/**
 * The shared-memory queue behind `queue.Queue` (and its LIFO, priority and
 * simple variants), `multiprocessing.Queue` and `Pipe` connections.
 *
 * One `SharedArrayBuffer` holds a header of 32-bit words and a byte arena.
 * Items are encoded (lib/_internal/codec.ts) into records in the arena, which
 * is a ring: records are appended at the tail and taken from the head (FIFO)
 * or the tail (LIFO: each record ends with its length so the one before can
 * be found). A priority queue scans the live records for the smallest item
 * (Python's ordering) and marks it dead; dead records are reclaimed when they
 * reach either end.
 *
 * A futex-style mutex (Drepper's three-state lock) guards the header for the
 * few instructions of each operation; nothing slow (encoding, decoding) runs
 * under it. Getters sleep on the `ITEMS_SEQ` word, putters on `SPACE_SEQ`,
 * `join()` on `TASKS_SEQ`; each is bumped and notified only when someone
 * waits. A getter takes an item only at the moment it returns it, so a get
 * that times out or is cancelled never loses one.
 *
 * Every blocking operation is written once as a generator of waits and run by
 * a blocking driver (`Atomics.wait`) or an async one (`Atomics.waitAsync`,
 * abortable by a signal).
 *
 * @module
 */

import { CancelledError } from "../exceptions.ts";
import { decode, encode, NUMBER } from "./codec.ts";
import {
  cannotBlock,
  deadline as makeDeadline,
  expired,
  type Steps,
  wait as futexWait,
  waitAsync as futexWaitAsync,
  type WaitResult,
} from "./futex.ts";
import { canBlock } from "./runtime.ts";

// Header words.
const LOCK = 0;
const ITEMS_SEQ = 1;
const SPACE_SEQ = 2;
const TASKS_SEQ = 3;
const COUNT = 4; // live items
const RECORDS = 5; // records, dead ones included
const HEAD = 6;
const TAIL = 7;
const WRAP_AT = 8; // where the records before the wrap end (-1: not wrapped)
const MAXSIZE = 9;
const UNFINISHED = 10;
const SHUTDOWN = 11; // 0 open, 1 shut down, 2 shut down immediately
const KIND = 12;
const CAPACITY = 13;
const GET_WAITERS = 14;
const PUT_WAITERS = 15;
const JOIN_WAITERS = 16;
const CLOSED = 17; // multiprocessing close(): puts refused
const WRITERS = 18; // open writing ends (Pipe)
const HEADER_WORDS = 20;
const HEADER_BYTES = HEADER_WORDS * 4;

const MARKER = -1;
const SPIN = 4000; // a wrap marker where a record would start
const DEAD = 1;

/** What {@linkcode SharedRing.tryGet} returns when it could not take an item at once. */
export const NOTHING: unique symbol = Symbol("nothing");

/** The order items come out in. */
export type RingKind = "fifo" | "lifo" | "priority";
const KINDS: RingKind[] = ["fifo", "lifo", "priority"];

/** Why an operation could not complete. */
export type Failure = "empty" | "full" | "shutdown" | "timeout" | "closed";

/** The result of a get: an item, or why there is none. */
export type GetResult = { ok: true; value: unknown } | { ok: false; why: Failure };

function align4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * Compares two items the way Python's `<` does for the values a priority
 * queue holds: numbers, strings, booleans, and arrays (tuples) compared item
 * by item. Throws `TypeError` for anything else, as Python does.
 */
export function pyCompare(a: unknown, b: unknown): number {
  const ta = typeof a, tb = typeof b;
  if (
    (ta === "number" || ta === "boolean" || ta === "bigint") &&
    (tb === "number" || tb === "boolean" || tb === "bigint")
  ) {
    const x = Number(a), y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (ta === "string" && tb === "string") {
    return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = pyCompare(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  throw new TypeError(
    `'<' not supported between instances of '${describe(a)}' and '${describe(b)}'`,
  );
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "Array";
  if (typeof v === "object") return (v as object).constructor?.name ?? "object";
  return typeof v;
}

/** Options of {@linkcode SharedRing.create}. */
export interface RingOptions {
  /** Items at most (0: no limit other than the byte capacity). */
  maxsize?: number;
  /** Bytes for the items (default 1 MiB). */
  capacity?: number;
  /** Item order. */
  kind?: RingKind;
}

/** A queue in shared memory. See the module documentation. */
export class SharedRing {
  readonly buffer: SharedArrayBuffer;
  readonly #words: Int32Array;
  readonly #bytes: Uint8Array;
  readonly #ints: Int32Array;
  readonly #view: DataView;
  readonly #capacity: number;
  readonly #kind: RingKind;

  /** Wraps an existing buffer (another worker's queue). */
  constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer;
    this.#words = new Int32Array(buffer, 0, HEADER_WORDS);
    this.#capacity = this.#words[CAPACITY];
    this.#bytes = new Uint8Array(buffer, HEADER_BYTES, this.#capacity);
    this.#ints = new Int32Array(buffer, HEADER_BYTES, this.#capacity >> 2);
    this.#view = new DataView(buffer, HEADER_BYTES, this.#capacity);
    this.#kind = KINDS[this.#words[KIND]];
  }

  /** Makes a new, empty queue. */
  static create(options: RingOptions = {}): SharedRing {
    const capacity = align4(options.capacity ?? 1 << 20);
    if (!(capacity >= 64)) {
      throw new RangeError(`capacity must be at least 64 bytes: got ${options.capacity}`);
    }
    const buffer = new SharedArrayBuffer(HEADER_BYTES + capacity);
    const words = new Int32Array(buffer, 0, HEADER_WORDS);
    words[CAPACITY] = capacity;
    words[MAXSIZE] = Math.max(0, options.maxsize ?? 0);
    words[KIND] = KINDS.indexOf(options.kind ?? "fifo");
    words[WRAP_AT] = -1;
    words[WRITERS] = 1;
    return new SharedRing(buffer);
  }

  /** The item order. */
  get kind(): RingKind {
    return this.#kind;
  }

  /** The item limit (0: none). */
  get maxsize(): number {
    return this.#words[MAXSIZE];
  }

  /** Items in the queue now (Python's `qsize()`, approximate across workers). */
  get size(): number {
    return Atomics.load(this.#words, COUNT);
  }

  /** Tasks put and not yet marked done (`unfinished_tasks`). */
  get unfinished(): number {
    return Atomics.load(this.#words, UNFINISHED);
  }

  /** 0 open, 1 shut down, 2 shut down immediately. */
  get shutdownState(): number {
    return Atomics.load(this.#words, SHUTDOWN);
  }

  /** Whether `close()` was called (multiprocessing). */
  get closed(): boolean {
    return Atomics.load(this.#words, CLOSED) !== 0;
  }

  /** Waiting getters and putters (for repr). */
  get waiters(): { getters: number; putters: number } {
    return {
      getters: Atomics.load(this.#words, GET_WAITERS),
      putters: Atomics.load(this.#words, PUT_WAITERS),
    };
  }

  /** True when `maxsize` items are in the queue. */
  get full(): boolean {
    const max = this.#words[MAXSIZE];
    return max > 0 && Atomics.load(this.#words, COUNT) >= max;
  }

  // -- the mutex ------------------------------------------------------------

  *#lock(): Steps<void> {
    const w = this.#words;
    let c = Atomics.compareExchange(w, LOCK, 0, 1);
    if (c === 0) return;
    for (let spin = 0; spin < 100; spin++) {
      c = Atomics.compareExchange(w, LOCK, 0, 1);
      if (c === 0) return;
    }
    do {
      if (c === 2 || Atomics.compareExchange(w, LOCK, 1, 2) !== 0) {
        yield { view: w, index: LOCK, expected: 2 };
      }
    } while ((c = Atomics.compareExchange(w, LOCK, 0, 2)) !== 0);
  }

  #unlock(): void {
    const w = this.#words;
    if (Atomics.sub(w, LOCK, 1) !== 1) {
      Atomics.store(w, LOCK, 0);
      Atomics.notify(w, LOCK, 1);
    }
  }

  #bump(seq: number, waiters: number, count: number): void {
    const w = this.#words;
    if (Atomics.load(w, waiters) > 0) {
      Atomics.add(w, seq, 1);
      Atomics.notify(w, seq, count);
    }
  }

  // -- records (called with the lock held) ------------------------------------

  #recordSize(payload: number): number {
    return 12 + align4(payload);
  }

  /** Where a record of `size` bytes can go, or -1 if there is no room. */
  #place(size: number): number {
    const w = this.#words;
    const cap = this.#capacity;
    if (w[RECORDS] === 0) {
      w[HEAD] = 0;
      w[TAIL] = 0;
      w[WRAP_AT] = -1;
      return size <= cap ? 0 : -1;
    }
    const head = w[HEAD], tail = w[TAIL];
    if (w[WRAP_AT] < 0) {
      // Records lie in [head, tail).
      if (cap - tail >= size) return tail;
      if (head >= size) {
        if (cap - tail >= 4) this.#setInt(tail, MARKER);
        w[WRAP_AT] = tail;
        w[TAIL] = 0;
        return 0;
      }
      return -1;
    }
    // Wrapped: records lie in [head, wrapAt) and [0, tail).
    return head - tail >= size ? tail : -1;
  }

  #setInt(offset: number, value: number): void {
    this.#ints[offset >> 2] = value;
  }

  #getInt(offset: number): number {
    return this.#ints[offset >> 2];
  }

  #write(at: number, tag: number, payload: Uint8Array): void {
    const size = this.#recordSize(payload.length);
    const ints = this.#ints;
    ints[at >> 2] = payload.length;
    ints[(at >> 2) + 1] = tag << 8;
    if (payload.length === 8) {
      const b = this.#bytes, o = at + 8;
      b[o] = payload[0], b[o + 1] = payload[1], b[o + 2] = payload[2], b[o + 3] = payload[3];
      b[o + 4] = payload[4], b[o + 5] = payload[5], b[o + 6] = payload[6], b[o + 7] = payload[7];
    } else if (payload.length > 0) {
      this.#bytes.set(payload, at + 8);
    }
    ints[(at + size - 4) >> 2] = payload.length;
    const w = this.#words;
    w[TAIL] = at + size;
    w[RECORDS]++;
    w[COUNT]++;
  }

  /** The offset of the first record (skipping a wrap marker). */
  #first(): number {
    const w = this.#words;
    let head = w[HEAD];
    if (w[WRAP_AT] >= 0 && head === w[WRAP_AT]) {
      head = 0;
      w[HEAD] = 0;
      w[WRAP_AT] = -1;
    }
    return head;
  }

  /** The offset of the last record. */
  #last(): number {
    const w = this.#words;
    let tail = w[TAIL];
    if (tail === 0 && w[WRAP_AT] >= 0) {
      tail = w[WRAP_AT];
      w[TAIL] = tail;
      w[WRAP_AT] = -1;
    }
    const len = this.#getInt(tail - 4);
    return tail - this.#recordSize(len);
  }

  #read(at: number): { tag: number; bytes: Uint8Array; size: number; dead: boolean } {
    const len = this.#getInt(at);
    const flags = this.#getInt(at + 4);
    return {
      tag: flags >> 8,
      dead: (flags & DEAD) !== 0,
      bytes: this.#bytes.slice(at + 8, at + 8 + len),
      size: this.#recordSize(len),
    };
  }

  #dropRecord(): void {
    const w = this.#words;
    if (--w[RECORDS] === 0) {
      w[HEAD] = 0;
      w[TAIL] = 0;
      w[WRAP_AT] = -1;
    }
  }

  #takeFirst(): { tag: number; bytes: Uint8Array } {
    for (;;) {
      const at = this.#first();
      const rec = this.#read(at);
      this.#words[HEAD] = at + rec.size;
      this.#dropRecord();
      if (!rec.dead) return rec;
    }
  }

  #takeLast(): { tag: number; bytes: Uint8Array } {
    for (;;) {
      const at = this.#last();
      const rec = this.#read(at);
      this.#words[TAIL] = at;
      this.#dropRecord();
      if (!rec.dead) return rec;
    }
  }

  #takeSmallest(): { ok: true; value: unknown } {
    const w = this.#words;
    let at = this.#first();
    let best: { at: number; value: unknown } | undefined;
    let left = w[RECORDS];
    let wrapped = w[WRAP_AT] < 0;
    while (left-- > 0) {
      if (!wrapped && at === w[WRAP_AT]) {
        at = 0;
        wrapped = true;
      }
      const rec = this.#read(at);
      if (!rec.dead) {
        const value = decode(rec.tag, rec.bytes);
        if (!best || pyCompare(value, best.value) < 0) best = { at, value };
      }
      at += rec.size;
    }
    this.#setInt(best!.at + 4, this.#getInt(best!.at + 4) | DEAD);
    // Reclaim dead records at both ends.
    while (w[RECORDS] > 0) {
      const first = this.#first();
      if (!this.#read(first).dead) break;
      this.#takeFirstDead(first);
    }
    while (w[RECORDS] > 0) {
      const last = this.#last();
      const rec = this.#read(last);
      if (!rec.dead) break;
      w[TAIL] = last;
      this.#dropRecord();
    }
    return { ok: true, value: best!.value };
  }

  #takeFirstDead(at: number): void {
    const rec = this.#read(at);
    this.#words[HEAD] = at + rec.size;
    this.#dropRecord();
  }

  /**
   * Spins briefly until word `index` differs from `value` (an item or room
   * may come within microseconds; sleeping and waking costs far more).
   */
  #spin(index: number, value: number): void {
    const w = this.#words;
    for (let i = 0; i < SPIN; i++) {
      if (Atomics.load(w, index) !== value) return;
    }
  }

  // -- fast paths (no generator, no allocation for numbers) -------------------

  /**
   * Puts `value` at once if the lock is free and there is room: true when
   * done, false when the caller must take the slow path (which also reports
   * shutdown, closed and full).
   */
  tryPut(value: unknown, countTask: boolean): boolean {
    if (typeof value !== "number") return false;
    const w = this.#words;
    if (Atomics.compareExchange(w, LOCK, 0, 1) !== 0) return false;
    const max = w[MAXSIZE];
    if (w[SHUTDOWN] !== 0 || w[CLOSED] !== 0 || (max > 0 && w[COUNT] >= max)) {
      this.#unlock();
      return false;
    }
    const at = this.#place(20);
    if (at < 0) {
      this.#unlock();
      return false;
    }
    const ints = this.#ints, i = at >> 2;
    ints[i] = 8;
    ints[i + 1] = NUMBER << 8;
    this.#view.setFloat64(at + 8, value, true);
    ints[i + 4] = 8;
    w[TAIL] = at + 20;
    w[RECORDS]++;
    w[COUNT]++;
    if (countTask) w[UNFINISHED]++;
    this.#unlock();
    this.#bump(ITEMS_SEQ, GET_WAITERS, 1);
    return true;
  }

  /**
   * Takes the next item at once (FIFO and LIFO) if the lock is free and an
   * item is there; `NOTHING` when the caller must take the slow path.
   */
  tryGet(): unknown {
    const w = this.#words;
    if (this.#kind === "priority" || Atomics.load(w, COUNT) === 0) return NOTHING;
    if (Atomics.compareExchange(w, LOCK, 0, 1) !== 0) return NOTHING;
    if (w[COUNT] === 0) {
      this.#unlock();
      return NOTHING;
    }
    const at = this.#kind === "lifo" ? this.#last() : this.#first();
    const ints = this.#ints, i = at >> 2;
    const len = ints[i], flags = ints[i + 1];
    if ((flags & DEAD) !== 0 || flags >> 8 !== NUMBER) {
      this.#unlock();
      return NOTHING; // The slow path handles every other case.
    }
    const value = this.#view.getFloat64(at + 8, true);
    if (this.#kind === "lifo") w[TAIL] = at;
    else w[HEAD] = at + this.#recordSize(len);
    this.#dropRecord();
    w[COUNT]--;
    this.#unlock();
    this.#bump(SPACE_SEQ, PUT_WAITERS, 1);
    return value;
  }

  // -- operations -------------------------------------------------------------

  /**
   * Puts an item. `timeout` in seconds (undefined: wait as long as needed);
   * `block` false fails at once when full. `what` names the item in errors.
   */
  *putSteps(
    value: unknown,
    block: boolean,
    timeout: number | null | undefined,
    countTask: boolean,
  ): Steps<Failure | undefined> {
    const { tag, bytes } = encode(value, "the item");
    const size = this.#recordSize(bytes.length);
    if (size > this.#capacity) {
      throw new RangeError(
        `The item needs ${size} bytes but the queue holds ${this.#capacity}: create it with a larger 'capacity'`,
      );
    }
    const w = this.#words;
    const deadline = block ? makeDeadline(timeout) : undefined;
    for (;;) {
      yield* this.#lock();
      if (w[SHUTDOWN] !== 0) {
        this.#unlock();
        return "shutdown";
      }
      if (w[CLOSED] !== 0) {
        this.#unlock();
        return "closed";
      }
      const max = w[MAXSIZE];
      const at = max > 0 && w[COUNT] >= max ? -1 : this.#place(size);
      if (at >= 0) {
        this.#write(at, tag, bytes);
        if (countTask) w[UNFINISHED]++;
        this.#unlock();
        this.#bump(ITEMS_SEQ, GET_WAITERS, 1);
        return undefined;
      }
      if (!block || expired(deadline)) {
        this.#unlock();
        return block ? "timeout" : "full";
      }
      const count = w[COUNT];
      this.#unlock();
      this.#spin(COUNT, count);
      if (Atomics.load(w, COUNT) !== count) continue;
      yield* this.#lock();
      if (w[COUNT] !== count || w[SHUTDOWN] !== 0) {
        this.#unlock();
        continue;
      }
      const seq = Atomics.load(w, SPACE_SEQ);
      Atomics.add(w, PUT_WAITERS, 1);
      this.#unlock();
      try {
        yield { view: w, index: SPACE_SEQ, expected: seq, deadline };
      } finally {
        Atomics.sub(w, PUT_WAITERS, 1);
      }
    }
  }

  /** Takes an item (see {@linkcode SharedRing.putSteps} for the arguments). */
  *getSteps(block: boolean, timeout: number | null | undefined): Steps<GetResult> {
    const w = this.#words;
    const deadline = block ? makeDeadline(timeout) : undefined;
    for (;;) {
      yield* this.#lock();
      if (w[COUNT] > 0) {
        let result: GetResult;
        try {
          if (this.#kind === "priority") {
            result = this.#takeSmallest();
          } else {
            const rec = this.#kind === "lifo" ? this.#takeLast() : this.#takeFirst();
            w[COUNT]--;
            this.#unlock();
            this.#bump(SPACE_SEQ, PUT_WAITERS, 1);
            return { ok: true, value: decode(rec.tag, rec.bytes) };
          }
        } catch (error) {
          this.#unlock();
          throw error;
        }
        w[COUNT]--;
        this.#unlock();
        this.#bump(SPACE_SEQ, PUT_WAITERS, 1);
        return result;
      }
      if (w[SHUTDOWN] !== 0) {
        this.#unlock();
        return { ok: false, why: "shutdown" };
      }
      if (w[WRITERS] <= 0) {
        this.#unlock();
        return { ok: false, why: "closed" }; // A pipe whose writing ends are all closed.
      }
      if (!block || expired(deadline)) {
        this.#unlock();
        return { ok: false, why: block ? "timeout" : "empty" };
      }
      this.#unlock();
      this.#spin(COUNT, 0);
      if (Atomics.load(w, COUNT) !== 0) continue;
      yield* this.#lock();
      if (w[COUNT] !== 0 || w[SHUTDOWN] !== 0 || w[WRITERS] <= 0) {
        this.#unlock();
        continue;
      }
      const seq = Atomics.load(w, ITEMS_SEQ);
      Atomics.add(w, GET_WAITERS, 1);
      this.#unlock();
      try {
        yield { view: w, index: ITEMS_SEQ, expected: seq, deadline };
      } finally {
        Atomics.sub(w, GET_WAITERS, 1);
      }
    }
  }

  /** Marks one task done; returns false if called more times than items were put. */
  *taskDoneSteps(): Steps<boolean> {
    const w = this.#words;
    yield* this.#lock();
    const left = w[UNFINISHED] - 1;
    if (left < 0) {
      this.#unlock();
      return false;
    }
    w[UNFINISHED] = left;
    this.#unlock();
    if (left === 0) this.#bump(TASKS_SEQ, JOIN_WAITERS, Infinity);
    return true;
  }

  /** Waits until every task put is done. */
  *joinSteps(): Steps<void> {
    const w = this.#words;
    for (;;) {
      yield* this.#lock();
      if (w[UNFINISHED] === 0) {
        this.#unlock();
        return;
      }
      const seq = Atomics.load(w, TASKS_SEQ);
      Atomics.add(w, JOIN_WAITERS, 1);
      this.#unlock();
      try {
        yield { view: w, index: TASKS_SEQ, expected: seq };
      } finally {
        Atomics.sub(w, JOIN_WAITERS, 1);
      }
    }
  }

  /**
   * Python 3.13's `shutdown(immediate)`: puts fail from now on; gets fail once
   * the queue is empty (at once with `immediate`, which also drops the items
   * and their tasks, releasing `join()`).
   */
  *shutdownSteps(immediate: boolean): Steps<void> {
    const w = this.#words;
    yield* this.#lock();
    w[SHUTDOWN] = immediate ? 2 : Math.max(1, w[SHUTDOWN]);
    if (immediate) {
      while (w[COUNT] > 0) {
        if (this.#kind === "lifo") this.#takeLast();
        else this.#takeFirst();
        w[COUNT]--;
        if (w[UNFINISHED] > 0) w[UNFINISHED]--;
      }
      w[RECORDS] = 0;
      w[HEAD] = w[TAIL] = 0;
      w[WRAP_AT] = -1;
    }
    this.#unlock();
    for (const seq of [ITEMS_SEQ, SPACE_SEQ, TASKS_SEQ]) {
      Atomics.add(w, seq, 1);
      Atomics.notify(w, seq);
    }
  }

  /** Refuses further puts (multiprocessing `close()`); waiting getters keep going. */
  close(): void {
    Atomics.store(this.#words, CLOSED, 1);
  }

  /** Pipe ends: one more / one fewer writer; the last one gone wakes readers (EOF). */
  addWriter(delta: number): number {
    const left = Atomics.add(this.#words, WRITERS, delta) + delta;
    if (left <= 0) {
      Atomics.add(this.#words, ITEMS_SEQ, 1);
      Atomics.notify(this.#words, ITEMS_SEQ);
    }
    return left;
  }

  /** Open writing ends. */
  get writers(): number {
    return Atomics.load(this.#words, WRITERS);
  }

  /** Waits (without taking) until an item is there, the timeout passes, or EOF. */
  *pollSteps(timeout: number | null | undefined): Steps<boolean> {
    const w = this.#words;
    const deadline = makeDeadline(timeout);
    for (;;) {
      if (Atomics.load(w, COUNT) > 0) return true;
      if (Atomics.load(w, WRITERS) <= 0 || expired(deadline)) return false;
      const seq = Atomics.load(w, ITEMS_SEQ);
      Atomics.add(w, GET_WAITERS, 1);
      if (Atomics.load(w, COUNT) > 0) {
        Atomics.sub(w, GET_WAITERS, 1);
        return true;
      }
      try {
        yield { view: w, index: ITEMS_SEQ, expected: seq, deadline };
      } finally {
        Atomics.sub(w, GET_WAITERS, 1);
      }
    }
  }
}

/**
 * Runs a queue algorithm, blocking the thread on each wait.
 * @param steps The algorithm.
 * @param what The method, for the error where the thread may not block.
 * @param twin Its async twin.
 */
export function runBlocking<T>(steps: Steps<T>, what: string, twin: string): T {
  let step = steps.next();
  while (!step.done) {
    if (!canBlock) {
      steps.return(undefined as T);
      throw cannotBlock(what, twin);
    }
    const op = step.value;
    step = steps.next(futexWait(op.view, op.index, op.expected, op.deadline));
  }
  return step.value;
}

function cancelled(signal: AbortSignal): CancelledError {
  if (signal.reason instanceof CancelledError) return signal.reason;
  const error = new CancelledError();
  (error as { cause?: unknown }).cause = signal.reason;
  return error;
}

/**
 * Runs a queue algorithm without blocking; `signal` aborts a wait (the
 * algorithm is then closed, so nothing is taken) with `CancelledError`
 * (the signal's reason is its `cause`).
 */
export async function runAsync<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    if (signal?.aborted) {
      steps.return(undefined as T);
      throw cancelled(signal);
    }
    const op = step.value;
    let result: WaitResult;
    if (signal) {
      let onAbort: (() => void) | undefined;
      const aborted = new Promise<"aborted">((resolve) => {
        onAbort = () => resolve("aborted");
        signal.addEventListener("abort", onAbort, { once: true });
      });
      const raced = await Promise.race([
        futexWaitAsync(op.view, op.index, op.expected, op.deadline),
        aborted,
      ]);
      signal.removeEventListener("abort", onAbort!);
      if (raced === "aborted") {
        // Wake our own pending wait so that nothing is left holding the program.
        Atomics.notify(op.view, op.index);
        steps.return(undefined as T);
        throw cancelled(signal);
      }
      result = raced;
    } else {
      result = await futexWaitAsync(op.view, op.index, op.expected, op.deadline);
    }
    step = steps.next(result);
  }
  return step.value;
}
