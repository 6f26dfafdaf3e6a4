/**
 * `queue`: synchronized queues for threads and processes. Ports Python's
 * `queue` module.
 *
 * The queues live in shared memory: pass one to a `Thread` or `Process` (or a
 * pool task) as an argument and every worker uses the same queue. Blocking
 * methods keep Python's names; each has an `…Async` twin. Times are seconds.
 *
 * @example Usage
 * ```ts
 * import { queue } from "@pyconc/pyconc";
 *
 * const q = new queue.Queue<string>(2);
 * q.put("a");
 * console.assert(q.get({ timeout: 1 }) === "a");
 * ```
 *
 * @module
 */

export {
  type AsyncOptions,
  type BlockingOptions,
  Empty,
  Full,
  LifoQueue,
  PriorityQueue,
  Queue,
  type QueueOptions,
  ShutDown,
  SimpleQueue,
} from "./queue.ts";
