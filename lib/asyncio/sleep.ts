/**
 * `asyncio.sleep`. Ports Python's `asyncio.sleep(delay, result=None)`.
 *
 * @module
 */

import { monotonic } from "../_internal/clock.ts";
import {
  addTimer,
  afterTurn,
  cancelTimer,
  type EventLoop,
  getEventLoop,
  type TimerEntry,
} from "./events.ts";
import { Future } from "./futures.ts";

/** The future `sleep` returns: a timer entry itself; cancelling it removes the timer. */
class SleepFuture<T> extends Future<T> implements TimerEntry {
  /** @internal */
  _when = 0;
  /** @internal */
  _seq = 0;
  /** @internal */
  _dead = true;
  #value: T;

  constructor(delay: number, value: T) {
    super({ loop: getEventLoop() });
    this.#value = value;
    if (delay > 0) {
      this._when = monotonic() + delay;
      addTimer(this);
    } else {
      afterTurn(SleepFuture.#fire, this as SleepFuture<unknown>);
    }
  }

  static #fire(f: SleepFuture<unknown>): void {
    if (!f.done()) f._setResult(f.#value);
  }

  /** @internal */
  _timerLoop(): EventLoop {
    return this.getLoop();
  }

  /** @internal Due. */
  _fire(): void {
    this._dead = true;
    if (!this.done()) this._setResult(this.#value);
  }

  override _cancel(msg?: string): boolean {
    if (!super._cancel(msg)) return false;
    if (!this._dead) cancelTimer(this);
    return true;
  }
}

/**
 * Waits `delay` seconds, then resolves to `result` (Python's
 * `asyncio.sleep(delay, result=None)`). `sleep(0)` yields exactly one full
 * loop turn (other tasks, I/O and due timers run), never a 1 ms timer.
 * Cancelling the awaiting task cancels the sleep and clears its timer.
 *
 * @param delay Seconds (0 or less: one loop turn).
 * @param result What the sleep resolves to.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const value = await asyncio.sleep(0.01, "done");
 *   console.assert(value === "done");
 * });
 * ```
 */
export function sleep(delay: number): Future<void>;
/**
 * Waits `delay` seconds, then resolves to `result` (Python's
 * `asyncio.sleep(delay, result)`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   console.assert((await asyncio.sleep(0, 5)) === 5);
 * });
 * ```
 */
export function sleep<T>(delay: number, result: T): Future<T>;
export function sleep<T>(delay: number, result?: T): Future<T | undefined> {
  if (typeof delay !== "number" || Number.isNaN(delay)) {
    throw new TypeError(`sleep() delay must be a number of seconds: got ${String(delay)}`);
  }
  return new SleepFuture<T | undefined>(delay, result);
}
