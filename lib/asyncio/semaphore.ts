/**
 * `asyncio.Semaphore` and `asyncio.BoundedSemaphore`. Ports Python's
 * `asyncio.locks` (3.13).
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
 * A counter of permits for tasks (Python's `asyncio.Semaphore(value=1)`):
 * `acquire()` takes one (waiting, FIFO, while none is left), `release()` gives
 * one back. `await using _ = await sem.acquire()` is Python's
 * `async with sem:`. Cancel-safe: a waiter cancelled after being woken gives
 * its permit to the next one.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const sem = new asyncio.Semaphore(2);
 *   let running = 0;
 *   let peak = 0;
 *   async function job(): Promise<void> {
 *     await using _ = await sem.acquire();
 *     peak = Math.max(peak, ++running);
 *     await asyncio.sleep(0.01);
 *     running--;
 *   }
 *   await asyncio.gather(job, job, job, job);
 *   console.assert(peak === 2);
 * });
 * ```
 */
export class Semaphore {
  /** @internal */
  _value: number;
  #waiters: Deque<Future<boolean>> | undefined = undefined;
  readonly #permit: Permit = new Permit(this);
  readonly #acquired: Promise<Permit> = Promise.resolve(this.#permit);

  /**
   * Creates a semaphore with `value` permits.
   * @throws {RangeError} ValueError: `value` is negative.
   */
  constructor(value = 1) {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      throw new RangeError(
        `Cannot create semaphore as 'value' must be an integer of at least 0: current value is ${
          String(value)
        }`,
      );
    }
    this._value = value;
  }

  /** Whether `acquire()` would wait (Python's `locked`). */
  locked(): boolean {
    if (this._value === 0) return true;
    const waiters = this.#waiters;
    if (waiters === undefined || waiters.length === 0) return false;
    for (const w of waiters) if (!w.cancelled()) return true;
    return false;
  }

  /**
   * Takes a permit, waiting while none is free; resolves to a disposable
   * permit (Python's `acquire`, which returns `True`).
   */
  acquire(): Promise<Permit> {
    if (!this.locked()) {
      // FIFO: waiters first, even if a permit is free.
      this._value--;
      return this.#acquired;
    }
    return this.#acquireSlow();
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
      if (error instanceof CancelledError && fut.done() && !fut.cancelled()) {
        // Woken with a permit but not taking it: give it back.
        this._value++;
      }
      throw error;
    } finally {
      // Waiters that queued behind us may now go.
      while (this._value > 0) if (!this.#wakeUpNext()) break;
    }
    return this.#permit;
  }

  /** Gives a permit back and wakes the next waiter (Python's `release`). */
  release(): void {
    this._value++;
    this.#wakeUpNext();
  }

  #wakeUpNext(): boolean {
    const waiters = this.#waiters;
    if (waiters === undefined) return false;
    for (const fut of waiters) {
      if (!fut.done()) {
        this._value--;
        fut.setResult(true);
        return true;
      }
    }
    return false;
  }

  /** `<Semaphore [unlocked, value:2]>`. */
  toString(): string {
    let extra = this.locked() ? "locked" : `unlocked, value:${this._value}`;
    const n = this.#waiters?.length ?? 0;
    if (n > 0) extra += `, waiters:${n}`;
    return `<${this.constructor.name} [${extra}]>`;
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
 * A semaphore that refuses to be released above its initial value (Python's
 * `asyncio.BoundedSemaphore`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * const sem = new asyncio.BoundedSemaphore(1);
 * try {
 *   sem.release();
 * } catch (e) {
 *   console.assert(e instanceof RangeError);
 * }
 * ```
 */
export class BoundedSemaphore extends Semaphore {
  readonly #bound: number;

  /** Creates a bounded semaphore with `value` permits (and at most `value`). */
  constructor(value = 1) {
    super(value);
    this.#bound = value;
  }

  /**
   * Gives a permit back.
   * @throws {RangeError} ValueError "BoundedSemaphore released too many times".
   */
  override release(): void {
    if (this._value >= this.#bound) {
      throw new RangeError("BoundedSemaphore released too many times");
    }
    super.release();
  }
}
