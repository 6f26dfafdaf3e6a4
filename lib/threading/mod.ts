/**
 * Python's `threading`: threads (each one a worker) and the synchronisation
 * primitives, which live in shared memory so that they work across workers.
 *
 * Blocking methods keep Python's names (`acquire`, `wait`) and block the
 * calling thread on `Atomics.wait`; each has an `...Async` twin that never
 * blocks (`acquireAsync`, `waitAsync`). Timeouts are in seconds.
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * const lock = new threading.Lock();
 * {
 *   using _ = lock.acquire();
 *   console.assert(lock.locked());
 * }
 * ```
 *
 * @module
 */

export { BrokenBarrierError } from "../exceptions.ts";
export { RuntimeError as ThreadError } from "../exceptions.ts";
export type { AcquireOptions, Permit } from "./_common.ts";
export { Lock } from "./lock.ts";
export { RLock } from "./rlock.ts";
export { Condition } from "./condition.ts";
export { BoundedSemaphore, Semaphore } from "./semaphore.ts";
export { Event } from "./event.ts";
export { Barrier, type BarrierOptions } from "./barrier.ts";
export { local } from "./local.ts";
export {
  activeCount,
  currentThread,
  enumerate,
  getIdent,
  getNativeId,
  mainThread,
  Thread,
  type ThreadOptions,
} from "./thread.ts";
export { Timer, type TimerOptions } from "./timer.ts";
export { isMain, type ModuleMeta } from "./main_guard.ts";
export type { TaskOptions } from "./_task.ts";

/** The largest timeout, in seconds, a blocking call accepts (Python's `TIMEOUT_MAX`). */
export const TIMEOUT_MAX: number = 2 ** 31 / 1000;
