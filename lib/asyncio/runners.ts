/**
 * `asyncio.run` and `asyncio.Runner`. Ports Python's `asyncio.runners`.
 *
 * @module
 */

import { type Context, copyContext } from "../contextvars/context.ts";
import { _getRunningLoop, EventLoop, setEventLoop } from "./events.ts";
import { gather } from "./gather.ts";
import { allTasks, type Coroutine, Task } from "./tasks.ts";

const inspectDeno = Symbol.for("Deno.customInspect");
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

/** Options of {@linkcode run} and {@linkcode Runner}. */
export interface RunOptions {
  /** Debug mode: slow callbacks are reported (Python's `debug=True`). */
  debug?: boolean;
  /** Makes the loop (Python's `loop_factory`); default `new EventLoop()`. */
  loopFactory?: () => EventLoop;
}

/**
 * Runs `main` in a fresh loop and returns its result (Python's
 * `asyncio.run(main, debug=None)`): `main` runs as a task; when it is done,
 * the tasks still pending are cancelled and awaited, the default executor is
 * shut down, and the loop is closed. Pass a function: `run(() => main())`.
 *
 * @throws {Error} RuntimeError: called while a loop is running (from inside
 * `run`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * async function main(): Promise<string> {
 *   await asyncio.sleep(0.01);
 *   return "hello";
 * }
 *
 * console.assert((await asyncio.run(main)) === "hello");
 * ```
 */
export async function run<T>(main: Coroutine<T>, options: RunOptions = {}): Promise<Awaited<T>> {
  if (_getRunningLoop() !== undefined) {
    throw new Error("asyncio.run() cannot be called from a running event loop");
  }
  const runner = new Runner(options);
  try {
    return await runner.run(main);
  } finally {
    await runner.close();
  }
}

/**
 * Runs several top-level coroutines in one loop (Python's `asyncio.Runner`).
 * `close()` (or `await using`) cancels what is left and closes the loop.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await using runner = new asyncio.Runner();
 * console.assert((await runner.run(async () => 1)) === 1);
 * console.assert((await runner.run(async () => 2)) === 2);
 * ```
 */
export class Runner {
  #options: RunOptions;
  #loop: EventLoop | undefined = undefined;
  #context: Context | undefined = undefined;
  #state: "created" | "initialized" | "closed" = "created";

  /**
   * Creates a runner; the loop is made on first use.
   * @param options `{ debug, loopFactory }`.
   */
  constructor(options: RunOptions = {}) {
    this.#options = options;
  }

  #lazyInit(): EventLoop {
    if (this.#state === "closed") throw new Error("Runner is closed");
    if (this.#state === "initialized") return this.#loop!;
    const loop = this.#options.loopFactory ? this.#options.loopFactory() : new EventLoop();
    if (this.#options.debug !== undefined) loop.setDebug(this.#options.debug);
    setEventLoop(loop);
    this.#loop = loop;
    this.#context = copyContext();
    this.#state = "initialized";
    return loop;
  }

  /** The runner's loop (Python's `Runner.get_loop`). */
  getLoop(): EventLoop {
    return this.#lazyInit();
  }

  /**
   * Runs `coro` as a task in the runner's loop and returns its result
   * (Python's `Runner.run(coro, context=None)`).
   *
   * @throws {Error} RuntimeError: called while a loop is running.
   */
  async run<T>(coro: Coroutine<T>, options: { context?: Context } = {}): Promise<Awaited<T>> {
    if (_getRunningLoop() !== undefined) {
      throw new Error("Runner.run() cannot be called from a running event loop");
    }
    const loop = this.#lazyInit();
    const task = new Task(coro as Coroutine<Awaited<T>>, {
      loop,
      context: options.context ?? this.#context,
    });
    return await loop.runUntilComplete(task);
  }

  /**
   * Cancels the tasks still pending, waits for them, shuts the default
   * executor down and closes the loop (Python's `Runner.close`).
   */
  async close(): Promise<void> {
    if (this.#state !== "initialized") {
      this.#state = "closed";
      return;
    }
    const loop = this.#loop!;
    try {
      await cancelAllTasks(loop);
      await loop.runUntilComplete(() => loop.shutdownDefaultExecutor());
    } finally {
      setEventLoop(null);
      loop.close();
      this.#loop = undefined;
      this.#state = "closed";
    }
  }

  /** `await using runner = new Runner()` closes it at the end of the block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** `<Runner initialized>`. */
  toString(): string {
    return `<Runner ${this.#state}>`;
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

async function cancelAllTasks(loop: EventLoop): Promise<void> {
  const toCancel = [...allTasks(loop)];
  if (toCancel.length === 0) return;
  for (const task of toCancel) task.cancel();
  await loop.runUntilComplete(gather(...toCancel, { returnExceptions: true }));
  for (const task of toCancel) {
    if (task.cancelled()) continue;
    const error = task.exception();
    if (error !== undefined) {
      loop.callExceptionHandler({
        message: "unhandled exception during asyncio.run() shutdown",
        exception: error,
        task,
      });
    }
  }
}
