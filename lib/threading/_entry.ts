/**
 * The module a `Thread`/`Process` worker runs: it records the worker's
 * identity, rebuilds and runs the task given in its start-up data, waits for
 * the non-daemon threads and processes it started (Python joins them at
 * exit), and ends with the task's exit code.
 *
 * The task travels in the start-up data rather than as a call message, so it
 * starts even while the parent thread blocks right after `start()` (Python
 * code does `t.start(); event.wait()`), and with no message round trip.
 *
 * @module
 */

import { parentPort } from "../_internal/runtime.ts";
import { reviveValue } from "../_internal/reduce.ts";
import { WORKER_INFO_KEY } from "../_internal/worker_protocol.ts";
import { writeStdioDirectly } from "../_internal/worker_stdio.ts";

const port = await parentPort();
if (!port) throw new Error("lib/threading/_entry.ts must run inside a worker");
writeStdioDirectly();
const data = port.workerData as { info: unknown; spec: unknown };
(globalThis as Record<symbol, unknown>)[WORKER_INFO_KEY] = data.info;
// Imported after the identity is in place: identity.ts reads it at load. The
// runner and the revivers of shared arguments load in parallel (start-up time
// is mostly module loading). The target's module is not preloaded alongside:
// Deno may hand a second import() of a module still in its top-level await
// back before that await ends.
const [{ runTask, joinChildren }, revived] = await Promise.all([
  import("./_runner.ts"),
  reviveValue(data.spec),
]);
let code: number;
try {
  code = await runTask(revived as Parameters<typeof runTask>[0]);
} catch (error) {
  console.error(error);
  code = 1;
}
await joinChildren();
port.exit(code);
