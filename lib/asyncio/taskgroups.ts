/**
 * `asyncio.TaskGroup`. Ports Python's `asyncio.taskgroups` (3.13).
 *
 * Python writes `async with asyncio.TaskGroup() as tg:`. The exit must see the
 * body's exception (to cancel the children on an error, and to tell an outside
 * cancel from the group's own), which `await using` cannot do (a dispose never
 * sees the error), so the body is a callback:
 * `await asyncio.TaskGroup.run(async (tg) => { tg.createTask(...) })`.
 *
 * @module
 */

import { CancelledError, ExceptionGroup } from "../exceptions.ts";
import type { Context } from "../contextvars/context.ts";
import { type EventLoop, getEventLoop } from "./events.ts";
import type { Future } from "./futures.ts";
import { type Coroutine, currentTask, Task } from "./tasks.ts";

const inspectDeno = Symbol.for("Deno.customInspect");
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

/**
 * Structured concurrency (Python's `asyncio.TaskGroup`): tasks created in the
 * group are all awaited before `run` returns. The first task that fails
 * cancels the others and the body; every failure is raised together in an
 * `ExceptionGroup` ("unhandled errors in a TaskGroup"). A cancel from outside
 * stays a `CancelledError`.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const results = await asyncio.TaskGroup.run(async (tg) => {
 *     const a = tg.createTask(() => asyncio.sleep(0.01, "a"));
 *     const b = tg.createTask(() => asyncio.sleep(0.02, "b"));
 *     return [a, b];
 *   });
 *   console.assert(results.map((t) => t.result()).join() === "a,b");
 * });
 * ```
 */
export class TaskGroup {
  #entered = false;
  #exiting = false;
  #aborting = false;
  #loop: EventLoop | undefined = undefined;
  #parentTask: Task<unknown> | undefined = undefined;
  #parentCancelRequested = false;
  #tasks = new Set<Task<unknown>>();
  #errors: unknown[] = [];
  #onCompletedFut: Future<boolean> | undefined = undefined;

  /**
   * Runs `body(tg)` in a new group (Python's `async with TaskGroup() as tg:`)
   * and returns the body's result once every task of the group is done.
   *
   * @example Usage
   * ```ts
   * import { asyncio } from "@pyconc/pyconc";
   *
   * await asyncio.run(async () => {
   *   try {
   *     await asyncio.TaskGroup.run((tg) => {
   *       tg.createTask(async () => { throw new RangeError("boom"); });
   *       tg.createTask(() => asyncio.sleep(10));
   *     });
   *   } catch (e) {
   *     console.assert(e instanceof asyncio.ExceptionGroup && e.exceptions[0] instanceof RangeError);
   *   }
   * });
   * ```
   */
  static run<T>(body: (tg: TaskGroup) => PromiseLike<T> | T): Promise<Awaited<T>> {
    return new TaskGroup().run(body);
  }

  /**
   * Runs `body(this)` inside the group (Python's `async with tg:`), then waits
   * for all its tasks. Each group runs once.
   *
   * @throws {Error} RuntimeError: entered twice, or not inside a task.
   */
  async run<T>(body: (tg: TaskGroup) => PromiseLike<T> | T): Promise<Awaited<T>> {
    if (typeof body !== "function") {
      throw new TypeError(`TaskGroup.run() needs a function: got ${typeof body}`);
    }
    this.#enter();
    let result: Awaited<T>;
    try {
      result = await body(this);
    } catch (error) {
      await this.#exit(true, error);
      throw error;
    }
    await this.#exit(false, undefined);
    return result;
  }

  #enter(): void {
    if (this.#entered) throw new Error(`TaskGroup ${this} has already been entered`);
    this.#loop ??= getEventLoop();
    this.#parentTask = currentTask();
    if (this.#parentTask === undefined) {
      throw new Error(`TaskGroup ${this} cannot determine the parent task`);
    }
    this.#entered = true;
  }

  async #exit(raised: boolean, exc: unknown): Promise<void> {
    try {
      await this.#aexit(raised, exc);
    } finally {
      this.#parentTask = undefined;
      this.#errors = [];
    }
  }

  async #aexit(raised: boolean, exc: unknown): Promise<void> {
    this.#exiting = true;
    let propagateCancellation: CancelledError | undefined = raised && exc instanceof CancelledError
      ? exc
      : undefined;
    if (raised && !this.#aborting) {
      // The parent is being cancelled, or the body raised: stop the children.
      this.#abort();
    }
    while (this.#tasks.size > 0) {
      this.#onCompletedFut ??= this.#loop!.createFuture<boolean>();
      try {
        await this.#onCompletedFut;
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
        if (!this.#aborting) {
          // The parent task is being cancelled while children still run.
          propagateCancellation = error;
          this.#abort();
        }
      }
      this.#onCompletedFut = undefined;
    }
    if (this.#parentCancelRequested) {
      // We cancelled the parent ourselves: take it back.
      if (this.#parentTask!.uncancel() === 0) propagateCancellation = undefined;
    }
    if (propagateCancellation !== undefined && this.#errors.length === 0) {
      throw propagateCancellation;
    }
    if (raised && !(exc instanceof CancelledError)) this.#errors.push(exc);
    if (this.#errors.length > 0) {
      // Keep the parent's cancel count stable if it is cancelled from outside.
      if (this.#parentTask!.cancelling()) {
        this.#parentTask!.uncancel();
        this.#parentTask!.cancel();
      }
      throw new ExceptionGroup("unhandled errors in a TaskGroup", this.#errors);
    }
  }

  /**
   * Creates a task in the group (Python's `tg.create_task(coro, name=None,
   * context=None)`). Pass a function: `tg.createTask(() => work(1))`.
   *
   * @throws {Error} RuntimeError: the group is not entered, finished, or
   * shutting down after an error.
   */
  createTask<T>(
    coro: Coroutine<T>,
    options: { name?: string; context?: Context } = {},
  ): Task<Awaited<T>> {
    if (!this.#entered) throw new Error(`TaskGroup ${this} has not been entered`);
    if (this.#exiting && this.#tasks.size === 0) throw new Error(`TaskGroup ${this} is finished`);
    if (this.#aborting) throw new Error(`TaskGroup ${this} is shutting down`);
    const task = new Task(coro as Coroutine<Awaited<T>>, { ...options, loop: this.#loop });
    this.#tasks.add(task as Task<unknown>);
    task._addCallback((t) => this.#onTaskDone(t as Task<unknown>));
    return task;
  }

  #abort(): void {
    this.#aborting = true;
    for (const t of this.#tasks) if (!t.done()) t.cancel();
  }

  #onTaskDone(task: Task<unknown>): void {
    this.#tasks.delete(task);
    if (this.#onCompletedFut !== undefined && this.#tasks.size === 0) {
      if (!this.#onCompletedFut.done()) this.#onCompletedFut.setResult(true);
    }
    if (task.cancelled()) return;
    const error = task.exception();
    if (error === undefined) return;
    this.#errors.push(error);
    const parent = this.#parentTask;
    if (parent === undefined || parent.done()) {
      this.#loop!.callExceptionHandler({
        message: `Task ${task} has errored out but its parent task ${parent} is already completed`,
        exception: error,
        task,
      });
      return;
    }
    if (!this.#aborting && !this.#parentCancelRequested) {
      // Cancel the body (the parent task) too; __aexit__ takes it back.
      this.#abort();
      this.#parentCancelRequested = true;
      parent.cancel();
    }
  }

  /** `<TaskGroup tasks=2 errors=0 cancelling>`. */
  toString(): string {
    const info: string[] = [];
    if (this.#tasks.size) info.push(`tasks=${this.#tasks.size}`);
    if (this.#errors.length) info.push(`errors=${this.#errors.length}`);
    if (this.#aborting) info.push("cancelling");
    else if (this.#entered) info.push("entered");
    return `<TaskGroup${info.length ? " " + info.join(" ") : ""}>`;
  }

  /** Deno's inspect hook. */
  [inspectDeno](): string {
    return this.toString();
  }

  /** Node's inspect hook. */
  [inspectNode](): string {
    return this.toString();
  }
}
