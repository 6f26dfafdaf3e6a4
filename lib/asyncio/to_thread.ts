/**
 * `asyncio.toThread`: run a function in the loop's default executor. Ports
 * Python's `asyncio.to_thread` (Lib/asyncio/threads.py).
 *
 * @module
 */

import { getRunningLoop } from "./events.ts";
import type { Future } from "./futures.ts";
// Registers the default executor (a ThreadPoolExecutor) with the loop.
import "../concurrent/futures/thread.ts";

/**
 * Runs `fn(...args)` in a worker thread of the running loop's default
 * executor (a `ThreadPoolExecutor` whose threads are named `asyncio_0`, …) and
 * returns an asyncio future of its result. Ports `asyncio.to_thread`.
 *
 * In this port a thread is a worker: `fn` is shipped like a `Thread` target —
 * an exported function of the main module is imported by name in the worker;
 * a function that is not exported travels as source and must be
 * self-contained. Its arguments and result are copied (shared-memory objects
 * arrive as live views). Context variables do not cross into the worker.
 * `asyncio.run` shuts the default executor down when it ends.
 *
 * Cancelling the returned future (or the task awaiting it, or a `waitFor`
 * timeout) stops the call even when it is running: its worker is terminated
 * and replaced (Python's thread would run on). On Deno a call spinning in
 * plain JavaScript, with no pyconc wait, keeps its core busy until the
 * program exits, as with `Thread.terminate()`.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const sum = await asyncio.toThread((a: number, b: number) => a + b, 1, 2);
 *   console.assert(sum === 3);
 * });
 * ```
 */
// deno-lint-ignore no-explicit-any
export function toThread<A extends any[], R>(
  fn: (...args: A) => R | PromiseLike<R>,
  ...args: A
): Future<Awaited<R>> {
  return getRunningLoop().runInExecutor(null, fn, ...args);
}
