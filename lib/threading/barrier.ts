/**
 * `threading.Barrier` on shared memory.
 *
 * @module
 */

import { type Reduced, reduceSymbol, registerReviver } from "../_internal/reduce.ts";
import { deadline, runAsync, runBlocking, type Steps } from "../_internal/futex.ts";
import { ValueError } from "../exceptions.ts";
import { BrokenBarrierError } from "../exceptions.ts";
import { Adoption, inspectable, parseTimeout } from "./_common.ts";
import { Condition } from "./condition.ts";
import { Lock } from "./lock.ts";

// Int32 words: 0 state, 1 count, 2 parties. Float64 at byte 16: the default
// timeout in seconds (NaN: none). All change under the condition's lock.
const STATE = 0;
const COUNT = 1;
const PARTIES = 2;
const BYTES = 24;
const TAG = "threading.Barrier";

const FILLING = 0;
const DRAINING = 1;
const RESETTING = -1;
const BROKEN = -2;

interface BarrierState {
  buffer: SharedArrayBuffer;
  cond: Condition;
}

const adoption = new Adoption<BarrierState>();

/** Options of {@linkcode Barrier}. */
export interface BarrierOptions {
  /** Called by one of the threads when all have arrived, before any is released. */
  action?: (() => void) | null;
  /** Default seconds for `wait` (null: no limit). */
  timeout?: number | null;
}

/**
 * A barrier for a fixed number of threads, in shared memory. Ports Python's
 * `threading.Barrier` (and `multiprocessing.Barrier`).
 *
 * Each of `parties` threads calls `wait()`; all sleep until the last arrives,
 * then all return, each with a different index in `0..parties-1`, and the
 * barrier can be used again. A timeout, `abort()` or an `action` that throws
 * breaks it: every waiter then raises `BrokenBarrierError` until `reset()`.
 * The `action` runs in the thread that arrived last; a barrier with an action
 * stays in the thread that made it (a function cannot travel to a worker).
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * const barrier = new threading.Barrier(1);
 * console.assert(barrier.wait() === 0);
 * barrier.abort();
 * console.assert(barrier.broken);
 * ```
 */
export class Barrier {
  #words: Int32Array;
  #timeout: Float64Array;
  #cond: Condition;
  #action: (() => void) | null;

  /**
   * Creates a barrier.
   * @param parties How many threads must call `wait` (at least 1).
   * @param options `action` and default `timeout` (seconds); a function as
   * the second argument is the action, as in Python's positional form.
   */
  constructor(parties: number, options: BarrierOptions | (() => void) = {}) {
    const opts: BarrierOptions = typeof options === "function" ? { action: options } : options;
    const adopted = adoption.take();
    if (adopted) {
      this.#words = new Int32Array(adopted.buffer, 0, 4);
      this.#timeout = new Float64Array(adopted.buffer, 16, 1);
      this.#cond = adopted.cond;
      this.#action = null;
      return;
    }
    if (typeof parties !== "number" || !Number.isInteger(parties) || parties < 1) {
      throw new ValueError(
        `Cannot create barrier as 'parties' must be an integer of at least 1: current value is ${parties}`,
      );
    }
    const buffer = new SharedArrayBuffer(BYTES);
    this.#words = new Int32Array(buffer, 0, 4);
    this.#timeout = new Float64Array(buffer, 16, 1);
    this.#words[PARTIES] = parties;
    this.#timeout[0] = parseTimeout("Barrier", opts.timeout) ?? NaN;
    this.#cond = new Condition(new Lock());
    this.#action = opts.action ?? null;
  }

  #get(i: number): number {
    return Atomics.load(this.#words, i);
  }

  #set(i: number, v: number): void {
    Atomics.store(this.#words, i, v);
  }

  *#waitSteps(timeout: number | undefined): Steps<number> {
    const cond = this.#cond;
    yield* cond._acquireSteps(undefined);
    try {
      // Enter: wait while a previous cycle drains or resets.
      while (this.#get(STATE) === DRAINING || this.#get(STATE) === RESETTING) {
        yield* cond._waitSteps(undefined);
      }
      if (this.#get(STATE) < 0) throw new BrokenBarrierError();
      const index = this.#get(COUNT);
      this.#set(COUNT, index + 1);
      try {
        if (index + 1 === this.#get(PARTIES)) {
          // The last to arrive runs the action and releases the others.
          try {
            this.#action?.();
            this.#set(STATE, DRAINING);
            cond.notifyAll();
          } catch (error) {
            this.#break();
            throw error;
          }
        } else {
          const passed = yield* cond._waitForSteps(
            () => this.#get(STATE) !== FILLING,
            deadline(timeout),
          );
          if (!passed) {
            this.#break();
            throw new BrokenBarrierError();
          }
          if (this.#get(STATE) < 0) throw new BrokenBarrierError();
        }
        return index;
      } finally {
        // Exit: the last one out lets the next cycle fill.
        this.#set(COUNT, this.#get(COUNT) - 1);
        if (this.#get(COUNT) === 0) {
          const state = this.#get(STATE);
          if (state === RESETTING || state === DRAINING) {
            this.#set(STATE, FILLING);
            cond.notifyAll();
          }
        }
      }
    } finally {
      cond.release();
    }
  }

  #break(): void {
    this.#set(STATE, BROKEN);
    this.#cond.notifyAll();
  }

  #timeoutOf(timeout: number | null | undefined, what: string): number | undefined {
    if (timeout === undefined || timeout === null) {
      const t = this.#timeout[0];
      return Number.isNaN(t) ? undefined : t;
    }
    return parseTimeout(what, timeout);
  }

  /**
   * Waits until all parties have called `wait` (Python's `wait`).
   * @param timeout Seconds (default: the barrier's timeout).
   * @returns This thread's arrival index, `0..parties-1`.
   */
  wait(timeout?: number | null): number {
    return runBlocking(
      this.#waitSteps(this.#timeoutOf(timeout, "Barrier.wait")),
      "Barrier.wait",
      "Barrier.waitAsync",
    );
  }

  /**
   * `wait` without blocking the thread.
   * @param timeout Seconds (default: the barrier's timeout).
   */
  waitAsync(timeout?: number | null): Promise<number> {
    return runAsync(this.#waitSteps(this.#timeoutOf(timeout, "Barrier.waitAsync")));
  }

  /**
   * Returns the barrier to its empty state; threads waiting in it raise
   * `BrokenBarrierError` (Python's `reset`).
   */
  reset(): void {
    using _ = this.#cond.acquire();
    if (this.#get(COUNT) > 0) {
      const state = this.#get(STATE);
      if (state === FILLING || state === BROKEN) this.#set(STATE, RESETTING);
    } else {
      this.#set(STATE, FILLING);
    }
    this.#cond.notifyAll();
  }

  /** Breaks the barrier: current and future waits raise `BrokenBarrierError`. */
  abort(): void {
    using _ = this.#cond.acquire();
    this.#break();
  }

  /** How many threads must call `wait`. */
  get parties(): number {
    return this.#get(PARTIES);
  }

  /** How many threads are waiting now (Python's `n_waiting`). */
  get nWaiting(): number {
    return this.#get(STATE) === FILLING ? this.#get(COUNT) : 0;
  }

  /** True when broken. */
  get broken(): boolean {
    return this.#get(STATE) === BROKEN;
  }

  /** `<Barrier [filling, waiters:1/3]>`. */
  toString(): string {
    const state = this.#get(STATE);
    const name = state === FILLING
      ? "filling"
      : state === DRAINING
      ? "draining"
      : state === RESETTING
      ? "resetting"
      : "broken";
    return `<Barrier [${name}, waiters:${this.nWaiting}/${this.parties}]>`;
  }

  /** @internal The reduce protocol: travels as a view of the same memory. */
  [reduceSymbol](): Reduced {
    if (this.#action) {
      throw new TypeError(
        "Cannot send a Barrier with an action to a worker: the action is a function; run it after wait() returns 0 instead",
      );
    }
    return {
      tag: TAG,
      module: import.meta.url,
      state: { buffer: this.#words.buffer, cond: this.#cond },
    };
  }

  /** @internal Rebuilds a barrier over existing memory. */
  static _fromState(state: BarrierState): Barrier {
    adoption.offer(state);
    return new Barrier(1);
  }
}
inspectable(Barrier);
registerReviver(TAG, (state) => {
  const s = state as BarrierState;
  if (!(s?.buffer instanceof SharedArrayBuffer) || !(s.cond instanceof Condition)) {
    throw new TypeError("Cannot rebuild threading.Barrier: its state is not shared memory");
  }
  return Barrier._fromState(s);
});
