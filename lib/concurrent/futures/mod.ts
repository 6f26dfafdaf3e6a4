/**
 * `concurrent.futures`: run calls in pools of worker threads or processes and
 * get {@linkcode Future}s back. Ports Python's `concurrent.futures`.
 *
 * In this port "thread" and "process" both run in a worker: a submitted
 * function is shipped like a `Thread`/`Process` target (an exported function
 * of an importable module, or a self-contained function as source).
 *
 * @example Usage
 * ```ts
 * import { concurrent } from "@pyconc/pyconc";
 *
 * await using pool = new concurrent.futures.ThreadPoolExecutor(2);
 * const fs = [1, 2, 3].map((x) => pool.submit((n: number) => n * 10, x));
 * const { done } = await concurrent.futures.wait(fs);
 * console.assert(done.size === 3);
 * ```
 *
 * @module
 */

export {
  ALL_COMPLETED,
  asCompleted,
  BrokenExecutor,
  type CancelOptions,
  type CompletedFuture,
  DoneAndNotDoneFutures,
  type DoneCallback,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  Future,
  type ReturnWhen,
  wait,
  type WaitOptions,
} from "./_base.ts";
export {
  Executor,
  type MapOptions,
  type PoolExecutorOptions,
  type ShutdownOptions,
} from "./executor.ts";
export { BrokenThreadPool, ThreadPoolExecutor, type ThreadPoolExecutorOptions } from "./thread.ts";
export {
  BrokenProcessPool,
  ProcessPoolExecutor,
  type ProcessPoolExecutorOptions,
} from "./process.ts";
export { CancelledError, InvalidStateError, TimeoutError } from "../../exceptions.ts";
