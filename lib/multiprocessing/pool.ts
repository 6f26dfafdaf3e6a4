/**
 * `multiprocessing.Pool` and its `AsyncResult`. Ports CPython's
 * `Lib/multiprocessing/pool.py`.
 *
 * In this port a pool process is a worker with a process's identity (named
 * `SpawnPoolWorker-N`). A function given to the pool is shipped like a
 * `Process` target (spawn start method): an exported function of an importable
 * module (the main module by default, or the `module` option), or a
 * self-contained function as source. Python's blocking calls (`apply`, `map`,
 * `get`, `join`) return promises.
 *
 * @module
 */

import { TimeoutError } from "../exceptions.ts";
import { waitMs } from "../_internal/clock.ts";
import { ValueError } from "../exceptions.ts";
import { cpuCount } from "../_internal/runtime.ts";
import { childIdentity, nextChildIdentity } from "../_internal/identity.ts";
import { type Job, type JobOutcome, PoolEngine } from "../_internal/pool_engine.ts";

// deno-lint-ignore no-explicit-any
type AnyFunction = (...args: any[]) => unknown;

/** Options of {@linkcode Pool} (Python's keyword arguments). */
export interface PoolOptions {
  /** The number of worker processes (default `cpuCount()`). */
  processes?: number | null;
  /** Runs in each worker when it starts (shipped like the tasks). */
  initializer?: AnyFunction | null;
  /** Arguments of the initializer. */
  initargs?: readonly unknown[];
  /** A worker is replaced after this many tasks (a chunk counts as one); default: never. */
  maxtasksperchild?: number | null;
  /**
   * The module that exports the functions you pass (default: the program's
   * main module). Not-exported, self-contained functions travel as source.
   */
  module?: string | URL;
}

/** Options of {@linkcode Pool.applyAsync} and the `…Async` maps. */
export interface AsyncOptions<R> {
  /** Called with the result when it is ready (Python's `callback`). */
  callback?: ((result: R) => void) | null;
  /** Called with the error when the call fails (Python's `error_callback`). */
  errorCallback?: ((error: unknown) => void) | null;
}

/** Options of {@linkcode Pool.apply} and {@linkcode Pool.applyAsync}: a limit on the call. */
export interface CallLimitOptions {
  /**
   * Seconds the call may take, counted from `applyAsync` (time waiting for a
   * free worker included; a pyconc extension): then it is stopped — the
   * worker running it is terminated and replaced — and the result fails with
   * `TimeoutError`. Unlike `get(timeout)`, which only stops waiting.
   */
  timeout?: number | null;
  /**
   * Stops the call the same way when the signal aborts (a pyconc extension);
   * the result fails with `signal.reason`.
   */
  signal?: AbortSignal | null;
}

/** Options of {@linkcode Pool.applyAsync}. */
export interface ApplyAsyncOptions<R> extends AsyncOptions<R>, CallLimitOptions {}

/**
 * The result of an asynchronous pool call. Ports
 * `multiprocessing.pool.AsyncResult`.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * await using pool = new multiprocessing.Pool(1);
 * const result = pool.applyAsync((x: number) => x * x, [7]);
 * await result.wait();
 * console.assert(result.ready() && result.successful() && (await result.get()) === 49);
 * ```
 */
export class AsyncResult<R = unknown> {
  #ready = false;
  #ok = false;
  #value: R | undefined;
  #error: unknown;
  #waiters: (() => void)[] = [];
  readonly #callback: ((result: R) => void) | null | undefined;
  readonly #errorCallback: ((error: unknown) => void) | null | undefined;

  /** @internal Created by the pool. */
  constructor(options: AsyncOptions<R> = {}) {
    this.#callback = options.callback;
    this.#errorCallback = options.errorCallback;
  }

  /** @internal Settles the result (once) and runs the callback. */
  _set(outcome: JobOutcome): void {
    if (this.#ready) return;
    this.#ready = true;
    this.#ok = outcome.ok;
    if (outcome.ok) this.#value = outcome.value as R;
    else this.#error = outcome.error;
    try {
      if (outcome.ok) this.#callback?.(this.#value as R);
      else this.#errorCallback?.(this.#error);
    } catch (error) {
      console.error("Exception in a pool callback:", error);
    }
    for (const waiter of this.#waiters.splice(0)) waiter();
  }

  /** True once the call has finished. */
  ready(): boolean {
    return this.#ready;
  }

  /**
   * True if the call finished without raising. Throws `ValueError` if it is not
   * ready yet (as Python does).
   */
  successful(): boolean {
    if (!this.#ready) throw new ValueError(`${this} not ready`);
    return this.#ok;
  }

  /**
   * Waits until the result is ready or `timeout` seconds pass (no error on
   * timeout, as in Python).
   * @param timeout Seconds; null or undefined: no limit.
   */
  wait(timeout?: number | null): Promise<void> {
    if (this.#ready) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waiter = () => {
        if (timer !== undefined) clearTimeout(timer);
        resolve();
      };
      this.#waiters.push(waiter);
      if (timeout !== undefined && timeout !== null) {
        timer = setTimeout(() => {
          const i = this.#waiters.indexOf(waiter);
          if (i >= 0) this.#waiters.splice(i, 1);
          resolve();
        }, waitMs(timeout));
      }
    });
  }

  /**
   * The result: waits up to `timeout` seconds, then rejects with
   * `TimeoutError`; rejects with the call's error if it raised.
   * @param timeout Seconds; null or undefined: no limit.
   */
  async get(timeout?: number | null): Promise<R> {
    await this.wait(timeout);
    if (!this.#ready) throw new TimeoutError();
    if (!this.#ok) throw this.#error;
    return this.#value as R;
  }

  /** Python-style repr. */
  toString(): string {
    const state = this.#ready ? (this.#ok ? "ready, successful" : "ready, failed") : "pending";
    return `<AsyncResult [${state}]>`;
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

/** Stops `job` (terminating its worker if it runs) after `timeout` seconds or when `signal` aborts. */
function limitCall<R>(
  job: Job,
  result: AsyncResult<R>,
  timeout: number | null,
  signal: AbortSignal | null,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onAbort = () => stop(signal!.reason);
  const cleanup = () => {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  };
  const stop = (error: unknown) => {
    cleanup();
    if (!result.ready() && job.abort()) result._set({ ok: false, error });
  };
  if (timeout !== null) {
    timer = setTimeout(
      () => stop(new TimeoutError(`the call did not finish within ${timeout} s`)),
      waitMs(timeout),
    );
  }
  signal?.addEventListener("abort", onAbort, { once: true });
  result.wait().then(cleanup);
}

type State = "RUN" | "CLOSE" | "TERMINATE";

function checkChunksize(chunksize: unknown): number | undefined {
  if (chunksize === undefined || chunksize === null) return undefined;
  if (typeof chunksize !== "number" || !Number.isInteger(chunksize) || chunksize < 1) {
    throw new ValueError(`Chunksize must be 1+, not ${String(chunksize)}`);
  }
  return chunksize;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === "function";
}

function toArray(iterable: Iterable<unknown>, what: string): unknown[] {
  if (
    iterable === null || iterable === undefined ||
    typeof (iterable as Iterable<unknown>)[Symbol.iterator] !== "function"
  ) {
    throw new TypeError(`${what}() needs an iterable: got ${String(iterable)}`);
  }
  return Array.isArray(iterable) ? iterable : [...iterable];
}

/**
 * A pool of worker processes. Ports `multiprocessing.Pool(processes,
 * initializer, initargs, maxtasksperchild)`.
 *
 * All workers start at once and are kept at `processes`: one that retires
 * (`maxtasksperchild`) or dies is replaced; a task whose worker died fails
 * with an error that says so (Python would hang). `map` cuts its input into
 * chunks as Python does (`ceil(len / (4 × processes))` items each); `imap` and
 * `imapUnordered` read their input lazily, a bounded number of chunks ahead.
 * `close()` then `join()` lets the work finish; `terminate()` stops the
 * workers now; `await using pool = new Pool()` terminates at the end of the
 * block, like Python's `with Pool() as pool:`. Idle workers do not keep the
 * program alive.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const pool = new multiprocessing.Pool(2);
 * const squares = await pool.map((x: number) => x * x, [1, 2, 3, 4]);
 * pool.close();
 * await pool.join();
 * console.assert(squares.join() === "1,4,9,16");
 * ```
 */
export class Pool {
  readonly #engine: PoolEngine;
  readonly #processes: number;
  #state: State = "RUN";
  #stopped: Promise<void> | undefined;

  /**
   * Creates the pool and starts its workers.
   * @param processesOrOptions The number of workers, or every option.
   * @param options `initializer`, `initargs`, `maxtasksperchild`, `module`.
   */
  constructor(processesOrOptions?: number | null | PoolOptions, options?: PoolOptions) {
    const opts: PoolOptions = typeof processesOrOptions === "object" && processesOrOptions !== null
      ? processesOrOptions
      : { ...options, processes: processesOrOptions ?? options?.processes };
    const processes = opts.processes ?? cpuCount();
    if (typeof processes !== "number" || !Number.isInteger(processes)) {
      throw new TypeError(`processes must be an integer: got ${String(processes)}`);
    }
    if (processes < 1) throw new ValueError("Number of processes must be at least 1");
    if (
      opts.initializer !== undefined && opts.initializer !== null &&
      typeof opts.initializer !== "function"
    ) {
      throw new TypeError("initializer must be a callable");
    }
    const maxTasks = opts.maxtasksperchild;
    if (maxTasks !== undefined && maxTasks !== null) {
      if (!Number.isInteger(maxTasks) || maxTasks < 1) {
        throw new ValueError("maxtasksperchild must be a positive int or None");
      }
    }
    this.#processes = processes;
    const identities = new Map<number, number[]>();
    this.#engine = new PoolEngine({
      maxWorkers: processes,
      workerName: (i) => {
        const id = nextChildIdentity();
        identities.set(i, id);
        return `SpawnPoolWorker-${id.join(":")}`;
      },
      workerInfo: (name, i) => {
        const processIdentity = identities.get(i);
        identities.delete(i);
        return {
          identity: childIdentity({ kind: "process", name, processIdentity, daemon: true }),
        };
      },
      initializer: opts.initializer ?? null,
      initargs: opts.initargs ?? [],
      module: opts.module,
      maxTasksPerWorker: maxTasks ?? null,
      eager: true,
      onDeath: "replace",
      brokenError: (_kind, detail, cause) =>
        new Error(`The pool cannot run tasks: ${detail}`, { cause }),
    });
  }

  /** The number of worker processes. */
  get processes(): number {
    return this.#processes;
  }

  #check(): void {
    if (this.#state !== "RUN") throw new ValueError("Pool not running");
    const broken = this.#engine.broken;
    if (broken) throw broken;
  }

  #run<R>(
    fn: AnyFunction,
    args: unknown[],
    result: AsyncResult<R>,
    chunk = false,
    star = false,
  ): Job {
    if (typeof fn !== "function") {
      throw new TypeError(`Expected a function to run in the pool: got ${typeof fn}`);
    }
    return this.#engine.submit(fn, args, { chunk, star }, (outcome) => result._set(outcome));
  }

  /**
   * Calls `fn(...args)` in a worker and resolves with its result (Python's
   * `apply`, which blocks).
   * @param options `timeout` / `signal`: stop the call (pyconc extensions,
   * see {@linkcode CallLimitOptions}).
   */
  apply<A extends unknown[], R>(
    fn: (...args: A) => R,
    args?: A,
    options: CallLimitOptions = {},
  ): Promise<Awaited<R>> {
    return this.applyAsync(fn, args, { timeout: options.timeout, signal: options.signal }).get();
  }

  /**
   * Calls `fn(...args)` in a worker; returns an {@linkcode AsyncResult}.
   * Python's `apply_async(func, args, kwds, callback, error_callback)`.
   *
   * `timeout` and `signal` (pyconc extensions) stop the call when it takes too
   * long or is no longer wanted, even while it runs: its worker is terminated
   * and replaced, the tasks queued behind it move to other workers, and the
   * result fails with `TimeoutError` or `signal.reason`. As with
   * `Process.terminate()`, the call's `finally` blocks do not run.
   *
   * @example A per-call timeout
   * ```ts
   * import { multiprocessing } from "@pyconc/pyconc";
   *
   * await using pool = new multiprocessing.Pool(1);
   * const never = () => new Promise<void>(() => {});
   * const result = pool.applyAsync(never, [], { timeout: 0.2 });
   * await result.wait();
   * console.assert(!result.successful());
   * ```
   */
  applyAsync<A extends unknown[], R>(
    fn: (...args: A) => R,
    args?: A,
    options: ApplyAsyncOptions<Awaited<R>> = {},
  ): AsyncResult<Awaited<R>> {
    this.#check();
    if (args !== undefined && !Array.isArray(args)) {
      throw new TypeError(`applyAsync() args must be an array: got ${typeof args}`);
    }
    const { timeout, signal } = options;
    if (timeout !== undefined && timeout !== null) {
      if (typeof timeout !== "number" || !(timeout >= 0)) {
        throw new ValueError(`timeout must be a non-negative number of seconds: got ${timeout}`);
      }
    }
    if (signal !== undefined && signal !== null && !(signal instanceof AbortSignal)) {
      throw new TypeError(`signal must be an AbortSignal: got ${String(signal)}`);
    }
    const result = new AsyncResult<Awaited<R>>(options);
    if (signal?.aborted) {
      result._set({ ok: false, error: signal.reason });
      return result;
    }
    const job = this.#run(fn, args ?? [], result);
    if ((timeout !== undefined && timeout !== null) || signal) {
      limitCall(job, result, timeout ?? null, signal ?? null);
    }
    return result;
  }

  #defaultChunksize(length: number): number {
    if (length === 0) return 0;
    return Math.ceil(length / (this.#processes * 4));
  }

  #mapAsync<R>(
    fn: AnyFunction,
    items: unknown[],
    chunksize: number | undefined,
    star: boolean,
    options: AsyncOptions<R[]>,
  ): AsyncResult<R[]> {
    this.#check();
    const size = chunksize ?? this.#defaultChunksize(items.length);
    const result = new AsyncResult<R[]>(options);
    if (items.length === 0) {
      result._set({ ok: true, value: [] });
      return result;
    }
    const chunks = Math.ceil(items.length / size);
    const out = new Array<R>(items.length);
    let left = chunks;
    for (let c = 0; c < chunks; c++) {
      const start = c * size;
      const part = new AsyncResult<R[]>();
      this.#run(fn, items.slice(start, start + size), part, true, star);
      part.wait().then(async () => {
        if (!part.successful()) {
          result._set({ ok: false, error: await part.get().catch((e) => e) });
          return;
        }
        const values = await part.get();
        for (let i = 0; i < values.length; i++) out[start + i] = values[i];
        if (--left === 0) result._set({ ok: true, value: out });
      });
    }
    return result;
  }

  /**
   * Applies `fn` to every item, in chunks; resolves with the results in
   * order. Python's `map(func, iterable, chunksize)`.
   */
  map<T, R>(fn: (item: T) => R, iterable: Iterable<T>, chunksize?: number): Promise<Awaited<R>[]> {
    return this.mapAsync(fn, iterable, chunksize).get();
  }

  /** Python's `map_async(func, iterable, chunksize, callback, error_callback)`. */
  mapAsync<T, R>(
    fn: (item: T) => R,
    iterable: Iterable<T>,
    chunksize?: number | null,
    options: AsyncOptions<Awaited<R>[]> = {},
  ): AsyncResult<Awaited<R>[]> {
    const items = toArray(iterable, "map");
    return this.#mapAsync(fn, items, checkChunksize(chunksize), false, options);
  }

  /**
   * Like `map`, but each item is an argument list: `fn(...item)`. Python's
   * `starmap(func, iterable, chunksize)`.
   */
  starmap<A extends unknown[], R>(
    fn: (...args: A) => R,
    iterable: Iterable<A>,
    chunksize?: number,
  ): Promise<Awaited<R>[]> {
    return this.starmapAsync(fn, iterable, chunksize).get();
  }

  /** Python's `starmap_async(func, iterable, chunksize, callback, error_callback)`. */
  starmapAsync<A extends unknown[], R>(
    fn: (...args: A) => R,
    iterable: Iterable<A>,
    chunksize?: number | null,
    options: AsyncOptions<Awaited<R>[]> = {},
  ): AsyncResult<Awaited<R>[]> {
    const items = toArray(iterable, "starmap");
    for (const item of items) {
      if (!Array.isArray(item)) {
        throw new TypeError(`starmap() items must be argument arrays: got ${typeof item}`);
      }
    }
    return this.#mapAsync(fn, items, checkChunksize(chunksize), true, options);
  }

  /**
   * A lazy `map`: yields results in order as they are ready. The input (an
   * iterable or async iterable) is read only a bounded number of chunks ahead.
   * Python's `imap(func, iterable, chunksize=1)`.
   */
  imap<T, R>(
    fn: (item: T) => R,
    iterable: Iterable<T> | AsyncIterable<T>,
    chunksize = 1,
  ): AsyncGenerator<Awaited<R>, void, undefined> {
    this.#check();
    return this.#imap(fn, iterable, checkChunksize(chunksize) ?? 1, true) as AsyncGenerator<
      Awaited<R>,
      void,
      undefined
    >;
  }

  /**
   * Like {@linkcode Pool.imap}, but yields results in the order they finish.
   * Python's `imap_unordered(func, iterable, chunksize=1)`.
   */
  imapUnordered<T, R>(
    fn: (item: T) => R,
    iterable: Iterable<T> | AsyncIterable<T>,
    chunksize = 1,
  ): AsyncGenerator<Awaited<R>, void, undefined> {
    this.#check();
    return this.#imap(fn, iterable, checkChunksize(chunksize) ?? 1, false) as AsyncGenerator<
      Awaited<R>,
      void,
      undefined
    >;
  }

  async *#imap(
    fn: AnyFunction,
    iterable: Iterable<unknown> | AsyncIterable<unknown>,
    chunksize: number,
    ordered: boolean,
  ): AsyncGenerator<unknown, void, undefined> {
    if (typeof fn !== "function") {
      throw new TypeError(`Expected a function to run in the pool: got ${typeof fn}`);
    }
    const iterator = isAsyncIterable(iterable)
      ? iterable[Symbol.asyncIterator]()
      : toIterator(iterable);
    const window = Math.max(2, this.#processes * 2);
    const inflight: AsyncResult<unknown[]>[] = [];
    const finished: AsyncResult<unknown[]>[] = [];
    let exhausted = false;
    let wake: (() => void) | undefined;
    const fill = async () => {
      while (!exhausted && inflight.length < window) {
        const chunk: unknown[] = [];
        while (chunk.length < chunksize) {
          const step = await iterator.next();
          if (step.done) {
            exhausted = true;
            break;
          }
          chunk.push(step.value);
        }
        if (chunk.length === 0) break;
        if (this.#state === "TERMINATE") throw new ValueError("Pool not running");
        const part = new AsyncResult<unknown[]>({
          callback: () => {
            finished.push(part);
            wake?.();
          },
          errorCallback: () => {
            finished.push(part);
            wake?.();
          },
        });
        this.#run(fn, chunk, part, true, false);
        inflight.push(part);
      }
    };
    await fill();
    while (inflight.length > 0) {
      let next: AsyncResult<unknown[]>;
      if (ordered) {
        next = inflight[0];
        await next.wait();
        inflight.shift();
      } else {
        while (finished.length === 0) await new Promise<void>((r) => wake = r);
        next = finished.shift()!;
        inflight.splice(inflight.indexOf(next), 1);
      }
      if (ordered) finished.splice(finished.indexOf(next), 1);
      const values = await next.get();
      await fill();
      yield* values;
    }
  }

  /** Stops taking tasks; the workers exit once the queued tasks are done. */
  close(): void {
    if (this.#state === "RUN") {
      this.#state = "CLOSE";
      this.#stopped = this.#engine.shutdown(false);
    }
  }

  /** Stops the workers now; unfinished tasks fail. */
  terminate(): Promise<void> {
    if (this.#state !== "TERMINATE") {
      this.#state = "TERMINATE";
      this.#stopped = this.#engine.terminate(new Error("The pool was terminated"));
    }
    return this.#stopped!;
  }

  /**
   * Waits for the workers to exit; call `close()` or `terminate()` first
   * (else `ValueError`, as in Python).
   */
  join(): Promise<void> {
    if (this.#state === "RUN") throw new ValueError("Pool is still running");
    return this.#stopped!;
  }

  /** `await using pool = new Pool()`: terminates at the end of the block (Python's `with`). */
  [Symbol.asyncDispose](): Promise<void> {
    return this.terminate();
  }

  /** Python-style repr: `<Pool state=RUN pool_size=4>`. */
  toString(): string {
    return `<multiprocessing.pool.Pool state=${this.#state} pool_size=${this.#processes}>`;
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

function toIterator(iterable: Iterable<unknown>): Iterator<unknown> {
  if (
    iterable === null || iterable === undefined ||
    typeof (iterable as Iterable<unknown>)[Symbol.iterator] !== "function"
  ) {
    throw new TypeError(`imap() needs an iterable: got ${String(iterable)}`);
  }
  return iterable[Symbol.iterator]();
}
