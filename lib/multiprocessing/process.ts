/**
 * `multiprocessing.Process` and the module functions about processes.
 *
 * @module
 */

import { cpuCount as runtimeCpuCount, isMainThread } from "../_internal/runtime.ts";
import { nextChildIdentity, self } from "../_internal/identity.ts";
import {
  BaseTask,
  currentTask,
  registerTaskClass,
  runningTasks,
  TASK,
  type TaskOptions,
} from "../threading/_task.ts";
import { inspectable } from "../threading/_common.ts";

/** Options of {@linkcode Process} (Python's keyword arguments). */
export type ProcessOptions = TaskOptions;

/**
 * A process: `run()` in its own worker. Ports Python's
 * `multiprocessing.Process` with the `spawn` start method.
 *
 * The worker imports the module that exports `target` (the program's entry
 * module unless `module` says otherwise) and calls `target(...args, kwargs)`,
 * or rebuilds the subclass with its own fields and calls its `run()`. Keep
 * the program's own work inside an `isMain(import.meta)` block. Arguments are
 * copied, except shared-memory objects (locks, `Value`, `Array`,
 * `SharedMemory`, queues), which arrive as live views.
 *
 * `exitcode` is null while running, 0 after a normal end, 1 after an uncaught
 * error (printed to stderr as Python does), the code of `process.exit(code)`,
 * -15 after `terminate()` and -9 after `kill()`. `pid` is a worker id (workers
 * are threads of one OS process), unique in the program, and what
 * `os.getpid()` returns inside it. A daemon process is stopped when the
 * program ends; the others are waited for. `join()` returns a promise.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * export function work(name: string) {
 *   console.log(`hello ${name}`);
 * }
 *
 * if (multiprocessing.isMain(import.meta)) {
 *   const p = new multiprocessing.Process({ target: work, args: ["bob"] });
 *   console.assert(p.name.startsWith("Process-") && p.exitcode === null);
 * }
 * ```
 */
export class Process extends BaseTask {
  /**
   * Creates a process (not started).
   * @param options `target`, `args`, `kwargs`, `name`, `daemon`, `module`.
   */
  constructor(options?: ProcessOptions) {
    super("process", options);
    const s = this[TASK];
    s.processIdentity = nextChildIdentity();
    s.name = options?.name !== undefined && options.name !== null
      ? String(options.name)
      : `Process-${s.processIdentity.join(":")}`;
  }

  /** The worker id standing for the process id (null before `start()`). */
  get pid(): number | null {
    this._checkClosed();
    return this[TASK].identity?.pid ?? null;
  }

  /** `<Process name='Process-1' pid=… parent=… started>`, Python's repr. */
  override toString(): string {
    const s = this[TASK];
    if (s.closed) return `<${this.constructor.name} name='${s.name}' closed>`;
    let status = this._status();
    if (status === "stopped" && s.exitcode !== null) status = `stopped exitcode=${s.exitcode}`;
    const pid = s.identity ? ` pid=${s.identity.pid} parent=${s.identity.ppid}` : "";
    return `<${this.constructor.name} name='${s.name}'${pid} ${status}${
      this.daemon ? " daemon" : ""
    }>`;
  }
}
inspectable(Process);
registerTaskClass(Process, import.meta.url);

let mainProcessObject: Process | undefined;

function processObj(): Process {
  mainProcessObject ??= BaseTask._adopt<Process>(
    Process.prototype,
    "process",
    self.processName,
    self,
  );
  return mainProcessObject;
}

/**
 * The `Process` running this code (Python's `current_process`):
 * `MainProcess` in the main program, the `Process` object itself inside its
 * worker; a thread sees its process.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * console.assert(multiprocessing.currentProcess().name === "MainProcess");
 * ```
 */
export function currentProcess(): Process {
  if (!isMainThread && self.kind === "process") {
    const task = currentTask();
    if (task instanceof Process) return task;
  }
  return processObj();
}

/**
 * The parent of this process, or null in the main program (Python's
 * `parent_process`). It has `name` and `pid`; it cannot be joined from here.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * console.assert(multiprocessing.parentProcess() === null);
 * ```
 */
export function parentProcess(): { readonly name: string; readonly pid: number } | null {
  if (self.parentProcessName === undefined) return null;
  return Object.freeze({ name: self.parentProcessName, pid: self.ppid });
}

/**
 * The child processes this worker started that are still running (Python's
 * `active_children`).
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * console.assert(multiprocessing.activeChildren().length === 0);
 * ```
 */
export function activeChildren(): Process[] {
  return runningTasks("process") as Process[];
}

/**
 * The number of CPUs (Python's `multiprocessing.cpu_count`).
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * console.assert(multiprocessing.cpuCount() >= 1);
 * ```
 */
export function cpuCount(): number {
  return runtimeCpuCount();
}
