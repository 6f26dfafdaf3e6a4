/**
 * The engine shared by `threading.Thread` and `multiprocessing.Process`: both
 * run `run()` in a pyconc worker, shipped the Python `spawn` way.
 *
 * The object's state lives under a symbol key (not `#private` fields) so that
 * the worker can rebuild the object, subclass and own fields included, with
 * `Object.create(Class.prototype)`: in the worker `currentThread()` /
 * `currentProcess()` is that rebuilt object, as in Python.
 *
 * @module
 */

// deno-lint-ignore-file no-explicit-any

import { assertSendable, reduceValue } from "../_internal/reduce.ts";
import { childIdentity, type Identity, self } from "../_internal/identity.ts";
import { shipFunction, type Shipped } from "../_internal/spawn.ts";
import { keepAlive, spawnWorker, type WorkerHandle, writeStderr } from "../_internal/runtime.ts";
import { waitMs } from "../_internal/clock.ts";
import type { BootstrapData } from "../_internal/worker_protocol.ts";
import { AssertionError, RuntimeError, ValueError } from "../exceptions.ts";

/** The key of a task's internal state. */
export const TASK: unique symbol = Symbol.for("pyconc.task") as never;

/** Options shared by `Thread` and `Process` (Python's keyword arguments). */
export interface TaskOptions {
  /** The function `run()` calls (Python's `target`). */
  target?: ((...args: any[]) => unknown) | null;
  /** The name (default `Thread-N (target)` / `Process-N`). */
  name?: string | null;
  /** Positional arguments for the target. */
  args?: readonly unknown[];
  /** Keyword arguments: passed to the target as one trailing options object. */
  kwargs?: Record<string, unknown> | null;
  /** Daemon: stopped when the program ends instead of waited for. */
  daemon?: boolean | null;
  /**
   * URL of the module that exports the target or the subclass (default: the
   * program's entry module), usually `import.meta.url`.
   */
  module?: string | URL;
}

/** @internal */
export interface TaskState {
  kind: "thread" | "process";
  name: string;
  daemon: boolean | null;
  target: ((...args: any[]) => unknown) | null;
  args: readonly unknown[];
  kwargs: Record<string, unknown> | null;
  module: string | undefined;
  processIdentity?: readonly number[];
  started: boolean;
  identity: Identity | null;
  client: WorkerHandle | null;
  exitcode: number | null;
  done: Promise<void> | null;
  closed: boolean;
  /** This object stands for the worker running this code. */
  current: boolean;
  /** Shipped target, set in the worker before run(). */
  resolvedTarget?: (...args: any[]) => unknown;
}

/** What a worker receives to rebuild and run a task. */
export interface TaskSpec {
  cls: Shipped;
  target: Shipped | null;
  fields: Record<string, unknown>;
  name: string;
  daemon: boolean;
  args: readonly unknown[];
  kwargs: Record<string, unknown> | null;
}

const classModules = new Map<unknown, string>();

/** @internal Records the module that exports a library class (Thread, Timer, Process). */
export function registerTaskClass(cls: unknown, module: string): void {
  classModules.set(cls, module);
}

const running = new Set<BaseTask>();

/** @internal Tasks started from this worker and still running. */
export function runningTasks(kind: "thread" | "process"): BaseTask[] {
  return [...running].filter((t) => t[TASK].kind === kind);
}

let current: BaseTask | undefined;

/** @internal The object standing for this worker (set by the runner). */
export function currentTask(): BaseTask | undefined {
  return current;
}

/** @internal */
export function setCurrentTask(task: BaseTask): void {
  current = task;
}

// Threads and processes run in the pyconc bootstrap; its start-up `main`
// call is the runner, with the task's spec as the argument.
const bootstrapUrl = new URL("../_internal/worker_bootstrap.ts", import.meta.url);
const runnerUrl = new URL("./_runner.ts", import.meta.url).href;

function misuse(kind: "thread" | "process", thread: string, process: string): Error {
  return kind === "thread" ? new RuntimeError(thread) : new AssertionError(process);
}

/**
 * @internal The common base of `Thread` and `Process`; use those.
 */
export abstract class BaseTask {
  /** @internal */
  declare [TASK]: TaskState;

  /** @internal */
  protected constructor(kind: "thread" | "process", options: TaskOptions | undefined) {
    const o = options ?? {};
    if (typeof o !== "object") {
      throw new TypeError(
        `Cannot create ${
          kind === "thread" ? "Thread" : "Process"
        }: options must be an object ({ target, args, kwargs, name, daemon }): got ${typeof o}`,
      );
    }
    if (o.target !== undefined && o.target !== null && typeof o.target !== "function") {
      throw new TypeError(
        `Cannot create ${kind}: 'target' must be a function: got ${typeof o.target}`,
      );
    }
    if (o.args !== undefined && !Array.isArray(o.args)) {
      throw new TypeError(`Cannot create ${kind}: 'args' must be an array: got ${typeof o.args}`);
    }
    const state: TaskState = {
      kind,
      name: "",
      daemon: o.daemon ?? null,
      target: o.target ?? null,
      args: o.args ? [...o.args] : [],
      kwargs: o.kwargs ?? null,
      module: o.module === undefined ? undefined : String(o.module),
      started: false,
      identity: null,
      client: null,
      exitcode: null,
      done: null,
      closed: false,
      current: false,
    };
    Object.defineProperty(this, TASK, { value: state, writable: true, enumerable: false });
  }

  /** @internal Builds the object for a worker's own thread/process (no worker of its own). */
  static _adopt<T extends BaseTask>(
    proto: object,
    kind: "thread" | "process",
    name: string,
    identity: Identity,
  ): T {
    const task = Object.create(proto) as T;
    const state: TaskState = {
      kind,
      name,
      daemon: identity.daemon,
      target: null,
      args: [],
      kwargs: null,
      module: undefined,
      started: true,
      identity,
      client: null,
      exitcode: null,
      done: null,
      closed: false,
      current: true,
    };
    Object.defineProperty(task, TASK, { value: state, writable: true, enumerable: false });
    return task;
  }

  /** The name (only for identification; several may share one). */
  get name(): string {
    return this[TASK].name;
  }
  set name(value: string) {
    this[TASK].name = String(value);
  }

  /**
   * Daemon flag: a daemon is stopped when the program ends, the others are
   * waited for. Set it before `start()`.
   */
  get daemon(): boolean {
    const s = this[TASK];
    return s.daemon ?? (s.identity?.daemon ?? (current ? current.daemon : false));
  }
  set daemon(value: boolean) {
    const s = this[TASK];
    if (s.started) {
      throw misuse(
        s.kind,
        "cannot set daemon status of active thread",
        "process has already started",
      );
    }
    s.daemon = Boolean(value);
  }

  /** @internal */
  protected _checkClosed(): void {
    if (this[TASK].closed) throw new ValueError("process object is closed");
  }

  /**
   * The body; the default calls `target(...args, kwargs)`. Override it in a
   * subclass: it runs in the worker, with the subclass's own fields.
   */
  run(): unknown {
    const s = this[TASK];
    const target = s.resolvedTarget ?? s.target;
    if (!target) return undefined;
    return s.kwargs ? target(...s.args, s.kwargs) : target(...s.args);
  }

  /**
   * Starts `run()` in a new worker. Raises at once when the target, the
   * subclass or an argument cannot be sent (the message says what to export or
   * which argument); starting twice raises what Python raises.
   */
  start(): void {
    this._checkClosed();
    const s = this[TASK];
    if (s.started) {
      throw misuse(s.kind, "threads can only be started once", "cannot start a process twice");
    }
    if (s.current) {
      throw misuse(s.kind, "threads can only be started once", "cannot start a process twice");
    }
    const spec = this.#spec();
    s.started = true;
    const identity = childIdentity({
      kind: s.kind,
      name: s.name,
      daemon: this.daemon,
      processIdentity: s.processIdentity,
    });
    s.identity = identity;
    let client: WorkerHandle;
    try {
      client = spawnWorker(bootstrapUrl, {
        name: s.name,
        ref: !this.daemon,
        workerData: {
          info: { identity },
          main: { fn: { module: runnerUrl, name: "runWorkerMain" }, args: [reduceValue(spec)] },
        } satisfies BootstrapData,
      });
    } catch (error) {
      s.started = false;
      s.identity = null;
      throw error;
    }
    s.client = client;
    running.add(this);
    let resolveDone!: () => void;
    s.done = new Promise((resolve) => (resolveDone = resolve));
    client.onError((error) => {
      // An error outside run() (the entry failed to load, an unhandled
      // rejection after run): print it; the exit code says 1.
      writeStderr(
        `${s.kind === "thread" ? "Exception in thread " + s.name : "Process " + s.name}:\n${
          error?.stack ?? String(error)
        }\n`,
      );
    });
    client.onExit((code) => {
      s.exitcode ??= code;
      s.client = null;
      running.delete(this);
      resolveDone();
    });
  }

  #spec(): TaskSpec {
    const s = this[TASK];
    const proto = Object.getPrototypeOf(this);
    const cls = proto.constructor;
    const known = classModules.get(cls);
    const shippedClass = known
      ? {
        name: cls.name,
        module: known,
        exportName: cls.name,
        source: Function.prototype.toString.call(cls),
      }
      : shipFunction(cls, "class", s.module);
    const target = s.target ? shipFunction(s.target, "target", s.module) : null;
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(this)) fields[key] = (this as any)[key];
    s.args.forEach((arg, i) => assertSendable(arg, `args[${i}] of ${s.name}`));
    if (s.kwargs) {
      for (const [key, value] of Object.entries(s.kwargs)) {
        assertSendable(value, `kwargs.${key} of ${s.name}`);
      }
    }
    for (const [key, value] of Object.entries(fields)) {
      assertSendable(value, `field '${key}' of ${cls.name}`);
    }
    return {
      cls: shippedClass,
      target,
      fields,
      name: s.name,
      daemon: this.daemon,
      args: s.args,
      kwargs: s.kwargs,
    };
  }

  /**
   * Waits until the worker has finished (Python's `join`). A promise: the
   * thread that waits must keep its event loop running.
   * @param timeout At most this many seconds (null/undefined: no limit);
   * check `isAlive()` afterwards.
   */
  async join(timeout?: number | null): Promise<void> {
    this._checkClosed();
    const s = this[TASK];
    if (s.current) {
      throw misuse(s.kind, "cannot join current thread", "can only join a child process");
    }
    if (!s.started || !s.done) {
      throw misuse(
        s.kind,
        "cannot join thread before it is started",
        "can only join a started process",
      );
    }
    // A daemon worker does not hold the program open; a join on it must.
    const release = keepAlive();
    if (timeout === undefined || timeout === null) return await s.done.finally(release);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        s.done,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs(timeout)))),
      ]);
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  /** True from `start()` until the worker has finished (Python's `is_alive`). */
  isAlive(): boolean {
    this._checkClosed();
    const s = this[TASK];
    if (s.current) return true;
    return s.started && s.client !== null;
  }

  /** The thread ident (null before `start()`); unique in the program. */
  get ident(): number | null {
    return this[TASK].identity?.ident ?? null;
  }

  /**
   * The exit code: null while running (or before start), 0 after a normal end,
   * 1 after an uncaught error, the code given to `process.exit(code)`, -15
   * after `terminate()`, -9 after `kill()`.
   */
  get exitcode(): number | null {
    this._checkClosed();
    return this[TASK].exitcode;
  }

  /**
   * Stops the worker now (SIGTERM's exit code, -15). The worker is stopped even
   * when it spins or sleeps in a blocking wait; `finally` blocks do not run,
   * and locks it held stay held, as with a terminated Python process.
   */
  terminate(): void {
    this.#stop(-15);
  }

  /** Stops the worker now (SIGKILL's exit code, -9). */
  kill(): void {
    this.#stop(-9);
  }

  #stop(code: number): void {
    this._checkClosed();
    const s = this[TASK];
    if (!s.client || s.client.exited) return;
    s.exitcode ??= code;
    s.client.terminate();
  }

  /**
   * Releases the object (Python's `Process.close`); raises `ValueError` while
   * it is running. Most methods raise `ValueError` afterwards.
   */
  close(): void {
    const s = this[TASK];
    if (s.closed) return;
    if (s.started && s.client !== null) {
      throw new ValueError(
        "Cannot close a process while it is still running. You should first call join() or terminate().",
      );
    }
    s.closed = true;
  }

  /** @internal */
  protected _status(): string {
    const s = this[TASK];
    if (s.current) return "started";
    if (!s.started) return "initial";
    if (s.client) return "started";
    return "stopped";
  }
}

/** @internal Prints an error that ended a task, the way Python does. */
export function reportTaskError(kind: "thread" | "process", name: string, error: unknown): void {
  const stack = error instanceof Error
    ? (error.stack ?? `${error.name}: ${error.message}`)
    : String(error);
  writeStderr(
    kind === "thread"
      ? `Exception in thread ${name}:\nTraceback (most recent call last):\n${stack}\n`
      : `Process ${name}:\nTraceback (most recent call last):\n${stack}\n`,
  );
}

export { self as selfIdentity };
