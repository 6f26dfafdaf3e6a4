/**
 * Python's `asyncio`, on the runtime's own event loop, with Python's
 * scheduling order, cancellation and names.
 *
 * - **Coroutines are functions.** Where Python passes `coro()`, pass
 *   `() => coro()` (or the async function itself): `createTask`, `gather`,
 *   `wait`, `waitFor`, `TaskGroup.createTask`, `run`, `ensureFuture` call it
 *   on a later loop iteration, as Python starts a coroutine only when it is
 *   scheduled. Started promises are accepted too.
 * - **Cancellation as in Python.** `task.cancel()` makes the task's current
 *   await of a pyconc awaitable (`sleep`, `Future`, `Task`, `Lock.acquire`,
 *   `Event.wait`, `Queue.get`, …) raise `CancelledError`, or its next one.
 *   Every task has an `AbortSignal` (`task.signal`, `currentSignal()`) for
 *   foreign promises.
 * - **Keyword arguments are a trailing options object**:
 *   `gather(a, b, { returnExceptions: true })`, `wait(fs, { timeout, returnWhen })`;
 *   `waitFor(aw, 1)`, `new Semaphore(2)`, `new Queue(3)` stay positional.
 * - **`async with`** becomes `await using` for locks
 *   (`await using _ = await lock.acquire()`), and a callback where the exit
 *   must see the body's error: `await asyncio.timeout(1, async (cm) => ...)`,
 *   `await asyncio.TaskGroup.run(async (tg) => ...)`.
 * - Times are seconds.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * async function sayAfter(delay: number, what: string): Promise<string> {
 *   await asyncio.sleep(delay);
 *   return what;
 * }
 *
 * await asyncio.run(async () => {
 *   const task1 = asyncio.createTask(() => sayAfter(0.02, "hello"));
 *   const task2 = asyncio.createTask(() => sayAfter(0.01, "world"));
 *   console.assert((await task1) + " " + (await task2) === "hello world");
 * });
 * ```
 *
 * @module
 */

export {
  BrokenBarrierError,
  CancelledError,
  InvalidStateError,
  TimeoutError,
} from "../exceptions.ts";
export {
  EventLoop,
  type ExceptionContext,
  type ExceptionHandler,
  type Executor,
  getEventLoop,
  getRunningLoop,
  Handle,
  logger,
  newEventLoop,
  setEventLoop,
  TimerHandle,
} from "./events.ts";
export { Future, isFuture, wrapFuture } from "./futures.ts";
export {
  allTasks,
  type Coroutine,
  createTask,
  currentSignal,
  currentTask,
  ensureFuture,
  Task,
  type TaskOptions,
} from "./tasks.ts";
export { sleep } from "./sleep.ts";
export {
  type Awaitable,
  gather,
  type GatherOptions,
  type GatherResults,
  type GatherSettled,
} from "./gather.ts";
export { run, Runner, type RunOptions } from "./runners.ts";
export {
  ALL_COMPLETED,
  asCompleted,
  type AsCompletedIterator,
  type AsCompletedOptions,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  type ReturnWhen,
  wait,
  waitFor,
  type WaitItem,
  type WaitOptions,
} from "./wait.ts";
export { Timeout, timeout, timeoutAt } from "./timeouts.ts";
export { shield } from "./shield.ts";
export { TaskGroup } from "./taskgroups.ts";
export { Permit } from "./_permit.ts";
export { Lock } from "./lock.ts";
export { Event } from "./event.ts";
export { Condition } from "./condition.ts";
export { BoundedSemaphore, Semaphore } from "./semaphore.ts";
export { Barrier } from "./barrier.ts";
export {
  LifoQueue,
  PriorityQueue,
  pythonCompare,
  Queue,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
} from "./queues.ts";
export { BaseExceptionGroup, ExceptionGroup, type ExceptionMatcher } from "../exceptions.ts";
export { toThread } from "./to_thread.ts";
