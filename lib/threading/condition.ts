/**
 * `threading.Condition` on shared memory.
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
import { RuntimeError } from "../exceptions.ts";
import {
  type AcquireOptions,
  Adoption,
  inspectable,
  parseTimeout,
  type Permit,
  revivedWords,
  sharedWords,
} from "./_common.ts";
import { Lock } from "./lock.ts";
import { RLock } from "./rlock.ts";

// Word 0: the sequence counter sleepers wait on; every notify bumps it, so a
// notify between "release the lock" and "sleep" is never lost. Word 1: threads
// waiting for a signal. Word 2: signals sent and not yet taken. Words 1-2
// change under the lock, except that a woken waiter takes a signal atomically.
const SEQ = 0;
const WAITING = 1;
const SIGNALS = 2;
const WORDS = 3;
const TAG = "threading.Condition";

// Set by _fromWords so the constructor adopts existing memory.
const adoption = new Adoption<Int32Array>();

/**
 * A condition variable in shared memory. Ports Python's `threading.Condition`
 * (and `multiprocessing.Condition`).
 *
 * It wraps a lock (an `RLock` by default, or the `Lock`/`RLock` given) which
 * must be held to `wait`, `notify` or `notifyAll` (else `RuntimeError`).
 * `wait()` releases the lock, sleeps until notified or timed out, and re-takes
 * it. `notify(n)` wakes at most `n` waiters, oldest first. The blocking
 * methods have `...Async` twins that never block the thread.
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * const cond = new threading.Condition();
 * using _ = cond.acquire();
 * console.assert(cond.wait(0.01) === false); // nobody notified: timed out
 * cond.notifyAll();
 * ```
 */
export class Condition {
  #view: Int32Array;
  #lock: Lock | RLock;

  /**
   * Creates a condition over `lock` (a new `RLock` by default).
   * @param lock A `threading.Lock` or `threading.RLock`.
   */
  constructor(lock?: Lock | RLock | null) {
    if (lock !== undefined && lock !== null && !(lock instanceof Lock || lock instanceof RLock)) {
      throw new TypeError(
        `Cannot create condition as 'lock' must be a threading Lock or RLock: got ${
          Object.prototype.toString.call(lock)
        }`,
      );
    }
    this.#view = adoption.take() ?? sharedWords(WORDS);
    this.#lock = lock ?? new RLock();
  }

  /** The underlying lock. */
  get lock(): Lock | RLock {
    return this.#lock;
  }

  /**
   * Acquires the underlying lock (see `Lock.acquire`).
   * @param blocking False: only if it is free now.
   * @param timeout At most this many seconds (-1: no limit).
   */
  acquire(): Permit;
  acquire(blocking: boolean, timeout?: number): Permit | false;
  acquire(options: AcquireOptions): Permit | false;
  acquire(blocking?: boolean | AcquireOptions, timeout?: number): Permit | false {
    return this.#lock.acquire(blocking as boolean, timeout);
  }

  /**
   * Acquires the underlying lock without blocking the thread.
   * @param blocking False: only if it is free now.
   * @param timeout At most this many seconds (-1: no limit).
   */
  acquireAsync(): Promise<Permit>;
  acquireAsync(blocking: boolean, timeout?: number): Promise<Permit | false>;
  acquireAsync(options: AcquireOptions): Promise<Permit | false>;
  acquireAsync(blocking?: boolean | AcquireOptions, timeout?: number): Promise<Permit | false> {
    return this.#lock.acquireAsync(blocking as boolean, timeout);
  }

  /** @internal Takes the underlying lock, sleeping as needed. */
  *_acquireSteps(deadlineMs: number | undefined): Steps<boolean> {
    const lock = this.#lock;
    if (lock instanceof RLock) {
      if (lock.acquire(false)) return true;
      if (!(yield* lock._acquireRestoreSteps(1, deadlineMs))) return false;
      return true;
    }
    return yield* lock._words.acquireSteps(deadlineMs);
  }

  /** Releases the underlying lock. */
  release(): void {
    this.#lock.release();
  }

  #isOwned(): boolean {
    const lock = this.#lock;
    if (lock instanceof RLock) return lock._isOwned();
    // Python's fallback for a plain Lock: owned if it cannot be taken now.
    if (lock._words.tryAcquire()) {
      lock._words.release();
      return false;
    }
    return true;
  }

  #takeSignal(): boolean {
    const view = this.#view;
    for (let s = Atomics.load(view, SIGNALS); s > 0; s = Atomics.load(view, SIGNALS)) {
      if (Atomics.compareExchange(view, SIGNALS, s, s - 1) === s) return true;
    }
    return false;
  }

  /** @internal The wait algorithm. */
  *_waitSteps(deadlineMs: number | undefined): Steps<boolean> {
    if (!this.#isOwned()) throw new RuntimeError("cannot wait on un-acquired lock");
    const view = this.#view;
    const lock = this.#lock;
    Atomics.add(view, WAITING, 1);
    const saved = lock instanceof RLock ? lock._releaseSave() : (lock.release(), 1);
    let notified = false;
    try {
      for (;;) {
        // Read the counter before looking for a signal: a notify in between
        // changes it, and the sleep below returns at once.
        const seq = Atomics.load(view, SEQ);
        if (this.#takeSignal()) {
          notified = true;
          break;
        }
        if (expired(deadlineMs)) break;
        yield { view, index: SEQ, expected: seq, deadline: deadlineMs };
      }
    } finally {
      if (lock instanceof RLock) yield* lock._acquireRestoreSteps(saved, undefined);
      else yield* lock._words.acquireSteps(undefined);
      // Timed out: a notify may have counted us after all; take its signal.
      if (!notified) {
        if (this.#takeSignal()) notified = true;
        else Atomics.sub(view, WAITING, 1);
      }
    }
    return notified;
  }

  /** @internal The wait_for algorithm. */
  *_waitForSteps<T>(predicate: () => T, deadlineMs: number | undefined): Steps<T> {
    let result = predicate();
    while (!result) {
      if (expired(deadlineMs)) break;
      yield* this._waitSteps(deadlineMs);
      result = predicate();
    }
    return result;
  }

  /**
   * Releases the lock, sleeps until notified or `timeout` seconds pass, and
   * re-takes the lock (Python's `wait`).
   * @param timeout Seconds (null/undefined: no limit).
   * @returns False if it timed out, else true.
   */
  wait(timeout?: number | null): boolean {
    const t = parseTimeout("Condition.wait", timeout);
    return runBlocking(this._waitSteps(deadline(t)), "Condition.wait", "Condition.waitAsync");
  }

  /**
   * `wait` without blocking the thread.
   * @param timeout Seconds (null/undefined: no limit).
   */
  waitAsync(timeout?: number | null): Promise<boolean> {
    const t = parseTimeout("Condition.waitAsync", timeout);
    return runAsync(this._waitSteps(deadline(t)));
  }

  /**
   * Waits until `predicate()` is truthy (Python's `wait_for`); the lock must
   * be held.
   * @param predicate Checked under the lock, before and after each wake-up.
   * @param timeout Seconds in all (null/undefined: no limit).
   * @returns The predicate's last value.
   */
  waitFor<T>(predicate: () => T, timeout?: number | null): T {
    const t = parseTimeout("Condition.waitFor", timeout);
    return runBlocking(
      this._waitForSteps(predicate, deadline(t)),
      "Condition.waitFor",
      "Condition.waitForAsync",
    );
  }

  /**
   * `waitFor` without blocking the thread.
   * @param predicate Checked under the lock, before and after each wake-up.
   * @param timeout Seconds in all (null/undefined: no limit).
   */
  waitForAsync<T>(predicate: () => T, timeout?: number | null): Promise<T> {
    const t = parseTimeout("Condition.waitForAsync", timeout);
    return runAsync(this._waitForSteps(predicate, deadline(t)));
  }

  /**
   * Wakes at most `n` waiting threads (Python's `notify`); the lock must be held.
   * @param n How many (default 1).
   */
  notify(n = 1): void {
    if (!this.#isOwned()) throw new RuntimeError("cannot notify on un-acquired lock");
    const view = this.#view;
    const k = Math.min(n, Atomics.load(view, WAITING));
    if (k <= 0) return;
    Atomics.sub(view, WAITING, k);
    Atomics.add(view, SIGNALS, k);
    Atomics.add(view, SEQ, 1);
    notify(view, SEQ, k);
  }

  /** Wakes every waiting thread (Python's `notify_all`); the lock must be held. */
  notifyAll(): void {
    this.notify(Number.MAX_SAFE_INTEGER);
  }

  /** `<Condition(<RLock [unlocked]>, waiters:0)>`. */
  toString(): string {
    return `<Condition(${this.#lock}, waiters:${Atomics.load(this.#view, WAITING)})>`;
  }

  /** @internal The reduce protocol: travels as a view of the same memory. */
  [reduceSymbol](): Reduced {
    return { tag: TAG, module: import.meta.url, state: { words: this.#view, lock: this.#lock } };
  }

  /** @internal Rebuilds a condition over existing words and a revived lock. */
  static _fromWords(view: Int32Array, lock: Lock | RLock): Condition {
    adoption.offer(view);
    return new Condition(lock);
  }
}
inspectable(Condition);
registerReviver(TAG, (state) => {
  const { words, lock } = state as { words: unknown; lock: Lock | RLock };
  return Condition._fromWords(revivedWords(words, WORDS, TAG), lock);
});
