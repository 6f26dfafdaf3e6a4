/**
 * `threading.Lock` on shared memory.
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
  type WaitResult,
} from "../_internal/futex.ts";
import { RuntimeError } from "../exceptions.ts";
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

// Word 0: 0 unlocked, 1 locked, 2 locked and someone may be sleeping (Drepper's
// "Futexes are tricky", mutex 2). Word 1: how many are sleeping (for repr).
const STATE = 0;
const WAITERS = 1;
const WORDS = 2;
const TAG = "threading.Lock";

// Set by _fromWords so the constructor adopts existing memory.
const adoption = new Adoption<Int32Array>();

/** The lock algorithm on two words; shared by `Lock`, `RLock` and `Condition`. */
export class LockWords {
  /** The shared words. */
  readonly view: Int32Array;

  /** @param view Two words of shared memory. */
  constructor(view: Int32Array) {
    this.view = view;
  }

  /** Takes the lock if it is free. */
  tryAcquire(): boolean {
    return Atomics.compareExchange(this.view, STATE, 0, 1) === 0;
  }

  /** Takes the lock, sleeping until `deadlineMs`; false when it passed. */
  *acquireSteps(deadlineMs: number | undefined): Steps<boolean> {
    const view = this.view;
    let c = Atomics.compareExchange(view, STATE, 0, 1);
    if (c === 0) return true;
    // Mark "contended" and sleep while it stays so; whoever takes it from 0
    // here marks it 2, so a release always wakes the next sleeper.
    if (c !== 2) c = Atomics.exchange(view, STATE, 2);
    while (c !== 0) {
      if (expired(deadlineMs)) return false;
      Atomics.add(view, WAITERS, 1);
      let result: WaitResult;
      try {
        result = yield { view, index: STATE, expected: 2, deadline: deadlineMs };
      } finally {
        Atomics.sub(view, WAITERS, 1);
      }
      c = Atomics.exchange(view, STATE, 2);
      if (c !== 0 && result === "timed-out" && expired(deadlineMs)) return false;
    }
    return true;
  }

  /** Releases; false when it was not locked. */
  release(): boolean {
    const view = this.view;
    // Fast path: locked, nobody sleeping.
    if (Atomics.compareExchange(view, STATE, 1, 0) === 1) return true;
    for (;;) {
      const c = Atomics.load(view, STATE);
      if (c === 0) return false;
      if (c === 1) {
        if (Atomics.compareExchange(view, STATE, 1, 0) === 1) return true;
        continue;
      }
      Atomics.store(view, STATE, 0);
      notify(view, STATE, 1);
      return true;
    }
  }

  /** True while held. */
  locked(): boolean {
    return Atomics.load(this.view, STATE) !== 0;
  }

  /** How many are sleeping on it. */
  waiters(): number {
    return Atomics.load(this.view, WAITERS);
  }
}

/**
 * A primitive lock in shared memory. Ports Python's `threading.Lock` (and
 * `multiprocessing.Lock`).
 *
 * Unlocked or locked; not owned, so any thread may release it (as in Python).
 * `acquire()` blocks the calling thread (on `Atomics.wait`); `acquireAsync()`
 * never blocks. Both return a truthy `Disposable` permit, or `false` when a
 * non-blocking or timed acquire fails. Releasing an unlocked lock raises
 * `RuntimeError` ({@linkcode ThreadError}).
 *
 * Passed to a worker (as a `Thread`/`Process` argument) it arrives as a live
 * view of the same memory. A worker that is terminated while holding it leaves
 * it locked, as a killed Python process does.
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * const lock = new threading.Lock();
 * {
 *   using _ = lock.acquire();
 *   console.assert(lock.locked());
 * }
 * console.assert(!lock.locked());
 * if (lock.acquire(false)) lock.release();
 * ```
 */
export class Lock {
  #lock: LockWords;
  #permit: Permit;

  /** Creates an unlocked lock. */
  constructor() {
    this.#lock = new LockWords(adoption.take() ?? sharedWords(WORDS));
    this.#permit = makePermit(() => this.release());
  }

  /** @internal The algorithm (for `Condition`). */
  get _words(): LockWords {
    return this.#lock;
  }

  /**
   * Acquires the lock, blocking until it is free (Python's `acquire`).
   * @param blocking False: take it only if it is free now.
   * @param timeout At most this many seconds (-1: no limit).
   * @returns A permit (truthy, `Disposable`), or `false` if not acquired.
   */
  acquire(): Permit;
  acquire(blocking: boolean, timeout?: number): Permit | false;
  acquire(options: AcquireOptions): Permit | false;
  acquire(blocking?: boolean | AcquireOptions, timeout?: number): Permit | false {
    if (blocking === undefined && this.#lock.tryAcquire()) return this.#permit;
    const t = parseAcquire("Lock.acquire", blocking, timeout, true);
    if (t === 0) return this.#lock.tryAcquire() ? this.#permit : false;
    const ok = runBlocking(
      this.#lock.acquireSteps(deadline(t)),
      "Lock.acquire",
      "Lock.acquireAsync",
    );
    return ok ? this.#permit : false;
  }

  /**
   * Acquires the lock without blocking the thread.
   * @param blocking False: take it only if it is free now.
   * @param timeout At most this many seconds (-1: no limit).
   * @returns A permit, or `false` if not acquired.
   */
  acquireAsync(): Promise<Permit>;
  acquireAsync(blocking: boolean, timeout?: number): Promise<Permit | false>;
  acquireAsync(options: AcquireOptions): Promise<Permit | false>;
  async acquireAsync(
    blocking?: boolean | AcquireOptions,
    timeout?: number,
  ): Promise<Permit | false> {
    if (blocking === undefined && this.#lock.tryAcquire()) return this.#permit;
    const t = parseAcquire("Lock.acquireAsync", blocking, timeout, true);
    if (t === 0) return this.#lock.tryAcquire() ? this.#permit : false;
    return (await runAsync(this.#lock.acquireSteps(deadline(t)))) ? this.#permit : false;
  }

  /** Releases the lock; raises `RuntimeError` if it is not locked. */
  release(): void {
    if (!this.#lock.release()) throw new RuntimeError("release unlocked lock");
  }

  /** True while the lock is held (Python's `locked`). */
  locked(): boolean {
    return this.#lock.locked();
  }

  /** `<Lock [locked, waiters:1]>`. */
  toString(): string {
    const waiters = this.#lock.waiters();
    const state = this.locked() ? "locked" : "unlocked";
    return `<Lock [${state}${waiters ? `, waiters:${waiters}` : ""}]>`;
  }

  /** @internal The reduce protocol: travels as a view of the same words. */
  [reduceSymbol](): Reduced {
    return { tag: TAG, module: import.meta.url, state: this.#lock.view };
  }

  /** @internal Rebuilds a lock over existing words. */
  static _fromWords(view: Int32Array): Lock {
    adoption.offer(view);
    return new Lock();
  }
}
inspectable(Lock);
registerReviver(TAG, (state) => Lock._fromWords(revivedWords(state, WORDS, TAG)));
