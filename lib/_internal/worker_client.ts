/**
 * The parent side of a pyconc worker: start the bootstrap, call functions in
 * it, get promises back.
 *
 * Calls made in the same turn travel in one message, and the worker batches its
 * replies the same way, so many small calls cost few messages. When the worker
 * dies (an uncaught error, `process.exit`, `terminate()`), every call still
 * pending rejects with an error that says so; nothing waits forever.
 *
 * @module
 */

import { spawnWorker, type WorkerHandle } from "./runtime.ts";
import { onBeforeBlock } from "./before_block.ts";
import { reduceValue, reviveValue } from "./reduce.ts";
import { deserializeError, type SerializedError } from "./remote_error.ts";
import {
  type FromWorker,
  type FunctionRef,
  type ToWorker,
  unpackCalls,
} from "./worker_protocol.ts";

const bootstrapUrl = new URL("./worker_bootstrap.ts", import.meta.url);

// Clients with calls queued for the end of this turn; sent early if the
// thread is about to block (see before_block.ts).
const unflushed = new Set<WorkerClient>();
onBeforeBlock(() => {
  for (const client of unflushed) client.flush();
});

/** Options for {@linkcode WorkerClient.start}. */
export interface WorkerClientOptions {
  /** The worker's name (debuggers, error messages). */
  name?: string;
  /** Whether the worker keeps the program alive (default true). */
  ref?: boolean;
  /** Start-up info the worker can read with `currentWorkerInfo()`. */
  info?: unknown;
}

/** The worker stopped while a call was still running in it. */
export class WorkerExitedError extends Error {
  /** The worker's exit code. */
  readonly exitCode: number;
  /**
   * Creates the error.
   * @param workerName The worker's name.
   * @param exitCode Its exit code.
   */
  constructor(workerName: string, exitCode: number) {
    super(`Worker '${workerName}' stopped (exit code ${exitCode}) before the call finished`);
    this.exitCode = exitCode;
  }
}
Object.defineProperty(WorkerExitedError.prototype, "name", { value: "WorkerExitedError" });

interface PendingPromise {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** How a call reports back: its promise's resolvers, or a `callWith` callback. */
type Pending = PendingPromise | CallDone;

/** The callback of {@linkcode WorkerClient.callWith}. */
export type CallDone = (ok: boolean, value: unknown) => void;

function fail(pending: Pending, error: unknown): void {
  if (typeof pending === "function") pending(false, error);
  else pending.reject(error);
}

function succeed(pending: Pending, value: unknown): void {
  if (typeof pending === "function") pending(true, value);
  else pending.resolve(value);
}

/** A started pyconc worker. */
export class WorkerClient {
  readonly #handle: WorkerHandle;
  readonly #name: string;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #nextKey = 1;
  #outbox: ToWorker[] = [];
  #calls: unknown[] | undefined;
  #flushScheduled = false;
  #fatal: unknown;
  #exitListeners: ((code: number) => void)[] = [];
  /** Resolves once the worker's bootstrap listens; rejects if it dies first. */
  readonly ready: Promise<void>;

  private constructor(handle: WorkerHandle, name: string) {
    this.#handle = handle;
    this.#name = name;
    let readyResolve!: () => void;
    let readyReject!: (e: unknown) => void;
    this.ready = new Promise((res, rej) => {
      readyResolve = res;
      readyReject = rej;
    });
    this.ready.catch(() => {}); // Observed through calls as well.
    handle.onMessage((message: FromWorker) => {
      switch (message.t) {
        case "ready":
          readyResolve();
          break;
        case "replies":
          this.#settle(message.r);
          break;
        case "fatal":
          this.#fatal = deserializeError(message.error);
          break;
      }
    });
    handle.onError((error) => {
      this.#fatal ??= error;
      readyReject(error);
    });
    handle.onExit((code) => {
      const error = this.#fatal ?? new WorkerExitedError(this.#name, code);
      readyReject(error);
      // After the exit listeners (a microtask later, as a promise would): the
      // pool engine first takes back the jobs this worker never started.
      for (const pending of this.#pending.values()) queueMicrotask(() => fail(pending, error));
      this.#pending.clear();
      for (const listener of this.#exitListeners.splice(0)) listener(code);
    });
  }

  /** Starts a worker running the pyconc bootstrap. */
  static start(options: WorkerClientOptions = {}): WorkerClient {
    const name = options.name ?? "pyconc-worker";
    const handle = spawnWorker(bootstrapUrl, {
      name,
      ref: options.ref,
      workerData: { info: options.info },
    });
    return new WorkerClient(handle, name);
  }

  /** The worker's name. */
  get name(): string {
    return this.#name;
  }

  /** Calls not finished yet. */
  get pending(): number {
    return this.#pending.size;
  }

  /** True once the worker has stopped. */
  get exited(): boolean {
    return this.#handle.exited;
  }

  /** The exit code, null while the worker runs. */
  get exitCode(): number | null {
    return this.#handle.exitCode;
  }

  /**
   * Names a function once; pass the returned key to {@linkcode call} instead of
   * the reference so that each call message stays small.
   */
  define(fn: FunctionRef): number {
    const key = this.#nextKey++;
    this.#send({ t: "def", key, fn });
    return key;
  }

  /**
   * Runs `fn(...args)` in the worker. Shared objects in `args` arrive as live
   * views; the promise settles with the result, or rejects with the worker's
   * error (its class and remote stack kept).
   * With `batch`, `args` is a list of argument lists and the result a list.
   */
  call(fn: FunctionRef | number, args: readonly unknown[], batch = false): Promise<unknown> {
    if (this.#handle.exited) {
      return Promise.reject(
        this.#fatal ?? new WorkerExitedError(this.#name, this.#handle.exitCode ?? 1),
      );
    }
    const id = this.#nextId++;
    const promise = new Promise<unknown>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
    });
    const message: ToWorker = { t: "call", id, fn, args: reduceValue(args) as unknown[] };
    this.#send(batch ? { ...message, batch } : message);
    return promise;
  }

  /**
   * Like {@linkcode call}, but reports through `done(ok, value)` instead of a
   * promise: the pool engine's hot path, which saves a promise and its
   * resolvers per call. `done` never runs before `callWith` returns.
   * `reducedArgs` must already have been through `reduceValue`.
   */
  callWith(fn: FunctionRef | number, reducedArgs: readonly unknown[], done: CallDone): void {
    if (this.#handle.exited) {
      const error = this.#fatal ?? new WorkerExitedError(this.#name, this.#handle.exitCode ?? 1);
      queueMicrotask(() => done(false, error));
      return;
    }
    const id = this.#nextId++;
    this.#pending.set(id, done);
    const calls = this.#calls ??= [];
    calls.push(id, fn, reducedArgs.length);
    for (let i = 0; i < reducedArgs.length; i++) calls.push(reducedArgs[i]);
    this.#scheduleFlush();
  }

  /** Asks the worker to finish sending replies and stop with `code`. */
  exit(code = 0): void {
    if (!this.#handle.exited) this.#send({ t: "exit", code });
  }

  /** Stops the worker now; pending calls reject. Resolves once it has stopped. */
  terminate(): Promise<void> {
    return this.#handle.terminate();
  }

  /** Calls `listener` once, with the exit code, when the worker has stopped. */
  onExit(listener: (code: number) => void): void {
    if (this.#handle.exited) queueMicrotask(() => listener(this.#handle.exitCode ?? 1));
    else this.#exitListeners.push(listener);
  }

  /** Lets the worker keep the program alive. */
  ref(): void {
    this.#handle.ref();
  }

  /** Stops the worker from keeping the program alive. */
  unref(): void {
    this.#handle.unref();
  }

  #send(message: ToWorker): void {
    this.#takeCalls(); // Keeps the order of calls and other messages.
    this.#outbox.push(message);
    this.#scheduleFlush();
  }

  /** Moves the flat calls gathered by `callWith` into the outbox as one message. */
  #takeCalls(): void {
    if (this.#calls === undefined) return;
    this.#outbox.push({ t: "calls", c: this.#calls });
    this.#calls = undefined;
  }

  #scheduleFlush(): void {
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      unflushed.add(this);
      queueMicrotask(() => this.flush());
    }
  }

  /**
   * Sends the calls queued in this turn now rather than at its end (they are
   * sent then anyway). Blocking waits call it through before_block.ts.
   */
  flush(): void {
    if (!this.#flushScheduled) return;
    this.#flushScheduled = false;
    unflushed.delete(this);
    this.#takeCalls();
    const batch = this.#outbox;
    this.#outbox = [];
    if (this.#handle.exited) return;
    try {
      this.#handle.postMessage(batch.length === 1 ? batch[0] : batch);
    } catch {
      // Something in one call cannot be cloned: send one by one so that only
      // that call fails, naming the problem.
      for (
        const message of batch.flatMap((m): ToWorker[] => m.t === "calls" ? unpackCalls(m) : [m])
      ) {
        try {
          this.#handle.postMessage(message);
        } catch (error) {
          if (message.t === "call") {
            const pending = this.#pending.get(message.id);
            this.#pending.delete(message.id);
            if (pending) {
              fail(
                pending,
                new TypeError(
                  `Cannot send the call's arguments to worker '${this.#name}': ${
                    (error as Error).message
                  }`,
                ),
              );
            }
          }
        }
      }
    }
  }

  #settle(r: unknown[]): void {
    for (let i = 0; i < r.length; i += 3) {
      const id = r[i] as number;
      const pending = this.#pending.get(id);
      if (!pending) continue;
      this.#pending.delete(id);
      if (r[i + 1]) {
        const value = reviveValue(r[i + 2]);
        if (value instanceof Promise) {
          value.then((v) => succeed(pending, v), (e) => fail(pending, e));
        } else succeed(pending, value);
      } else {
        fail(pending, deserializeError(r[i + 2] as SerializedError));
      }
    }
  }
}
