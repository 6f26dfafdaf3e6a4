/**
 * `threading.Thread` and the module functions about threads.
 *
 * @module
 */

import { isMainThread } from "../_internal/runtime.ts";
import { nextThreadNumber, self } from "../_internal/identity.ts";
import {
  BaseTask,
  currentTask,
  registerTaskClass,
  runningTasks,
  TASK,
  type TaskOptions,
} from "./_task.ts";
import { inspectable } from "./_common.ts";

/** Options of {@linkcode Thread} (Python's keyword arguments). */
export type ThreadOptions = TaskOptions;

/**
 * A thread of control. Ports Python's `threading.Thread`.
 *
 * Each thread is a worker: `start()` starts one, which imports the module that
 * exports `target` (the program's entry module unless `module` says otherwise)
 * the way Python's `spawn` start method does, and calls
 * `target(...args, kwargs)`, or the subclass's `run()` with its own fields.
 * Threads therefore share state as Python processes do: through shared-memory
 * objects passed as arguments (locks, events, `Value`, `Array`, queues);
 * other arguments are copied. Keep the program's own work inside an
 * {@linkcode isMain} block so that it does not run again in each worker.
 *
 * `join()` returns a promise. The name defaults to `Thread-N (target)`; a
 * daemon thread does not keep the program alive. As pyconc extensions,
 * `terminate()`/`kill()` stop a thread from outside and `exitcode` tells how it
 * ended (Python threads have neither).
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * export function work(n: number) {
 *   console.log(`${threading.currentThread().name} got ${n}`);
 * }
 *
 * if (threading.isMain(import.meta)) {
 *   const t = new threading.Thread({ target: work, args: [1], name: "Worker" });
 *   console.assert(t.name === "Worker" && !t.isAlive());
 * }
 * ```
 */
export class Thread extends BaseTask {
  /**
   * Creates a thread (not started).
   * @param options `target`, `args`, `kwargs`, `name`, `daemon`, `module`.
   */
  constructor(options?: ThreadOptions) {
    super("thread", options);
    const s = this[TASK];
    if (options?.name !== undefined && options.name !== null) {
      s.name = String(options.name);
    } else {
      s.name = `Thread-${nextThreadNumber()}`;
      if (s.target) s.name += ` (${s.target.name || "<lambda>"})`;
    }
  }

  /** Same as `ident` (Python's `native_id`: here a worker id, not an OS thread id). */
  get nativeId(): number | null {
    return this.ident;
  }

  /** `<Thread(Thread-1 (work), started 2)>`, Python's repr. */
  override toString(): string {
    let status = this._status();
    if (this.daemon) status += " daemon";
    if (this.ident !== null) status += ` ${this.ident}`;
    return `<${this.constructor.name}(${this.name}, ${status})>`;
  }
}
inspectable(Thread);
registerTaskClass(Thread, import.meta.url);

let mainThreadObject: Thread | undefined;

/** The thread that is the program's (or this process's) main thread. */
function mainThreadObj(): Thread {
  mainThreadObject ??= BaseTask._adopt<Thread>(Thread.prototype, "thread", "MainThread", self);
  return mainThreadObject;
}

/**
 * The `Thread` running this code (Python's `current_thread`): `MainThread`
 * on the program's main thread and in a process's worker.
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * console.assert(threading.currentThread().name === "MainThread");
 * ```
 */
export function currentThread(): Thread {
  if (!isMainThread && self.kind === "thread") {
    const task = currentTask();
    if (task instanceof Thread) return task;
  }
  return mainThreadObj();
}

/**
 * The main thread (Python's `main_thread`).
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * console.assert(threading.mainThread() === threading.currentThread());
 * ```
 */
export function mainThread(): Thread {
  return mainThreadObj();
}

/**
 * The threads alive that this thread knows: itself, the main thread, and the
 * threads it started (Python's `enumerate`, which lists every thread of the
 * process; a worker does not see threads started by others).
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * console.assert(threading.enumerate()[0].name === "MainThread");
 * ```
 */
export function enumerate(): Thread[] {
  const list: Thread[] = [mainThreadObj()];
  const me = currentThread();
  if (me !== list[0]) list.push(me);
  for (const t of runningTasks("thread")) list.push(t as Thread);
  return list;
}

/**
 * How many threads `enumerate()` lists (Python's `active_count`).
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * console.assert(threading.activeCount() >= 1);
 * ```
 */
export function activeCount(): number {
  return enumerate().length;
}

/**
 * This thread's ident (Python's `get_ident`): unique in the program, the same
 * as `currentThread().ident`; the main thread's is 1.
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * console.assert(threading.getIdent() === threading.currentThread().ident);
 * ```
 */
export function getIdent(): number {
  return self.ident;
}

/**
 * This thread's native id (Python's `get_native_id`): here the same as
 * `getIdent()`, a worker id.
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * console.assert(threading.getNativeId() === threading.getIdent());
 * ```
 */
export function getNativeId(): number {
  return self.ident;
}
