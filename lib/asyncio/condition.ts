/**
 * `asyncio.Condition`. Ports Python's `asyncio.locks.Condition` (3.13).
 *
 * @module
 */

import { CancelledError } from "../exceptions.ts";
import { Deque } from "./_deque.ts";
import type { Permit } from "./_permit.ts";
import { Future } from "./futures.ts";
import { Lock } from "./lock.ts";

const inspectDeno = Symbol.for("Deno.customInspect");
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

/**
 * A condition variable for tasks (Python's `asyncio.Condition(lock=None)`):
 * hold its lock, `wait()` until another task calls `notify(n)` /
 * `notifyAll()`, re-check. `wait()` releases the lock while waiting and holds
 * it again when it returns, even when cancelled. A waiter cancelled after it
 * was notified passes the notification on, so no wake-up is lost.
 *
 * `await using _ = await cond.acquire()` is Python's `async with cond:`.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const cond = new asyncio.Condition();
 *   const items: number[] = [];
 *   const consumer = asyncio.createTask(async () => {
 *     await using _ = await cond.acquire();
 *     await cond.waitFor(() => items.length > 0);
 *     return items.pop();
 *   });
 *   await asyncio.sleep(0);
 *   {
 *     await using _ = await cond.acquire();
 *     items.push(7);
 *     cond.notify();
 *   }
 *   console.assert((await consumer) === 7);
 * });
 * ```
 */
export class Condition {
  readonly #lock: Lock;
  #waiters = new Deque<Future<boolean>>();

  /**
   * Creates a condition on `lock` (default: a new `Lock`).
   * @param lock The underlying lock, to share one lock between conditions.
   */
  constructor(lock?: Lock) {
    if (lock !== undefined && !(lock instanceof Lock)) {
      throw new TypeError(`Condition() lock must be an asyncio.Lock: got ${String(lock)}`);
    }
    this.#lock = lock ?? new Lock();
  }

  /** Whether the underlying lock is held (Python's `locked`). */
  locked(): boolean {
    return this.#lock.locked();
  }

  /** Acquires the underlying lock; resolves to a disposable permit (Python's `acquire`). */
  acquire(): Promise<Permit> {
    return this.#lock.acquire();
  }

  /**
   * Releases the underlying lock (Python's `release`).
   * @throws {Error} RuntimeError: the lock is not held.
   */
  release(): void {
    this.#lock.release();
  }

  /**
   * Releases the lock, waits for a notification, re-acquires the lock and
   * resolves to `true` (Python's `wait`).
   * @throws {Error} RuntimeError "cannot wait on un-acquired lock".
   */
  async wait(): Promise<true> {
    if (!this.locked()) throw new Error("cannot wait on un-acquired lock");
    this.release();
    const fut = new Future<boolean>();
    let failed = false;
    let failure: unknown = undefined;
    this.#waiters.push(fut);
    try {
      await fut;
    } catch (error) {
      failed = true;
      failure = error;
    } finally {
      this.#waiters.remove(fut);
    }
    // Re-acquire the lock even if the wait was cancelled.
    while (true) {
      try {
        await this.acquire();
        break;
      } catch (error) {
        failed = true;
        failure = error;
        if (!(error instanceof CancelledError)) break;
      }
    }
    if (failed) {
      // We may have been notified before the error: pass the wake-up on.
      if (fut.done() && !fut.cancelled()) this.#notify(1);
      throw failure;
    }
    return true;
  }

  /**
   * Waits until `predicate()` is truthy, re-checking after each wake-up, and
   * returns its last value (Python's `wait_for`).
   */
  async waitFor<T>(predicate: () => T): Promise<T> {
    if (typeof predicate !== "function") {
      throw new TypeError(`waitFor() needs a predicate function: got ${typeof predicate}`);
    }
    let result = predicate();
    while (!result) {
      await this.wait();
      result = predicate();
    }
    return result;
  }

  /**
   * Wakes up to `n` waiters (default 1; Python's `notify`).
   * @throws {Error} RuntimeError "cannot notify on un-acquired lock".
   */
  notify(n = 1): void {
    if (!this.locked()) throw new Error("cannot notify on un-acquired lock");
    this.#notify(n);
  }

  #notify(n: number): void {
    let idx = 0;
    for (const fut of this.#waiters) {
      if (idx >= n) break;
      if (!fut.done()) {
        idx++;
        fut.setResult(false);
      }
    }
  }

  /**
   * Wakes every waiter (Python's `notify_all`).
   * @throws {Error} RuntimeError "cannot notify on un-acquired lock".
   */
  notifyAll(): void {
    this.notify(this.#waiters.length);
  }

  /** `<Condition [locked, waiters:1]>`. */
  toString(): string {
    let extra = this.locked() ? "locked" : "unlocked";
    if (this.#waiters.length > 0) extra += `, waiters:${this.#waiters.length}`;
    return `<Condition [${extra}]>`;
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
