/**
 * `threading.RLock` on shared memory.
 *
 * @module
 */

import { type Reduced, reduceSymbol, registerReviver } from "../_internal/reduce.ts";
import { deadline, runAsync, runBlocking, type Steps } from "../_internal/futex.ts";
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
import { LockWords } from "./lock.ts";
import { self } from "../_internal/identity.ts";

const currentIdent = self.ident;

// Words 0-1: the lock (see lock.ts). Word 2: the owner's ident (0: none).
// Word 3: the recursion count. Owner and count change only while holding.
const OWNER = 2;
const COUNT = 3;
const WORDS = 4;
const TAG = "threading.RLock";

// Set by _fromWords so the constructor adopts existing memory.
const adoption = new Adoption<Int32Array>();

/**
 * A reentrant lock in shared memory. Ports Python's `threading.RLock` (and
 * `multiprocessing.RLock`).
 *
 * Owned by the thread (worker) that acquired it: the owner may acquire it
 * again, and must release it as many times. Releasing it from another thread,
 * or when it is not held, raises `RuntimeError` ("cannot release un-acquired
 * lock"). The owner is the worker, not an async task: two tasks of one event
 * loop are one thread to it, as in Python.
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * const lock = new threading.RLock();
 * using _outer = lock.acquire();
 * using _inner = lock.acquire(); // the owner may re-enter
 * console.assert(String(lock).includes("count=2"));
 * ```
 */
export class RLock {
  #view: Int32Array;
  #lock: LockWords;
  #permit: Permit;

  /** Creates an unlocked reentrant lock. */
  constructor() {
    this.#view = adoption.take() ?? sharedWords(WORDS);
    this.#lock = new LockWords(this.#view);
    this.#permit = makePermit(() => this.release());
  }

  /**
   * Acquires the lock, or re-enters it if this thread holds it (Python's
   * `acquire`).
   * @param blocking False: take it only if it is free now.
   * @param timeout At most this many seconds (-1: no limit).
   * @returns A permit (truthy, `Disposable`), or `false` if not acquired.
   */
  acquire(): Permit;
  acquire(blocking: boolean, timeout?: number): Permit | false;
  acquire(options: AcquireOptions): Permit | false;
  acquire(blocking?: boolean | AcquireOptions, timeout?: number): Permit | false {
    if (blocking === undefined && this.#reenter()) return this.#permit;
    const t = parseAcquire("RLock.acquire", blocking, timeout, true);
    if (this.#reenter()) return this.#permit;
    if (t === 0 && !this.#lock.tryAcquire()) return false;
    if (t !== 0) {
      const ok = runBlocking(
        this.#lock.acquireSteps(deadline(t)),
        "RLock.acquire",
        "RLock.acquireAsync",
      );
      if (!ok) return false;
    }
    this.#own(1);
    return this.#permit;
  }

  /**
   * Acquires (or re-enters) the lock without blocking the thread.
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
    if (blocking === undefined && this.#reenter()) return this.#permit;
    const t = parseAcquire("RLock.acquireAsync", blocking, timeout, true);
    if (this.#reenter()) return this.#permit;
    if (t === 0 && !this.#lock.tryAcquire()) return false;
    if (t !== 0 && !(await runAsync(this.#lock.acquireSteps(deadline(t))))) return false;
    this.#own(1);
    return this.#permit;
  }

  #reenter(): boolean {
    if (Atomics.load(this.#view, OWNER) === currentIdent) {
      Atomics.add(this.#view, COUNT, 1);
      return true;
    }
    if (this.#lock.tryAcquire()) {
      this.#own(1);
      return true;
    }
    return false;
  }

  #own(count: number): void {
    Atomics.store(this.#view, OWNER, currentIdent);
    Atomics.store(this.#view, COUNT, count);
  }

  /**
   * Releases one level; the lock is free when the count reaches zero. Raises
   * `RuntimeError` if this thread does not hold it.
   */
  release(): void {
    if (Atomics.load(this.#view, OWNER) !== currentIdent) {
      throw new RuntimeError("cannot release un-acquired lock");
    }
    if (Atomics.sub(this.#view, COUNT, 1) === 1) {
      Atomics.store(this.#view, OWNER, 0);
      this.#lock.release();
    }
  }

  /** True while some thread holds it (Python 3.14's `locked`). */
  locked(): boolean {
    return this.#lock.locked();
  }

  /** @internal True when this thread holds it (`Condition` checks). */
  _isOwned(): boolean {
    return Atomics.load(this.#view, OWNER) === currentIdent;
  }

  /** @internal Releases every level; returns the count (`Condition.wait`). */
  _releaseSave(): number {
    if (!this._isOwned()) throw new RuntimeError("cannot release un-acquired lock");
    const count = Atomics.load(this.#view, COUNT);
    Atomics.store(this.#view, COUNT, 0);
    Atomics.store(this.#view, OWNER, 0);
    this.#lock.release();
    return count;
  }

  /** @internal Re-takes the lock with a saved count, sleeping as needed. */
  *_acquireRestoreSteps(count: number, deadlineMs: number | undefined): Steps<boolean> {
    if (!(yield* this.#lock.acquireSteps(deadlineMs))) return false;
    this.#own(count);
    return true;
  }

  /** `<RLock [locked, owner=2, count=1]>`. */
  toString(): string {
    const owner = Atomics.load(this.#view, OWNER);
    const count = Atomics.load(this.#view, COUNT);
    const waiters = this.#lock.waiters();
    return this.locked()
      ? `<RLock [locked, owner=${owner}, count=${count}${waiters ? `, waiters:${waiters}` : ""}]>`
      : "<RLock [unlocked]>";
  }

  /** @internal The reduce protocol: travels as a view of the same words. */
  [reduceSymbol](): Reduced {
    return { tag: TAG, module: import.meta.url, state: this.#view };
  }

  /** @internal Rebuilds a lock over existing words. */
  static _fromWords(view: Int32Array): RLock {
    adoption.offer(view);
    return new RLock();
  }
}
inspectable(RLock);
registerReviver(TAG, (state) => RLock._fromWords(revivedWords(state, WORDS, TAG)));
