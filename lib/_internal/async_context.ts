/**
 * Async context for asyncio and contextvars: one `AsyncLocalStorage` (from
 * `node:async_hooks`, reached through `process.getBuiltinModule` on Deno, Node
 * and Bun) whose store follows every `await`, including the `then` call that
 * `await` makes on a thenable. asyncio keeps the current task and the current
 * `contextvars.Context` in it.
 *
 * Where the runtime has no `AsyncLocalStorage` (browsers), a synchronous
 * fallback keeps the store only while the function given to `run` executes;
 * then a task's store is lost after its first `await`, and cancellation reaches
 * only pyconc awaits made in a task's first step.
 *
 * `PYCONC_ASYNC_CONTEXT=off` forces that fallback, to measure what tracking
 * costs (bench/asyncio does).
 *
 * Also here: `macrotask`, the runtime's cheapest "after I/O and timers" hook,
 * which `asyncio.sleep(0)` uses for one full loop turn.
 *
 * @module
 */

// deno-lint-ignore-file no-explicit-any

import { getEnv } from "./runtime.ts";

const g = globalThis as any;

/** The async-context store asyncio and contextvars share. */
export interface Frame {
  /**
   * The current `contextvars.Context`; undefined for a task created while no
   * context variable had ever been set: its (empty) context is made on first
   * use (copy-on-write).
   */
  context: unknown;
  /** The current asyncio task, if any. */
  readonly task: unknown;
}

/** Minimal `AsyncLocalStorage` surface. */
export interface AsyncLocal<T> {
  /** The store of the current async context, or undefined. */
  getStore(): T | undefined;
  /** Runs `fn(...args)` with `store` as the store of its async context. */
  run<R, A extends unknown[]>(store: T, fn: (...args: A) => R, ...args: A): R;
}

function loadAsyncLocalStorage(): (new () => AsyncLocal<any>) | undefined {
  try {
    const getBuiltin = g.process?.getBuiltinModule;
    if (typeof getBuiltin !== "function") return undefined;
    return getBuiltin.call(g.process, "node:async_hooks")?.AsyncLocalStorage;
  } catch {
    return undefined;
  }
}

// PYCONC_ASYNC_CONTEXT=off measures what async-context tracking costs (the
// benchmark sets it); tasks then keep their context only in their first step.
const AsyncLocalStorageClass = getEnv("PYCONC_ASYNC_CONTEXT") === "off"
  ? undefined
  : loadAsyncLocalStorage();

/** True when the store follows `await` (the runtime has `AsyncLocalStorage`). */
export const hasAsyncContext: boolean = AsyncLocalStorageClass !== undefined;

class SyncLocal<T> implements AsyncLocal<T> {
  #store: T | undefined = undefined;
  getStore(): T | undefined {
    return this.#store;
  }
  run<R, A extends unknown[]>(store: T, fn: (...args: A) => R, ...args: A): R {
    const saved = this.#store;
    this.#store = store;
    try {
      return fn(...args);
    } finally {
      this.#store = saved;
    }
  }
}

/** The one store of asyncio tasks and contextvars contexts. */
export const frameStorage: AsyncLocal<Frame> = AsyncLocalStorageClass
  ? new AsyncLocalStorageClass()
  : new SyncLocal<Frame>();

/**
 * Runs `fn` outside any async-context store, so that what it schedules (a
 * microtask, a timer) does not inherit the caller's task or context.
 */
export function runOutside<R>(fn: () => R): R {
  // Not `AsyncLocalStorage.exit`: on Deno 2.9 a microtask queued inside
  // `exit` still sees the outer store; `run(undefined)` works on both.
  // Already outside: no context switch needed (it costs an allocation on Deno).
  if (frameStorage.getStore() === undefined) return fn();
  return frameStorage.run(undefined as unknown as Frame, fn);
}

/**
 * Calls `fn` once after the current macrotask, after pending I/O callbacks
 * (`setImmediate` on Deno/Node/Bun, a `MessageChannel` elsewhere). Never a
 * 1 ms timer.
 */
export const macrotask: (fn: () => void) => void = typeof g.setImmediate === "function"
  ? (fn) => void g.setImmediate(fn)
  : typeof g.MessageChannel === "function"
  ? (() => {
    const channel = new g.MessageChannel();
    const queue: (() => void)[] = [];
    channel.port1.onmessage = () => queue.shift()?.();
    return (fn: () => void) => {
      queue.push(fn);
      channel.port2.postMessage(0);
    };
  })()
  : (fn) => void setTimeout(fn, 0);
