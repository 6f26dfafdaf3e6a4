/**
 * The async-context slot that tells `gevent` which greenlet is running: an
 * `AsyncLocalStorage` of its own (from `node:async_hooks`, on Deno, Node and
 * Bun), so that `gevent.getcurrent()`, `sleep` and `Timeout` know their
 * greenlet after any `await`. Where the runtime has none (browsers) the slot
 * holds only while a greenlet's first synchronous step runs.
 *
 * @module
 */

// deno-lint-ignore-file no-explicit-any

const g = globalThis as any;

/** Minimal `AsyncLocalStorage` surface. */
export interface Local<T> {
  /** The value for the current async context, or undefined. */
  getStore(): T | undefined;
  /** Runs `fn` with `value` as the store of its async context. */
  run<R>(value: T, fn: () => R): R;
}

class SyncLocal<T> implements Local<T> {
  #value: T | undefined;
  getStore(): T | undefined {
    return this.#value;
  }
  run<R>(value: T, fn: () => R): R {
    const saved = this.#value;
    this.#value = value;
    try {
      return fn();
    } finally {
      this.#value = saved;
    }
  }
}

/** Creates a slot that follows `await` where the runtime allows it. */
export function createLocal<T>(): Local<T> {
  let cls: (new () => Local<T>) | undefined;
  try {
    cls = g.process?.getBuiltinModule?.("node:async_hooks")?.AsyncLocalStorage;
  } catch {
    cls = undefined;
  }
  return cls ? new cls() : new SyncLocal<T>();
}
