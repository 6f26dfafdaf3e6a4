/**
 * The parts of Python's `time` that concurrent programs use: `sleep` (which
 * blocks the thread, as in Python), `time`, `monotonic`, `perfCounter`.
 * Every value is in seconds and follows `PYCONC_TIME_SCALE` (see the README).
 *
 * @example Usage
 * ```ts
 * import { time } from "@pyconc/pyconc";
 *
 * const start = time.monotonic();
 * time.sleep(0.01);
 * console.assert(time.monotonic() - start >= 0.009);
 * ```
 *
 * @module
 */

import { beforeBlock } from "../_internal/before_block.ts";
import { monotonic as clockMonotonic, waitMs, wallTime } from "../_internal/clock.ts";
import { blockingSliceMs, canBlock, exitIfStopped } from "../_internal/runtime.ts";
import { ValueError } from "../exceptions.ts";

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Blocks this thread for `seconds` (Python's `time.sleep`), on `Atomics.wait`:
 * nothing else runs in this thread meanwhile, event-loop callbacks included.
 * In async code use `asyncio.sleep`. On a browser's main thread, which may not
 * block, it throws an error saying so.
 * @param seconds How long (a float; negative raises `ValueError`).
 *
 * @example Usage
 * ```ts
 * import { time } from "@pyconc/pyconc";
 *
 * time.sleep(0.001);
 * ```
 */
export function sleep(seconds: number): void {
  if (typeof seconds !== "number" || Number.isNaN(seconds)) {
    throw new TypeError(`sleep() takes a number of seconds: got ${String(seconds)}`);
  }
  if (seconds < 0) throw new ValueError("sleep length must be non-negative");
  if (!canBlock) {
    throw new Error(
      "Cannot call time.sleep here: this thread may not block (a browser's main thread). Use `await asyncio.sleep(seconds)` instead",
    );
  }
  let ms = waitMs(seconds);
  const end = performance.now() + ms;
  beforeBlock();
  while (ms > 0) {
    // Slices in a worker: a stopped worker ends here (see _internal/runtime.ts).
    Atomics.wait(sleeper, 0, 0, Math.min(ms, blockingSliceMs));
    exitIfStopped();
    ms = end - performance.now();
  }
}

/**
 * Seconds since the epoch, as a float (Python's `time.time`).
 *
 * @example Usage
 * ```ts
 * import { time } from "@pyconc/pyconc";
 *
 * console.assert(time.time() > 1_600_000_000);
 * ```
 */
export function time(): number {
  return wallTime();
}

/**
 * A clock that never goes back, in seconds (Python's `time.monotonic`); the
 * same in every worker of the program.
 *
 * @example Usage
 * ```ts
 * import { time } from "@pyconc/pyconc";
 *
 * const a = time.monotonic();
 * console.assert(time.monotonic() >= a);
 * ```
 */
export function monotonic(): number {
  return clockMonotonic();
}

/**
 * The highest-resolution clock for measuring durations, in seconds (Python's
 * `time.perf_counter`).
 *
 * @example Usage
 * ```ts
 * import { time } from "@pyconc/pyconc";
 *
 * const t0 = time.perfCounter();
 * console.assert(time.perfCounter() - t0 >= 0);
 * ```
 */
export function perfCounter(): number {
  return clockMonotonic();
}
