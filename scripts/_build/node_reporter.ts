/**
 * A `node:test` reporter for the npm build's Node run: scripts/build_npm.ts
 * runs each compiled test file as `node --test-reporter=<this>
 * --test-reporter-destination=<events file> <file>` and reads the events file
 * afterwards, so counting never depends on the process ending cleanly.
 *
 * One JSON object per line, written as each test settles:
 *
 *     {"t":"pass","name":"…","nesting":0,"skip":false,"ms":12}
 *     {"t":"fail","name":"…","nesting":1,"skip":false,"ms":3,"error":"AssertionError…"}
 *
 * `nesting` 0 is a `Deno.test`, deeper levels are `t.step`s.
 *
 * @module
 */

interface TestEventData {
  name?: string;
  nesting?: number;
  skip?: boolean | string;
  todo?: boolean | string;
  details?: { duration_ms?: number; error?: unknown };
}

interface TestEvent {
  type: string;
  data: TestEventData;
}

/** The line a build reads for one settled test. */
export interface TestRecord {
  /** "pass" or "fail". */
  t: "pass" | "fail";
  /** The test or step name. */
  name: string;
  /** 0 for a test, 1+ for its steps. */
  nesting: number;
  /** Ignored (Deno's `ignore`), counted neither passed nor failed. */
  skip: boolean;
  /** How long it ran, in milliseconds. */
  ms: number;
  /** What went wrong (failures only). */
  error?: string;
}

const MAX_LINES = 40;

/** The thrown value behind a node:test failure, as text. */
export function describeError(error: unknown): string {
  // node:test wraps what the test threw: { failureType, cause }.
  let e = error as { cause?: unknown; failureType?: string; message?: string; stack?: string };
  if (e && typeof e === "object" && typeof e.failureType === "string") {
    if (e.failureType === "subtestsFailed") return "a step failed";
    if (e.failureType === "testTimeoutFailure") return e.message ?? "the test timed out";
    if (e.cause !== undefined) e = e.cause as typeof e;
  }
  if (e && typeof e === "object") {
    const text = typeof e.stack === "string" && e.stack.length > 0
      ? e.stack
      : `${e.message ?? String(e)}`;
    const lines = text.split("\n").filter((l) => !/\(node:internal\//.test(l));
    return lines.slice(0, MAX_LINES).join("\n");
  }
  return String(e);
}

/** The reporter: `node:test` events in, JSON lines out. */
export default async function* reporter(
  source: AsyncIterable<TestEvent>,
): AsyncGenerator<string, void, unknown> {
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    const d = event.data ?? {};
    const record: TestRecord = {
      t: event.type === "test:pass" ? "pass" : "fail",
      name: d.name ?? "(unnamed)",
      nesting: d.nesting ?? 0,
      skip: Boolean(d.skip) || Boolean(d.todo),
      ms: Math.round(d.details?.duration_ms ?? 0),
    };
    if (record.t === "fail") record.error = describeError(d.details?.error);
    yield JSON.stringify(record) + "\n";
  }
}
