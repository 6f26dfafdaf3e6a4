/**
 * The clock every pyconc wait and timer uses, with one knob for tests and the
 * demo: `PYCONC_TIME_SCALE`.
 *
 * With `PYCONC_TIME_SCALE=0.05` every wait lasts 5% of its real length and every
 * clock (`time.time`, `time.monotonic`, `loop.time()`) runs 20× faster, so a
 * program that sleeps 2 seconds still *sees* 2 seconds pass while the wall clock
 * moves 0.1 s. The seed examples print durations; this keeps their output true
 * while the test suite and the demo stay quick. Unset, the scale is 1.
 *
 * @module
 */

import { getEnv } from "./runtime.ts";

function readScale(): number {
  const raw = getEnv("PYCONC_TIME_SCALE");
  if (raw === undefined || raw === "") return 1;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(
      `PYCONC_TIME_SCALE must be a positive number: current value is ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

/** Real seconds per program second (1 unless `PYCONC_TIME_SCALE` is set). */
export const timeScale: number = readScale();

/** Milliseconds of real time for a wait of `seconds` program seconds (never negative). */
export function waitMs(seconds: number): number {
  return seconds > 0 ? seconds * 1000 * timeScale : 0;
}

// performance.timeOrigin differs per worker; adding it gives one clock for all.
const origin = performance.timeOrigin;

/** Monotonic program seconds, comparable across workers (Python's `time.monotonic`). */
export function monotonic(): number {
  return (origin + performance.now()) / 1000 / timeScale;
}

const wallStart = Date.now();
const monoStart = origin + performance.now();

/** Wall-clock program seconds since the epoch (Python's `time.time`). */
export function wallTime(): number {
  if (timeScale === 1) return Date.now() / 1000;
  // Scaled time starts from the real time at load and runs at the scaled rate.
  return (wallStart + (origin + performance.now() - monoStart) / timeScale) / 1000;
}
