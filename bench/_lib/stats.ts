/**
 * Timing helpers shared by the benchmark suites: run a workload a few times
 * after a warm-up and keep the median. Runs under Deno and (transpiled) Node,
 * so it uses nothing runtime-specific.
 *
 * @module
 */

/** The median of `values` (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** How often to run a workload. */
export interface MeasureOptions {
  /** Measured runs (the median is taken over these). */
  runs: number;
  /** Unmeasured runs first, to let the JIT warm up. */
  warmup: number;
}

/**
 * Runs `once` `warmup + runs` times and returns the measured durations in
 * milliseconds. `once` returns its own duration (so that it can leave set-up
 * and tear-down out), or nothing, in which case the whole call is timed.
 */
export async function measure(
  once: () => Promise<number | void>,
  { runs, warmup }: MeasureOptions,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    const own = await once();
    const elapsed = typeof own === "number" ? own : performance.now() - start;
    if (i >= warmup) times.push(elapsed);
  }
  return times;
}
