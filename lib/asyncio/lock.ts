/**
 * `asyncio.Lock`. Ports Python's `asyncio.locks.Lock` (3.13).
 *
 * @module
 */

import { CancelledError } from "../exceptions.ts";
import { Deque } from "./_deque.ts";
import { Permit } from "./_permit.ts";
import { Future } from "./futures.ts";

const inspectDeno = Symbol.for("Deno.customInspect");
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

/**
 * A mutual-exclusion lock for tasks (Python's `asyncio.Lock`). Not
 * thread-safe: it lives on one event loop (`threading.Lock` works across
 * workers).
 *
 * `acquire()` resolves to a {@linkcode Permit} (truthy) once the lock is held;
 * `await using _ = await lock.acquire()` is Python's `async with lock:`.
 * Waiters are woken FIFO; a newcomer does not overtake a woken waiter.
 * Cancel-safe: a cancelled `acquire()` never leaves the lock held or a waiter
 * stranded. Uncontended acquire returns an already resolved promise.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const lock = new asyncio.Lock();
 *   let counter = 0;
 *   async function add(): Promise<void> {
 *     await using _ = await lock.acquire();
 *     const seen = counter;
 *     await asyncio.sleep(0);
 *     counter = seen + 1;
 *   }
 *   await asyncio.gather(add, add, add);
 *   console.assert(counter === 3 && String(lock) === "<Lock [unlocked]>");
 * });
 * ```
 */
export class Lock {
  #locked = false;
  #waiters: Deque<Future<boolean>> | undefined = undefined;
  readonly #permit: Permit = new Permit(this);
  readonly #acquired: Promise<Permit> = Promise.resolve(this.#permit);

  /** Whether the lock is held (Python's `locked`). */
  locked(): boolean {
    return this.#locked;
  }

  /**
   * Waits until the lock is free, takes it, and resolves to a permit (Python's
   * `acquire`, which returns `True`). Dispose the permit or call `release()`.
   */
  acquire(): Promise<Permit> {
    if (!this.#locked && (this.#waiters === undefined || this.#allCancelled())) {
      this.#locked = true;
      return this.#acquired;
    }
    return this.#acquireSlow();
  }

  #allCancelled(): boolean {
    for (const w of this.#waiters!) if (!w.cancelled()) return false;
    return true;
  }

  async #acquireSlow(): Promise<Permit> {
    const waiters = this.#waiters ??= new Deque();
    const fut = new Future<boolean>();
    waiters.push(fut);
    try {
      try {
        await fut;
      } finally {
        waiters.remove(fut);
      }
    } catch (error) {
      if (error instanceof CancelledError && !this.#locked) {
        // Not holding it: make sure the next waiter runs.
        this.#wakeUpFirst();
      }
      throw error;
    }
    this.#locked = true;
    return this.#permit;
  }

  /**
   * Releases the lock and wakes the first waiter (Python's `release`).
   * @throws {Error} RuntimeError "Lock is not acquired.".
   */
  release(): void {
    if (!this.#locked) throw new Error("Lock is not acquired.");
    this.#locked = false;
    this.#wakeUpFirst();
  }

  #wakeUpFirst(): void {
    const fut = this.#waiters?.peek();
    // A done waiter is already about to wake up.
    if (fut !== undefined && !fut.done()) fut.setResult(true);
  }

  /** `<Lock [locked, waiters:2]>`. */
  toString(): string {
    let extra = this.#locked ? "locked" : "unlocked";
    const n = this.#waiters?.length ?? 0;
    if (n > 0) extra += `, waiters:${n}`;
    return `<Lock [${extra}]>`;
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
