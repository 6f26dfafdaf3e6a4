/**
 * `concurrent.futures.ThreadPoolExecutor`. Ports CPython's
 * `Lib/concurrent/futures/thread.py`.
 *
 * In this port a thread is a worker: each pool thread is a pyconc worker with
 * a thread's identity (`currentThread().name` is `ThreadPoolExecutor-0_0`,
 * …). A submitted function is shipped like a `Thread` target: an exported
 * function of an importable module (the main module by default, or the
 * `module` option), or a self-contained function as source. Arguments and
 * results are structured-cloned; shared-memory objects (locks, `Value`,
 * queues) arrive as live views.
 *
 * @module
 */

import { registerDefaultExecutorFactory } from "../../asyncio/events.ts";
import { ValueError } from "../../exceptions.ts";
import { cpuCount } from "../../_internal/runtime.ts";
import { childIdentity } from "../../_internal/identity.ts";
import { PoolEngine } from "../../_internal/pool_engine.ts";
import { BrokenExecutor, type Future } from "./_base.ts";
import {
  EngineDriver,
  Executor,
  type PoolExecutorOptions,
  type ShutdownOptions,
} from "./executor.ts";

/**
 * A thread pool's initializer failed: the pool cannot run work any more.
 * Ports `concurrent.futures.thread.BrokenThreadPool`.
 *
 * @example Usage
 * ```ts
 * import { concurrent } from "@pyconc/pyconc";
 *
 * const err = new concurrent.futures.BrokenThreadPool("x");
 * console.assert(err instanceof concurrent.futures.BrokenExecutor);
 * ```
 */
export class BrokenThreadPool extends BrokenExecutor {}
Object.defineProperty(BrokenThreadPool.prototype, "name", {
  value: "BrokenThreadPool",
  writable: true,
  configurable: true,
});

/** Options of {@linkcode ThreadPoolExecutor} (Python's keyword arguments). */
export interface ThreadPoolExecutorOptions extends PoolExecutorOptions {
  /** Thread names are `${threadNamePrefix}_${n}` (default `ThreadPoolExecutor-${k}`). */
  threadNamePrefix?: string;
}

let executorCounter = 0;

/** Parses `(maxWorkers?, options?)` or `(options)`. */
export function parseExecutorArgs<O extends PoolExecutorOptions>(
  maxWorkersOrOptions: number | null | O | undefined,
  options: O | undefined,
): O {
  if (typeof maxWorkersOrOptions === "object" && maxWorkersOrOptions !== null) {
    return maxWorkersOrOptions;
  }
  return { ...options, maxWorkers: maxWorkersOrOptions ?? options?.maxWorkers } as O;
}

/** Checks Python's `max_workers` rule. */
export function checkMaxWorkers(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new TypeError(`max_workers must be an integer: got ${String(value)}`);
  }
  if (value <= 0) throw new ValueError(`max_workers must be greater than 0: got ${value}`);
  return value;
}

/**
 * Runs calls in a pool of worker threads. Ports
 * `concurrent.futures.ThreadPoolExecutor(max_workers, thread_name_prefix,
 * initializer, initargs)`.
 *
 * Threads start on demand (one per submit while none is idle, up to
 * `maxWorkers`, default `min(32, cpuCount + 4)`), are named
 * `ThreadPoolExecutor-0_0`, `ThreadPoolExecutor-0_1`, …, and stay until
 * `shutdown()`. Functions are shipped to the workers like a `Thread` target:
 * export them from your module (or pass a self-contained function). Idle
 * threads do not keep the program alive; running calls do (Python waits for
 * them at exit). If the initializer fails the pool is broken and pending
 * futures fail with {@linkcode BrokenThreadPool}.
 *
 * @example Usage
 * ```ts
 * import { concurrent } from "@pyconc/pyconc";
 *
 * await using executor = new concurrent.futures.ThreadPoolExecutor(2);
 * const future = executor.submit((a: number, b: number) => a + b, 1, 2);
 * console.assert((await future.result()) === 3);
 * ```
 */
export class ThreadPoolExecutor extends Executor {
  readonly #driver: EngineDriver;
  readonly #maxWorkers: number;
  readonly #prefix: string;

  /**
   * Creates the executor.
   * @param maxWorkersOrOptions The most threads, or every option.
   * @param options `threadNamePrefix`, `initializer`, `initargs`, `module`.
   */
  constructor(
    maxWorkersOrOptions?: number | null | ThreadPoolExecutorOptions,
    options?: ThreadPoolExecutorOptions,
  ) {
    super();
    const opts = parseExecutorArgs(maxWorkersOrOptions, options);
    this.#maxWorkers = checkMaxWorkers(opts.maxWorkers, Math.min(32, cpuCount() + 4));
    if (
      opts.initializer !== undefined && opts.initializer !== null &&
      typeof opts.initializer !== "function"
    ) {
      throw new TypeError(`initializer must be a callable: got ${typeof opts.initializer}`);
    }
    this.#prefix = opts.threadNamePrefix || `ThreadPoolExecutor-${executorCounter++}`;
    const prefix = this.#prefix;
    this.#driver = new EngineDriver(
      new PoolEngine({
        maxWorkers: this.#maxWorkers,
        workerName: (i) => `${prefix}_${i}`,
        workerInfo: (name) => ({ identity: childIdentity({ kind: "thread", name, daemon: true }) }),
        initializer: opts.initializer ?? null,
        initargs: opts.initargs ?? [],
        module: opts.module,
        onDeath: "replace",
        brokenError: (kind, detail, cause) =>
          kind === "initializer"
            ? new BrokenThreadPool(
              "A thread initializer failed, the thread pool is not usable anymore",
              { cause },
            )
            : new BrokenThreadPool(`A thread of the pool stopped: ${detail}`, { cause }),
      }),
      (message, opts) => new BrokenThreadPool(message, opts),
    );
  }

  /** The most threads (Python's `_max_workers`). */
  get maxWorkers(): number {
    return this.#maxWorkers;
  }

  /**
   * Schedules `fn(...args)` on a pool thread and returns its
   * {@linkcode Future}. Throws `RuntimeError` after `shutdown()` and
   * {@linkcode BrokenThreadPool} once broken.
   */
  // deno-lint-ignore no-explicit-any
  submit<A extends any[], R>(fn: (...args: A) => R, ...args: A): Future<Awaited<R>> {
    return this.#driver.submit<Awaited<R>>(fn, args);
  }

  /**
   * Stops accepting calls; with `cancelFutures` cancels those not started;
   * resolves when the rest are done and the threads stopped (at once with
   * `wait: false`; the threads still finish their work).
   */
  shutdown(waitOrOptions?: boolean | ShutdownOptions): Promise<void> {
    return this.#driver.shutdown(waitOrOptions);
  }

  /** Python-style repr. */
  override toString(): string {
    const e = this.#driver.engine;
    const state = e.broken ? "broken" : e.closed ? "shutdown" : "running";
    return `<ThreadPoolExecutor ${this.#prefix} [${state}, threads:${e.workerCount}/${this.#maxWorkers}, pending:${
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

registerDefaultExecutorFactory(() => new ThreadPoolExecutor({ threadNamePrefix: "asyncio" }));
