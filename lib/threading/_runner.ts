/**
 * The worker side of `Thread.start()` / `Process.start()`: rebuilds the
 * object (its class imported the spawn way, its own fields revived), makes it
 * this worker's current thread or process, runs `run()`, and reports an
 * uncaught error the way Python prints it. Returns the exit code.
 *
 * @module
 */

import { resolveShipped } from "../_internal/spawn.ts";
import { writeStdioDirectly } from "../_internal/worker_stdio.ts";
import { self } from "../_internal/identity.ts";
import {
  BaseTask,
  reportTaskError,
  runningTasks,
  setCurrentTask,
  TASK,
  type TaskSpec,
} from "./_task.ts";

/** Runs a shipped task in this worker; resolves to its exit code (0 or 1). */
export async function runTask(spec: TaskSpec): Promise<number> {
  let task: BaseTask;
  try {
    const cls = await resolveShipped(spec.cls);
    const target = spec.target ? await resolveShipped(spec.target) : null;
    task = BaseTask._adopt(cls.prototype as object, self.kind, spec.name, self);
    const state = task[TASK];
    state.args = spec.args;
    state.kwargs = spec.kwargs;
    state.daemon = spec.daemon;
    state.target = target;
    state.resolvedTarget = target ?? undefined;
    Object.assign(task, spec.fields);
  } catch (error) {
    reportTaskError(self.kind, spec.name, error);
    return 1;
  }
  setCurrentTask(task);
  try {
    const result = task.run();
    if (typeof (result as PromiseLike<unknown>)?.then === "function") await result;
    return 0;
  } catch (error) {
    reportTaskError(self.kind, task.name, error);
    return 1;
  }
}

/** Waits for the non-daemon threads and processes this worker started (Python joins them at exit). */
export async function joinChildren(): Promise<void> {
  for (;;) {
    const waiting = [...runningTasks("thread"), ...runningTasks("process")].filter((t) =>
      !t.daemon
    );
    if (waiting.length === 0) return;
    await Promise.all(waiting.map((t) => t.join()));
  }
}

/**
 * A `Thread`/`Process` worker's main call (run by the bootstrap at spawn):
 * runs the task, waits for the non-daemon threads and processes it started
 * (Python joins them at exit), and returns the exit code.
 */
export async function runWorkerMain(spec: TaskSpec): Promise<number> {
  writeStdioDirectly();
  let code: number;
  try {
    code = await runTask(spec);
  } catch (error) {
    console.error(error);
    code = 1;
  }
  await joinChildren();
  return code;
}
