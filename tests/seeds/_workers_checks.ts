// Helpers for the seed tests of threads and processes (S0-01…S0-17, S2-01…S2-14).
import assert from "node:assert/strict";
import { lines, runExample, type RunExampleOptions } from "./harness.ts";

/** Runs an example, checks it exited with 0 and printed nothing to stderr; returns its lines. */
export async function runLines(id: string, options: RunExampleOptions = {}): Promise<string[]> {
  const run = await runExample(id, options);
  assert.equal(run.stderr, "", `${id} wrote to stderr`);
  assert.equal(run.code, 0, `${id} exited with ${run.code}`);
  return lines(run.stdout);
}

/** Asserts that `a` comes before `b` in `out` (both present). */
export function before(out: string[], a: string, b: string): void {
  const i = out.indexOf(a);
  const j = out.indexOf(b);
  assert.ok(i >= 0, `missing line ${JSON.stringify(a)} in ${JSON.stringify(out)}`);
  assert.ok(j >= 0, `missing line ${JSON.stringify(b)} in ${JSON.stringify(out)}`);
  assert.ok(
    i < j,
    `${JSON.stringify(a)} should come before ${JSON.stringify(b)}: ${JSON.stringify(out)}`,
  );
}

/** How many lines equal `line`. */
export function count(out: string[], line: string): number {
  return out.filter((l) => l === line).length;
}
