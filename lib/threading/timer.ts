/**
 * `threading.Timer`.
 *
 * @module
 */

import { Event } from "./event.ts";
import { Thread } from "./thread.ts";
import { registerTaskClass, TASK } from "./_task.ts";
import { inspectable } from "./_common.ts";

/** Options of {@linkcode Timer}. */
export interface TimerOptions {
  /** Positional arguments for the function. */
  args?: readonly unknown[];
  /** Keyword arguments: one trailing options object. */
  kwargs?: Record<string, unknown> | null;
  /** URL of the module that exports the function (default: the entry module). */
  module?: string | URL;
}

/**
 * A thread that calls a function after `interval` seconds unless cancelled
 * first. Ports Python's `threading.Timer`.
 *
 * Like every pyconc thread it runs in a worker, so the function is shipped
 * the `spawn` way (exported from the entry module, or `module`).
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * export function hello() {
 *   console.log("hello");
 * }
 *
 * if (threading.isMain(import.meta)) {
 *   const timer = new threading.Timer(30, hello);
 *   timer.cancel(); // before start(): it will never call hello
 * }
 * ```
 */
export class Timer extends Thread {
  /** Seconds to wait before calling. */
  interval: number;
  /** Set by `cancel()` (and once the function has run). */
  finished: Event;

  /**
   * Creates the timer (not started).
   * @param interval Seconds to wait.
   * @param fn The function to call.
   * @param options `args`, `kwargs`, `module`.
   */
  constructor(interval: number, fn: (...args: never[]) => unknown, options: TimerOptions = {}) {
    super({ target: fn as (...args: unknown[]) => unknown, ...options });
    if (typeof interval !== "number" || Number.isNaN(interval)) {
      throw new TypeError(
        `Cannot create Timer: 'interval' must be a number of seconds: got ${interval}`,
      );
    }
    // Python's Timer is named like a thread without a target.
    this[TASK].name = this[TASK].name.replace(/ \(.*\)$/, "");
    this.interval = interval;
    this.finished = new Event();
  }

  /** Stops the timer if it is still waiting. */
  cancel(): void {
    this.finished.set();
  }

  /** Waits `interval` seconds, then calls the function unless cancelled. */
  override async run(): Promise<void> {
    await this.finished.waitAsync(this.interval);
    if (!this.finished.isSet()) await super.run();
    this.finished.set();
  }
}
inspectable(Timer);
registerTaskClass(Timer, import.meta.url);
