/**
 * `threading.Semaphore` and `threading.BoundedSemaphore` on shared memory.
 *
 * @module
 */

import { type Reduced, reduceSymbol, registerReviver } from "../_internal/reduce.ts";
import {
  deadline,
  expired,
  notify,
  runAsync,
  runBlocking,
  type Steps,
} from "../_internal/futex.ts";
import { ValueError } from "../exceptions.ts";
import {
  type AcquireOptions,
  Adoption,
  inspectable,
  makePermit,
  parseAcquire,
  type Permit,
  revivedWords,
  sharedWords,
} from "./_common.ts";

// Word 0: the counter (sleepers wait while it is 0). Word 1: sleepers.
// Word 2: the bound of a BoundedSemaphore (-1: none).
const VALUE = 0;
const WAITERS = 1;
const BOUND = 2;
const WORDS = 3;
const TAG = "threading.Semaphore";

const adoption = new Adoption<Int32Array>();

function checkValue(what: string, value: number): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new TypeError(`Cannot create ${what} as 'value' must be an integer: got ${value}`);
  }
  if (value < 0) {
    throw new ValueError(
      `Cannot create ${what} as 'value' must be at least 0: current value is ${value}`,
    );
  }
  if (value > 0x7fffffff) {
    throw new ValueError(
      `Cannot create ${what} as 'value' must be at most 2147483647: current value is ${value}`,
    );
  }
  return value;
}

/**
 * A counting semaphore in shared memory. Ports Python's `threading.Semaphore`
 * (and `multiprocessing.Semaphore`).
 *
 * `acquire()` takes one unit, sleeping while the counter is zero; `release(n)`
 * adds `n` and wakes as many sleepers. `acquire` returns a `Disposable` permit
 * (truthy) or `false`; `acquireAsync` never blocks the thread.
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * const sem = new threading.Semaphore(2);
 * {
 *   using _ = sem.acquire();
 *   console.assert(sem.value === 1);
 * }
 * console.assert(sem.value === 2);
 * ```
 */
export class Semaphore {
  #view: Int32Array;
  #permit: Permit;

  /**
   * Creates a semaphore.
   * @param value The initial counter (default 1; at least 0).
   */
  constructor(value = 1) {
    const adopted = adoption.take();
    if (adopted) {
      this.#view = adopted;
    } else {
      checkValue(new.target === Semaphore ? "semaphore" : "bounded semaphore", value);
      this.#view = sharedWords(WORDS);
      this.#view[VALUE] = value;
      this.#view[BOUND] = -1;
    }
    this.#permit = makePermit(() => this.release());
  }

  /** The current counter (a snapshot). */
  get value(): number {
    return Atomics.load(this.#view, VALUE);
  }

  #tryTake(): boolean {
    const view = this.#view;
    for (let v = Atomics.load(view, VALUE); v > 0; v = Atomics.load(view, VALUE)) {
      if (Atomics.compareExchange(view, VALUE, v, v - 1) === v) return true;
    }
    return false;
  }

  *#acquireSteps(deadlineMs: number | undefined): Steps<boolean> {
    const view = this.#view;
    while (!this.#tryTake()) {
      if (expired(deadlineMs)) return false;
      Atomics.add(view, WAITERS, 1);
      try {
        yield { view, index: VALUE, expected: 0, deadline: deadlineMs };
      } finally {
        Atomics.sub(view, WAITERS, 1);
      }
    }
    return true;
  }

  /**
   * Takes one unit, sleeping while there is none (Python's `acquire`).
   * @param blocking False: only if one is available now.
   * @param timeout At most this many seconds (null: no limit).
   * @returns A permit (truthy, `Disposable`), or `false` if none was taken.
   */
  acquire(): Permit;
  acquire(blocking: boolean, timeout?: number | null): Permit | false;
  acquire(options: AcquireOptions): Permit | false;
  acquire(blocking?: boolean | AcquireOptions, timeout?: number | null): Permit | false {
    if (blocking === undefined && this.#tryTake()) return this.#permit;
    const t = parseAcquire("Semaphore.acquire", blocking, timeout, false);
    if (t === 0) return this.#tryTake() ? this.#permit : false;
    const ok = runBlocking(
      this.#acquireSteps(deadline(t)),
      "Semaphore.acquire",
      "Semaphore.acquireAsync",
    );
    return ok ? this.#permit : false;
  }

  /**
   * Takes one unit without blocking the thread.
   * @param blocking False: only if one is available now.
   * @param timeout At most this many seconds (null: no limit).
   */
  acquireAsync(): Promise<Permit>;
  acquireAsync(blocking: boolean, timeout?: number | null): Promise<Permit | false>;
  acquireAsync(options: AcquireOptions): Promise<Permit | false>;
  async acquireAsync(
    blocking?: boolean | AcquireOptions,
    timeout?: number | null,
  ): Promise<Permit | false> {
    if (blocking === undefined && this.#tryTake()) return this.#permit;
    const t = parseAcquire("Semaphore.acquireAsync", blocking, timeout, false);
    if (t === 0) return this.#tryTake() ? this.#permit : false;
    return (await runAsync(this.#acquireSteps(deadline(t)))) ? this.#permit : false;
  }

  /**
   * Adds `n` units and wakes as many sleepers (Python's `release(n=1)`). A
   * `BoundedSemaphore` raises `ValueError` if the counter would pass its
   * initial value.
   * @param n How many units (at least 1).
   */
  release(n = 1): void {
    if (!Number.isInteger(n) || n < 1) {
      throw new ValueError(`'n' must be one or more: current value is ${n}`);
    }
    const view = this.#view;
    const bound = Atomics.load(view, BOUND);
    if (bound >= 0) {
      for (;;) {
        const v = Atomics.load(view, VALUE);
        if (v + n > bound) throw new ValueError("Semaphore released too many times");
        if (Atomics.compareExchange(view, VALUE, v, v + n) === v) break;
      }
    } else {
      Atomics.add(view, VALUE, n);
    }
    if (Atomics.load(view, WAITERS) > 0) notify(view, VALUE, n);
  }

  /** `<Semaphore [value=1, waiters:0]>`. */
  toString(): string {
    const bound = Atomics.load(this.#view, BOUND);
    const name = bound >= 0 ? "BoundedSemaphore" : "Semaphore";
    const waiters = Atomics.load(this.#view, WAITERS);
    return `<${name} [value=${this.value}${bound >= 0 ? `/${bound}` : ""}${
      waiters ? `, waiters:${waiters}` : ""
    }]>`;
  }

  /** @internal The reduce protocol: travels as a view of the same words. */
  [reduceSymbol](): Reduced {
    return { tag: TAG, module: import.meta.url, state: this.#view };
  }

  /** @internal Sets the bound (BoundedSemaphore's constructor). */
  protected _setBound(bound: number): void {
    Atomics.store(this.#view, BOUND, bound);
  }

  /** @internal Rebuilds a semaphore over existing words. */
  static _fromWords(view: Int32Array): Semaphore {
    adoption.offer(view);
    return Atomics.load(view, BOUND) >= 0 ? new BoundedSemaphore() : new Semaphore();
  }
}
inspectable(Semaphore);

/**
 * A semaphore that may not be released above its initial value. Ports
 * Python's `threading.BoundedSemaphore` (and `multiprocessing.BoundedSemaphore`):
 * releasing too often raises `ValueError` ("Semaphore released too many times").
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * const sem = new threading.BoundedSemaphore(1);
 * try {
 *   sem.release();
 * } catch (e) {
 *   console.assert(e instanceof RangeError); // Python's ValueError
 * }
 * ```
 */
export class BoundedSemaphore extends Semaphore {
  /**
   * Creates a bounded semaphore.
   * @param value The initial counter and bound (default 1).
   */
  constructor(value = 1) {
    const adopted = adoption.pending;
    super(value);
    if (!adopted) this._setBound(value);
  }
}
registerReviver(TAG, (state) => Semaphore._fromWords(revivedWords(state, WORDS, TAG)));
