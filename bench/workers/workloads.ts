/**
 * The workloads of the workers benchmark: names and sizes, shared by run.ts
 * and child.ts (and named the same in python_workers.py).
 *
 * @module
 */

/** Sizes of one run. */
export interface Sizes {
  runs: number;
  uncontended: number;
  contended: number;
  rounds: number;
  settle: number;
}

/** Full sizes. */
export const FULL: Sizes = {
  runs: 7,
  uncontended: 1_000_000,
  contended: 200_000,
  rounds: 10_000,
  settle: 300,
};

/** Smoke-run sizes. */
export const QUICK: Sizes = {
  runs: 3,
  uncontended: 100_000,
  contended: 20_000,
  rounds: 1000,
  settle: 100,
};

/** Workload names. */
export const workloads = {
  start: "start → first result",
  uncontended: (n: number): string => `Lock uncontended: ${n} acquire+release`,
  contended: (n: number): string => `Lock contended: 2 workers × ${n}`,
  event: (n: number): string => `Event wake-up: ${n} ping-pong round trips`,
};
