/**
 * The `Executor` base class (Python's `concurrent.futures.Executor`) and the
 * worker-pool plumbing that `ThreadPoolExecutor` and `ProcessPoolExecutor`
 * share.
 *
 * @module
 */

import { TimeoutError } from "../../exceptions.ts";
import { waitMs } from "../../_internal/clock.ts";
import { RuntimeError } from "../../exceptions.ts";
import type { Job, PoolEngine } from "../../_internal/pool_engine.ts";
import { Future } from "./_base.ts";

// deno-lint-ignore no-explicit-any
type AnyFunction = (...args: any[]) => unknown;

/** Options of {@linkcode Executor.map} (its trailing argument). */
export interface MapOptions {
  /** Seconds from the call of `map` after which a result not ready throws `TimeoutError`. */
  timeout?: number | null;
  /** Items per message for `ProcessPoolExecutor` (ignored by `ThreadPoolExecutor`, as in Python). */
  chunksize?: number;
}

/** Options of {@linkcode Executor.shutdown}. */
export interface ShutdownOptions {
  /** Wait until every pending future is done and the workers stopped (default true). */
  wait?: boolean;
  /** Cancel the futures that have not started (default false). */
  cancelFutures?: boolean;
}

function isMapOptions(value: unknown): value is MapOptions {
  return typeof value === "object" && value !== null &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] !== "function";
}

/**
 * An object that runs calls asynchronously. Ports
 * `concurrent.futures.Executor`: subclasses implement `submit`; `map`,
 * `shutdown` and `await using` come from here.
 *
 * @example Usage
 * ```ts
 * import { concurrent } from "@pyconc/pyconc";
 *
 * class InlineExecutor extends concurrent.futures.Executor {
 *   submit<A extends unknown[], R>(fn: (...args: A) => R, ...args: A) {
 *     const f = new concurrent.futures.Future<Awaited<R>>();
 *     f.setRunningOrNotifyCancel();
 *     Promise.resolve().then(() => fn(...args)).then(
 *       (v) => f.setResult(v as Awaited<R>),
 *       (e) => f.setException(e),
 *     );
 *     return f;
 *   }
 *   shutdown(): Promise<void> {
 *     return Promise.resolve();
 *   }
 * }
 * const results: number[] = [];
 * for await (const r of new InlineExecutor().map((x: number) => x * 2, [1, 2, 3])) results.push(r);
 * console.assert(results.join() === "2,4,6");
 * ```
 */
export abstract class Executor {
  /** Schedules `fn(...args)` and returns a {@linkcode Future} for it. */
  // deno-lint-ignore no-explicit-any
  abstract submit<A extends any[], R>(fn: (...args: A) => R, ...args: A): Future<Awaited<R>>;

  /**
   * Python's `map(fn, *iterables, timeout=None, chunksize=1)`: submits every
   * call at once and yields the results in order. A trailing plain object is
   * the options. Leaving the loop early cancels the calls not started.
   */
  // deno-lint-ignore no-explicit-any
  map<R>(fn: (...args: any[]) => R, ...iterablesAndOptions: unknown[]): AsyncGenerator<Awaited<R>> {
    let options: MapOptions = {};
    const iterables = iterablesAndOptions.slice();
    if (iterables.length > 0 && isMapOptions(iterables.at(-1))) {
      options = iterables.pop() as MapOptions;
    }
    if (iterables.length === 0) throw new TypeError("map() needs at least one iterable");
    const chunksize = options.chunksize ?? 1;
    if (!Number.isInteger(chunksize) || chunksize < 1) {
      throw new RangeError(`chunksize must be a positive integer: got ${String(chunksize)}`);
    }
    const argLists = zip(iterables as Iterable<unknown>[]);
    const deadline = options.timeout === undefined || options.timeout === null
      ? undefined
      : performance.now() + waitMs(options.timeout);
    const parts: MapPart[] = [];
    if (chunksize === 1 || !this._mapChunk) {
      for (const args of argLists) {
        const f = this.submit(fn, ...args);
        parts.push({ future: f as Future<unknown>, single: true });
      }
    } else {
      // One iterable: a chunk is its items (`fn(item)`; numbers then travel
      // packed), else argument lists (`fn(...args)`).
      const star = iterables.length > 1;
      const items = star ? argLists : argLists.map((args) => args[0]);
      for (let i = 0; i < items.length; i += chunksize) {
        parts.push({
          future: this._mapChunk(fn, items.slice(i, i + chunksize), star) as Future<unknown>,
          single: false,
        });
      }
    }
    return new MapResults(parts, deadline) as unknown as AsyncGenerator<Awaited<R>>;
  }

  /**
   * @internal Runs a chunk of calls as one job (ProcessPoolExecutor):
   * `fn(item)` for each item, or `fn(...item)` with `star`.
   */
  protected _mapChunk?(fn: AnyFunction, items: unknown[], star: boolean): Future<unknown[]>;

  /**
   * Python's `shutdown(wait=True, *, cancel_futures=False)`: no new calls are
   * accepted; resolves once the pending calls are done and the workers have
   * stopped (immediately with `wait: false`).
   */
  abstract shutdown(waitOrOptions?: boolean | ShutdownOptions): Promise<void>;

  /** `await using executor = ...` shuts it down and waits (Python's `with`). */
  [Symbol.asyncDispose](): Promise<void> {
    return this.shutdown(true);
  }
}

function zip(iterables: Iterable<unknown>[]): unknown[][] {
  const iterators = iterables.map((it) => {
    if (it === null || it === undefined || typeof it[Symbol.iterator] !== "function") {
      throw new TypeError(`map() arguments must be iterable: got ${String(it)}`);
    }
    return it[Symbol.iterator]();
  });
  const out: unknown[][] = [];
  for (;;) {
    const args: unknown[] = [];
    for (const it of iterators) {
      const step = it.next();
      if (step.done) return out;
      args.push(step.value);
    }
    out.push(args);
  }
}

interface MapPart {
  readonly future: Future<unknown>;
  /** One result (else a chunk: a list of results). */
  readonly single: boolean;
}

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

/**
 * The iterator `map` returns: results in order, a chunk's results one by one.
 * A hand-written async iterator rather than an async generator: a generator's
 * `yield` costs several promise hops per item (~4× slower over a chunk of
 * 100k numbers). Leaving the loop early (`return()`), or an error, cancels the
 * calls not started yet, as Python's `map` does when its generator is closed.
 */
class MapResults implements AsyncGenerator<unknown, undefined> {
  readonly #parts: MapPart[];
  readonly #deadline: number | undefined;
  /** The next part to wait for. */
  #part = 0;
  /** The results of the current chunk, and the next one to give. */
  #items: ArrayLike<unknown> | undefined;
  #at = 0;
  #finished = false;
  /** A wait for a part in progress: later `next()` calls queue behind it. */
  #busy: Promise<unknown> | undefined;

  constructor(parts: MapPart[], deadline: number | undefined) {
    this.#parts = parts;
    this.#deadline = deadline;
  }

  next(): Promise<IteratorResult<unknown, undefined>> {
    if (this.#busy) return this.#busy.then(() => this.next(), () => this.next());
    const items = this.#items;
    if (items !== undefined && this.#at < items.length) {
      return Promise.resolve({ value: items[this.#at++], done: false });
    }
    this.#items = undefined;
    const fetching = this.#fetch();
    this.#busy = fetching;
    const clear = () => {
      if (this.#busy === fetching) this.#busy = undefined;
    };
    fetching.then(clear, clear);
    return fetching;
  }

  async #fetch(): Promise<IteratorResult<unknown, undefined>> {
    for (;;) {
      if (this.#finished) return DONE;
      if (this.#part >= this.#parts.length) {
        this.#finished = true;
        return DONE;
      }
      const part = this.#parts[this.#part++];
      let value: unknown;
      try {
        value = await this.#result(part.future);
      } catch (error) {
        this.#close();
        throw error;
      }
      if (part.single) return { value, done: false };
      const items = value as ArrayLike<unknown>;
      if (items.length > 0) {
        this.#items = items;
        this.#at = 1;
        return { value: items[0], done: false };
      }
    }
  }

  #result(future: Future<unknown>): Promise<unknown> {
    if (this.#deadline === undefined) return future.result();
    const left = this.#deadline - performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      future.result(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError()), Math.max(0, left));
      }),
    ]).finally(() => clearTimeout(timer));
  }

  /** Ends the iteration and cancels the calls of the parts not reached. */
  #close(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#items = undefined;
    for (let j = this.#part; j < this.#parts.length; j++) this.#parts[j].future.cancel();
  }

  return(value?: undefined | PromiseLike<undefined>): Promise<IteratorResult<unknown, undefined>> {
    this.#close();
    return Promise.resolve(value).then((v) => ({ value: v, done: true as const }));
  }

  throw(error?: unknown): Promise<IteratorResult<unknown, undefined>> {
    this.#close();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }
}

/** What the pool executors share (internal). */
export interface PoolExecutorOptions {
  /** The most workers. */
  maxWorkers?: number | null;
  /** Runs in each worker before its first call (shipped like the calls). */
  // deno-lint-ignore no-explicit-any
  initializer?: ((...args: any[]) => unknown) | null;
  /** Arguments of the initializer. */
  initargs?: readonly unknown[];
  /**
   * The module that exports the functions you submit (default: the program's
   * main module). Functions are shipped Python-spawn style: an exported
   * function is imported by name in the worker; a function that is not
   * exported travels as source text and must be self-contained.
   */
  module?: string | URL;
}

const SINGLE_CALL = { chunk: false, star: false } as const;

/**
 * @internal Drives a {@linkcode PoolEngine} for an executor: futures,
 * shutdown, breakage.
 */
export class EngineDriver {
  readonly engine: PoolEngine;
  readonly futures = new Set<Future<unknown>>();
  #brokenType: (message: string, options?: { cause?: unknown }) => Error;

  constructor(
    engine: PoolEngine,
    brokenType: (message: string, options?: { cause?: unknown }) => Error,
  ) {
    this.engine = engine;
    this.#brokenType = brokenType;
  }

  submit<R>(fn: AnyFunction, args: unknown[], chunk = false, star = false): Future<R> {
    if (typeof fn !== "function") {
      throw new TypeError(`submit() needs a function to run: got ${typeof fn}`);
    }
    const broken = this.engine.broken;
    if (broken) throw broken;
    if (this.engine.closed) throw new RuntimeError("cannot schedule new futures after shutdown");
    const future = new Future<R>();
    const options = chunk || star ? { chunk, star } : SINGLE_CALL;
    const job: Job = this.engine.submit(fn, args, options, (outcome) => {
      if (future.done()) return;
      if (outcome.ok) future.setResult(outcome.value as R);
      else future.setException(outcome.error);
    });
    future._attach(job, this.futures);
    return future;
  }

  async shutdown(waitOrOptions: boolean | ShutdownOptions | undefined): Promise<void> {
    const options = typeof waitOrOptions === "boolean"
      ? { wait: waitOrOptions }
      : (waitOrOptions ?? {});
    const wait = options.wait ?? true;
    if (options.cancelFutures) {
      for (const f of [...this.futures]) f.cancel();
    }
    const stopped = this.engine.shutdown(false);
    if (wait) await stopped;
  }

  brokenError(message: string, cause?: unknown): Error {
    return this.#brokenType(message, cause === undefined ? undefined : { cause });
  }
}
