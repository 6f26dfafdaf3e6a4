/**
 * `contextvars.Context`: a mapping of context variables to values, and the
 * machinery that makes one of them current. Ports Python's `Context` and
 * `copy_context()`.
 *
 * The current context lives in async context (`AsyncLocalStorage`), so it
 * follows `await`: code started inside `ctx.run(fn)` keeps seeing `ctx` after
 * every `await`. Each asyncio task runs in its own context, a copy of the one
 * current when the task was created.
 *
 * A context's mapping is copy-on-write: `copy()` is O(1), `ContextVar.set` copies
 * the (small) mapping of the current context once.
 *
 * @module
 */

import { type Frame, frameStorage } from "../_internal/async_context.ts";
import type { ContextVar } from "./context_var.ts";

const inspectDeno = Symbol.for("Deno.customInspect");

// Mappings are never mutated (every change makes a new one), so they can be shared.
const emptyData: Map<ContextVar<unknown>, unknown> = new Map();
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

/**
 * A mapping of {@linkcode ContextVar}s to their values. Ports Python's
 * `contextvars.Context`: `run`, `copy`, `get`, `has` (Python's `in`), `keys`,
 * `values`, `items`, `size` (Python's `len`), iteration over the variables.
 *
 * `new Context()` is empty; {@linkcode copyContext} copies the current one.
 * Variables are changed only through `ContextVar.set` inside `run`.
 *
 * @example Usage
 * ```ts
 * import { contextvars } from "@pyconc/pyconc";
 *
 * const user = new contextvars.ContextVar<string>("user", { default: "nobody" });
 * const ctx = contextvars.copyContext();
 * ctx.run(() => user.set("alice"));
 * console.assert(ctx.get(user) === "alice" && user.get() === "nobody");
 * ```
 */
export class Context {
  /** @internal The mapping; replaced (never mutated) on every change. */
  _data: Map<ContextVar<unknown>, unknown>;
  #entered = false;

  /** Creates an empty context (Python's `Context()`). */
  constructor() {
    this._data = emptyData;
  }

  /**
   * Runs `fn(...args)` with this context as the current one and returns its
   * result (Python's `Context.run`). Changes made by `ContextVar.set` inside go
   * to this context. An async `fn` keeps this context across its `await`s.
   *
   * @throws {Error} RuntimeError: the context is already being run (entered)
   * by a synchronous caller up the stack.
   *
   * @example Usage
   * ```ts
   * import { contextvars } from "@pyconc/pyconc";
   *
   * const v = new contextvars.ContextVar<number>("v", { default: 0 });
   * const ctx = new contextvars.Context();
   * const seen = ctx.run((x: number) => (v.set(x), v.get()), 5);
   * console.assert(seen === 5 && v.get() === 0);
   * ```
   */
  run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): R {
    if (typeof fn !== "function") {
      throw new TypeError(`Context.run() needs a function: got ${typeof fn}`);
    }
    if (this.#entered) {
      throw new Error(`cannot enter context: ${this} is already entered`);
    }
    const task = frameStorage.getStore()?.task;
    this.#entered = true;
    try {
      return frameStorage.run({ context: this, task }, () => fn(...args));
    } finally {
      this.#entered = false;
    }
  }

  /** A shallow copy: same variables and values, changes independent (Python's `Context.copy`).
   *
   * @example Usage
   * ```ts
   * import { contextvars } from "@pyconc/pyconc";
   *
   * const ctx = new contextvars.Context();
   * console.assert(ctx.copy().size === 0);
   * ```
   */
  copy(): Context {
    const ctx = new Context();
    ctx._data = this._data;
    return ctx;
  }

  /**
   * The value of `variable` in this context, or `defaultValue` (Python's
   * `Context.get(var, default=None)`, so `undefined` when absent).
   *
   * @example Usage
   * ```ts
   * import { contextvars } from "@pyconc/pyconc";
   *
   * const v = new contextvars.ContextVar<number>("v");
   * console.assert(new contextvars.Context().get(v, 7) === 7);
   * ```
   */
  get<T, D = undefined>(variable: ContextVar<T>, defaultValue?: D): T | D {
    const data = this._data as Map<ContextVar<T>, T>;
    return data.has(variable) ? data.get(variable)! : defaultValue as D;
  }

  /**
   * The value of `variable`; throws `LookupError` (Python's `KeyError`) when
   * it has none here (Python's `ctx[var]`).
   *
   * @example Usage
   * ```ts
   * import { contextvars } from "@pyconc/pyconc";
   *
   * const v = new contextvars.ContextVar<number>("v");
   * const ctx = new contextvars.Context();
   * ctx.run(() => v.set(1));
   * console.assert(ctx.getItem(v) === 1);
   * ```
   */
  getItem<T>(variable: ContextVar<T>): T {
    const data = this._data as Map<ContextVar<T>, T>;
    if (!data.has(variable)) throw new LookupError(`${variable}`);
    return data.get(variable)!;
  }

  /** Whether `variable` has a value in this context (Python's `var in ctx`).
   *
   * @example Usage
   * ```ts
   * import { contextvars } from "@pyconc/pyconc";
   *
   * const v = new contextvars.ContextVar<number>("v");
   * console.assert(!new contextvars.Context().has(v));
   * ```
   */
  has(variable: ContextVar<unknown>): boolean {
    return this._data.has(variable);
  }

  /** The number of variables with a value (Python's `len(ctx)`). */
  get size(): number {
    return this._data.size;
  }

  /** The variables with a value (Python's `Context.keys`).
   *
   * @example Usage
   * ```ts
   * import { contextvars } from "@pyconc/pyconc";
   *
   * console.assert(new contextvars.Context().keys().length === 0);
   * ```
   */
  keys(): ContextVar<unknown>[] {
    return [...this._data.keys()];
  }

  /** The values (Python's `Context.values`).
   *
   * @example Usage
   * ```ts
   * import { contextvars } from "@pyconc/pyconc";
   *
   * console.assert(new contextvars.Context().values().length === 0);
   * ```
   */
  values(): unknown[] {
    return [...this._data.values()];
  }

  /** `[variable, value]` pairs (Python's `Context.items`).
   *
   * @example Usage
   * ```ts
   * import { contextvars } from "@pyconc/pyconc";
   *
   * console.assert(new contextvars.Context().items().length === 0);
   * ```
   */
  items(): [ContextVar<unknown>, unknown][] {
    return [...this._data.entries()];
  }

  /** Iterates over the variables (Python's `iter(ctx)`). */
  [Symbol.iterator](): IterableIterator<ContextVar<unknown>> {
    return this._data.keys();
  }

  /** `<Context [N vars]>`. */
  toString(): string {
    return `<Context [${this._data.size} var${this._data.size === 1 ? "" : "s"}]${
      this.#entered ? " entered" : ""
    }>`;
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

/**
 * A variable has no value and no default (Python's `LookupError`, and the
 * `KeyError` of `ctx[var]`).
 *
 * @example Usage
 * ```ts
 * import { contextvars } from "@pyconc/pyconc";
 *
 * const v = new contextvars.ContextVar<number>("v");
 * try {
 *   v.get();
 * } catch (e) {
 *   console.assert(e instanceof contextvars.LookupError);
 * }
 * ```
 */
export class LookupError extends Error {
  /**
   * Creates the error.
   * @param message What was looked up.
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
Object.defineProperty(LookupError.prototype, "name", {
  value: "LookupError",
  writable: true,
  configurable: true,
});

/** The context current when no `run` and no task is active. */
const rootContext = new Context();

// Until a context variable is set for the first time every context is empty,
// so a new task needs no copy of its parent's context: its frame's context
// stays undefined and an empty one is made on first use.
let anyVarSet = false;

/** @internal True until the first `ContextVar.set`: every context is still empty. */
export function _noVarEverSet(): boolean {
  return !anyVarSet;
}

/** @internal The current context (made now for a task that has none yet). */
export function currentContext(): Context {
  const frame = frameStorage.getStore();
  if (frame === undefined) return rootContext;
  return (frame.context ??= new Context()) as Context;
}

/** @internal The current context for a change: marks that a variable was set. */
export function _contextForSet(): Context {
  anyVarSet = true;
  return currentContext();
}

/** @internal The current context's mapping (no context is made for it). */
export function _currentData(): Map<ContextVar<unknown>, unknown> {
  const frame = frameStorage.getStore();
  if (frame === undefined) return rootContext._data;
  const ctx = frame.context as Context | undefined;
  return ctx === undefined ? emptyData : ctx._data;
}

/** @internal The current frame (context and task), or undefined at top level. */
export function currentFrame(): Frame | undefined {
  return frameStorage.getStore();
}

/**
 * A copy of the current context (Python's `contextvars.copy_context()`).
 *
 * @example Usage
 * ```ts
 * import { contextvars } from "@pyconc/pyconc";
 *
 * const v = new contextvars.ContextVar<string>("v", { default: "a" });
 * const ctx = contextvars.copyContext();
 * ctx.run(() => v.set("b"));
 * console.assert(v.get() === "a" && ctx.get(v) === "b");
 * ```
 */
export function copyContext(): Context {
  return currentContext().copy();
}
