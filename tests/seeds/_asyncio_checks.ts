/**
 * Checks shared by the asyncio seed example tests (S0-19…S0-27, S1-05…S1-16,
 * S3-01…S3-08, S4-01…S4-16): run an example, require a clean exit, and check
 * orders that Python guarantees where the seed's printed order is a race.
 *
 * @module
 */

import assert from "node:assert/strict";
import { lines, runExample, type RunExampleOptions } from "./harness.ts";

/** Runs example `id`, asserts exit code 0 and empty stderr, returns its lines. */
export async function runClean(id: string, options: RunExampleOptions = {}): Promise<string[]> {
  const run = await runExample(id, options);
  assert.equal(run.stderr, "", `${id} wrote to stderr`);
  assert.equal(run.code, 0, `${id} exit code`);
  return lines(run.stdout);
}

/**
 * Replaces a trailing `time.time()` value (seconds since the epoch) with `T`
 * and returns the masked line and the value.
 */
export function splitTime(line: string): [string, number] {
  const match = / (\d{9,}(?:\.\d+)?)$/.exec(line);
  assert.ok(match, `no timestamp at the end of ${JSON.stringify(line)}`);
  return [line.slice(0, match.index) + " T", Number(match[1])];
}

/** Index of `line` in `all`, failing when it is missing. */
export function indexOf(all: string[], line: string): number {
  const i = all.indexOf(line);
  assert.notEqual(i, -1, `missing line ${JSON.stringify(line)} in ${JSON.stringify(all)}`);
  return i;
}

/** Asserts that `first` is printed before `second`. */
export function assertBefore(all: string[], first: string, second: string): void {
  assert.ok(
    indexOf(all, first) < indexOf(all, second),
    `${JSON.stringify(first)} should come before ${JSON.stringify(second)} in ${
      JSON.stringify(all)
    }`,
  );
}

/**
 * Checks a semaphore trace: workers `ids` print `start(id)` and `end(id)`;
 * every line appears once, workers start in FIFO order (the order they
 * queued), a worker ends after it starts, and at most `limit` run at once.
 * The first `limit` workers start before anything ends.
 */
export function assertSemaphoreTrace(
  all: string[],
  ids: string[],
  limit: number,
  start: (id: string) => string,
  end: (id: string) => string,
): void {
  assert.deepEqual(
    [...all].sort(),
    ids.flatMap((id) => [start(id), end(id)]).sort(),
    "the lines of every worker, once each",
  );
  let running = 0;
  let nextStart = 0;
  const started = new Set<string>();
  for (const line of all) {
    const startId = ids.find((id) => start(id) === line);
    if (startId !== undefined) {
      assert.equal(startId, ids[nextStart++], `workers start in FIFO order: ${all}`);
      started.add(startId);
      running++;
      assert.ok(running <= limit, `more than ${limit} workers at once: ${all}`);
    } else {
      const endId = ids.find((id) => end(id) === line)!;
      assert.ok(started.has(endId), `${endId} ends before it starts: ${all}`);
      running--;
    }
  }
  assert.deepEqual(
    all.slice(0, limit),
    ids.slice(0, limit).map(start),
    "the first workers start at once",
  );
}
