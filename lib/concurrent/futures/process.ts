/**
 * `concurrent.futures.ProcessPoolExecutor`. Ports CPython's
 * `Lib/concurrent/futures/process.py`.
 *
 * In this port a process is a worker with a process's identity. A submitted
 * function is shipped like a `Process` target (spawn start method): an
 * exported function of an importable module (the main module by default, or
 * the `module` option), or a self-contained function as source.
 *
 * @module
 */

import { childIdentity, nextChildIdentity } from "../../_internal/identity.ts";
import { cpuCount } from "../../_internal/runtime.ts";
import { PoolEngine } from "../../_internal/pool_engine.ts";
import { BrokenExecutor, type Future } from "./_base.ts";
import {
  EngineDriver,
  Executor,
  type PoolExecutorOptions,
  type ShutdownOptions,
} from "./executor.ts";
import { checkMaxWorkers, parseExecutorArgs } from "./thread.ts";

// deno-lint-ignore no-explicit-any
type AnyFunction = (...args: any[]) => unknown;

/**
 * A worker process died or an initializer failed: the pool cannot run work
 * any more, and every pending future fails with this error. Ports
 * `concurrent.futures.process.BrokenProcessPool`.
 *
 * @example Usage
 * ```ts
 * import { concurrent } from "@pyconc/pyconc";
 *
 * const err = new concurrent.futures.BrokenProcessPool("x");
 * console.assert(err instanceof concurrent.futures.BrokenExecutor);
 * ```
 */
export class BrokenProcessPool extends BrokenExecutor {}
Object.defineProperty(BrokenProcessPool.prototype, "name", {
  value: "BrokenProcessPool",
  writable: true,
  configurable: true,
});

/** Options of {@linkcode ProcessPoolExecutor} (Python's keyword arguments). */
export interface ProcessPoolExecutorOptions extends PoolExecutorOptions {
  /** Each worker process is replaced after this many calls (default: never). */
  maxTasksPerChild?: number | null;
}

/**
 * Runs calls in a pool of worker processes. Ports
 * `concurrent.futures.ProcessPoolExecutor(max_workers, mp_context,
 * initializer, initargs, max_tasks_per_child)`.
 *
 * Workers start on demand up to `maxWorkers` (default `cpuCount()`), are
 * named `SpawnProcess-N`, and stop at `shutdown()`. A worker that dies breaks
 * the pool as in Python: every pending future fails with
 * {@linkcode BrokenProcessPool}, and so does any later `submit`. `map`'s
 * `chunksize` sends that many calls per message.
 *
 * @example Usage
 * ```ts
 * import { concurrent } from "@pyconc/pyconc";
 *
 * await using executor = new concurrent.futures.ProcessPoolExecutor({ maxWorkers: 2 });
 * const squares: number[] = [];
 * for await (const y of executor.map((x: number) => x * x, [1, 2, 3], { chunksize: 2 })) {
 *   squares.push(y);
 * }
 * console.assert(squares.join() === "1,4,9");
 * ```
 */
export class ProcessPoolExecutor extends Executor {
  readonly #driver: EngineDriver;
  readonly #maxWorkers: number;

  /**
   * Creates the executor.
   * @param maxWorkersOrOptions The most processes, or every option.
   * @param options `initializer`, `initargs`, `maxTasksPerChild`, `module`.
   */
  constructor(
    maxWorkersOrOptions?: number | null | ProcessPoolExecutorOptions,
    options?: ProcessPoolExecutorOptions,
  ) {
    super();
    const opts = parseExecutorArgs(maxWorkersOrOptions, options);
    this.#maxWorkers = checkMaxWorkers(opts.maxWorkers, cpuCount());
    if (
      opts.initializer !== undefined && opts.initializer !== null &&
      typeof opts.initializer !== "function"
    ) {
      throw new TypeError(`initializer must be a callable: got ${typeof opts.initializer}`);
    }
    const maxTasks = opts.maxTasksPerChild;
    if (maxTasks !== undefined && maxTasks !== null) {
      if (!Number.isInteger(maxTasks) || maxTasks < 1) {
        throw new RangeError(`max_tasks_per_child must be >= 1: got ${String(maxTasks)}`);
      }
    }
    const names = new Map<number, string>();
    const identities = new Map<number, number[]>();
    this.#driver = new EngineDriver(
      new PoolEngine({
        maxWorkers: this.#maxWorkers,
        workerName: (i) => {
          const id = nextChildIdentity();
          identities.set(i, id);
          const name = `SpawnProcess-${id.join(":")}`;
          names.set(i, name);
          return name;
        },
        workerInfo: (name, i) => {
          const processIdentity = identities.get(i);
          identities.delete(i);
          return { identity: childIdentity({ kind: "process", name, processIdentity }) };
        },
        initializer: opts.initializer ?? null,
        initargs: opts.initargs ?? [],
        module: opts.module,
        maxTasksPerWorker: maxTasks ?? null,
        onDeath: "break",
        brokenError: (kind, detail, cause) =>
          kind === "initializer"
            ? new BrokenProcessPool(
              "A child process terminated abruptly, the process pool is not usable anymore " +
                `(${detail})`,
              { cause },
            )
            : new BrokenProcessPool(
              "A process in the process pool was terminated abruptly while the future was " +
                `running or pending (${detail})`,
              { cause },
            ),
      }),
      (message, opts) => new BrokenProcessPool(message, opts),
    );
  }

  /** The most processes (Python's `_max_workers`). */
  get maxWorkers(): number {
    return this.#maxWorkers;
  }

  /**
   * Schedules `fn(...args)` in a worker process and returns its
   * {@linkcode Future}. Throws `RuntimeError` after `shutdown()` and
   * {@linkcode BrokenProcessPool} once broken.
   */
  // deno-lint-ignore no-explicit-any
  submit<A extends any[], R>(fn: (...args: A) => R, ...args: A): Future<Awaited<R>> {
    return this.#driver.submit<Awaited<R>>(fn, args);
  }

  /** @internal Runs a chunk of `map` calls as one job. */
  protected override _mapChunk(
    fn: AnyFunction,
    items: unknown[],
    star: boolean,
  ): Future<unknown[]> {
    return this.#driver.submit<unknown[]>(fn, items, true, star);
  }

  /**
   * Stops accepting calls; with `cancelFutures` cancels those not started;
   * resolves when the rest are done and the processes stopped.
   */
  shutdown(waitOrOptions?: boolean | ShutdownOptions): Promise<void> {
    return this.#driver.shutdown(waitOrOptions);
  }

  /**
   * Stops every worker process now (Python 3.14's `terminate_workers`);
   * futures not done fail with {@linkcode BrokenProcessPool}.
   */
  terminateWorkers(): Promise<void> {
    return this.#driver.engine.terminate(
      new BrokenProcessPool("The worker processes were terminated"),
    );
  }

  /** Python-style repr. */
  override toString(): string {
    const e = this.#driver.engine;
    const state = e.broken ? "broken" : e.closed ? "shutdown" : "running";
    return `<ProcessPoolExecutor [${state}, processes:${e.workerCount}/${this.#maxWorkers}, pending:${
      e.pendingCount + e.inflightCount
    }]>`;
  }

  /** Deno's inspect hook. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  /** Node's inspect hook. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
