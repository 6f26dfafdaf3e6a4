/**
 * Python's `multiprocessing`: processes (each one a worker, started the
 * `spawn` way), the shared-memory synchronisation primitives (the same
 * classes as `threading`'s), shared values and arrays, and `sharedMemory`
 * (Python's `multiprocessing.shared_memory`).
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const counter = multiprocessing.Value("i", 0);
 * const lock = new multiprocessing.Lock();
 * {
 *   using _ = lock.acquire();
 *   counter.value += 1;
 * }
 * console.assert(counter.value === 1);
 * ```
 *
 * @module
 */

// Processes.
export {
  activeChildren,
  cpuCount,
  currentProcess,
  parentProcess,
  Process,
  type ProcessOptions,
} from "./process.ts";
export { isMain, type ModuleMeta } from "../threading/main_guard.ts";

// Synchronisation (the same classes as threading's).
export { Lock } from "../threading/lock.ts";
export { RLock } from "../threading/rlock.ts";
export { Condition } from "../threading/condition.ts";
export { BoundedSemaphore, Semaphore } from "../threading/semaphore.ts";
export { Event } from "../threading/event.ts";
export { Barrier, type BarrierOptions } from "../threading/barrier.ts";
export { BrokenBarrierError } from "../exceptions.ts";

// Shared state.
export {
  Array,
  RawArray,
  RawValue,
  SharedArray,
  SharedValue,
  Synchronized,
  SynchronizedArray,
  type SynchronizedOptions,
  type Typecode,
  type TypecodeValue,
  Value,
} from "./sharedctypes.ts";
export * as sharedMemory from "./shared_memory.ts";

// Pools, queues and pipes.
export {
  type ApplyAsyncOptions,
  type AsyncOptions as PoolAsyncOptions,
  AsyncResult,
  type CallLimitOptions,
  Pool,
  type PoolOptions,
} from "./pool.ts";
export { JoinableQueue, Queue, SimpleQueue } from "./queues.ts";
export { Connection, EOFError, Pipe, type PipeOptions } from "./connection.ts";
