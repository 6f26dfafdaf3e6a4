/**
 * `contextvars.ContextVar` and `Token`. Ports Python's `ContextVar`
 * (`name`, `get`, `set`, `reset`) and `Token` (`var`, `oldValue`, `MISSING`).
 *
 * @module
 */

import {
  _contextForSet,
  _currentData,
  type Context,
  currentContext,
  LookupError,
} from "./context.ts";

const inspectDeno = Symbol.for("Deno.customInspect");
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

/**
 * The marker for "no value": a {@linkcode Token}'s `oldValue` when the variable
 * had no value before `set` (Python's `Token.MISSING`).
 *
 * @example Usage
 * ```ts
 * import { contextvars } from "@pyconc/pyconc";
 *
 * const v = new contextvars.ContextVar<number>("v");
 * console.assert(v.set(1).oldValue === contextvars.MISSING);
 * ```
 */
export const MISSING: unique symbol = Symbol("Token.MISSING");

/** The type of {@linkcode MISSING}. */
export type Missing = typeof MISSING;

/** Options of {@linkcode ContextVar}. */
export interface ContextVarOptions<T> {
  /** The value `get()` returns when the variable has no value (Python's `default=`). */
  default?: T;
}

/**
 * A context variable (Python's `contextvars.ContextVar`). Its value depends on
 * the current {@linkcode Context}: each asyncio task sees its own.
 *
 * @example Usage
 * ```ts
 * import { contextvars } from "@pyconc/pyconc";
 *
 * const requestId = new contextvars.ContextVar<number>("request_id", { default: 0 });
 * const token = requestId.set(42);
 * console.assert(requestId.get() === 42);
 * requestId.reset(token);
 * console.assert(requestId.get() === 0);
 * ```
 */
export class ContextVar<T> {
  readonly #name: string;
  readonly #hasDefault: boolean;
  readonly #default: T | undefined;

  /**
   * Creates a variable.
   * @param name Its name, for debugging (Python's `name`).
   * @param options `{ default }`: the value when the variable is not set.
   */
  constructor(name: string, options: ContextVarOptions<T> = {}) {
    if (typeof name !== "string") {
      throw new TypeError(`ContextVar name must be a string: got ${typeof name}`);
    }
    this.#name = name;
    this.#hasDefault = options !== null && typeof options === "object" && "default" in options;
    this.#default = this.#hasDefault ? options.default : undefined;
  }

  /** The variable's name. */
  get name(): string {
    return this.#name;
  }

  /**
   * The value in the current context; else `defaultValue` when given; else the
   * variable's default; else throws `LookupError` (Python's `ContextVar.get`).
   *
   * @example Usage
   * ```ts
   * import { contextvars } from "@pyconc/pyconc";
   *
   * const v = new contextvars.ContextVar<number>("v");
   * console.assert(v.get(3) === 3);
   * ```
   */
  get(): T;
  /**
   * The value in the current context, else `defaultValue` (Python's
   * `ContextVar.get(default)`).
   *
   * @example Usage
   * ```ts
   * import { contextvars } from "@pyconc/pyconc";
   *
   * console.assert(new contextvars.ContextVar<number>("v").get(1) === 1);
   * ```
   */
  get<D>(defaultValue: D): T | D;
  get<D>(...args: [D?]): T | D {
    const data = _currentData() as Map<ContextVar<T>, T>;
    if (data.has(this)) return data.get(this)!;
    if (args.length > 0) return args[0] as D;
    if (this.#hasDefault) return this.#default as T;
    throw new LookupError(`${this}`);
  }

  /**
   * Sets the value in the current context and returns a {@linkcode Token}
   * that `reset` takes to restore the previous value (Python's
   * `ContextVar.set`). The token is also `Disposable`: `using _ = v.set(x)`
   * resets at the end of the block (Python 3.14's `with v.set(x):`).
   *
   * @example Usage
   * ```ts
   * import { contextvars } from "@pyconc/pyconc";
   *
   * const v = new contextvars.ContextVar<string>("v", { default: "x" });
   * {
   *   using _ = v.set("y");
   *   console.assert(v.get() === "y");
   * }
   * console.assert(v.get() === "x");
   * ```
   */
  set(value: T): Token<T> {
    const ctx = _contextForSet();
    const data = ctx._data as Map<ContextVar<T>, T>;
    const old = data.has(this) ? data.get(this)! : MISSING;
    const next = new Map(data);
    next.set(this, value);
    ctx._data = next as Map<ContextVar<unknown>, unknown>;
    return new Token(ctx, this, old);
  }

  /**
   * Restores the value the variable had before the `set` that returned
   * `token` (Python's `ContextVar.reset`).
   *
   * @throws {Error} RuntimeError: the token was already used.
   * @throws {RangeError} ValueError: the token belongs to another variable or
   * was created in another context.
   *
   * @example Usage
   * ```ts
   * import { contextvars } from "@pyconc/pyconc";
   *
   * const v = new contextvars.ContextVar<number>("v");
   * v.reset(v.set(1));
   * console.assert(v.get(undefined) === undefined);
   * ```
   */
  reset(token: Token<T>): void {
    if (!(token instanceof Token)) {
      throw new TypeError(`expected an instance of Token: got ${String(token)}`);
    }
    if (token._used) throw new Error(`${token} has already been used once`);
    if (token.var !== this) throw new RangeError(`${token} was created by a different ContextVar`);
    const ctx = currentContext();
    if (token._context !== ctx) throw new RangeError(`${token} was created in a different Context`);
    const next = new Map(ctx._data as Map<ContextVar<T>, T>);
    if (token.oldValue === MISSING) next.delete(this);
    else next.set(this, token.oldValue as T);
    ctx._data = next as Map<ContextVar<unknown>, unknown>;
    token._used = true;
  }

  /** `<ContextVar name='x' default=1>`. */
  toString(): string {
    const dflt = this.#hasDefault ? ` default=${String(this.#default)}` : "";
    return `<ContextVar name='${this.#name}'${dflt}>`;
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
 * What `ContextVar.set` returns: the variable and its previous value, for
 * `reset` (Python's `contextvars.Token`). Disposable: disposing resets.
 *
 * @example Usage
 * ```ts
 * import { contextvars } from "@pyconc/pyconc";
 *
 * const v = new contextvars.ContextVar<number>("v", { default: 1 });
 * const token = v.set(2);
 * console.assert(token.var === v && token.oldValue === contextvars.MISSING);
 * ```
 */
export class Token<T> {
  /** Marker for "the variable had no value" (Python's `Token.MISSING`). */
  static readonly MISSING: Missing = MISSING;
  /** The variable that was set. */
  readonly var: ContextVar<T>;
  /** Its value before the `set`, or `MISSING`. */
  readonly oldValue: T | Missing;
  /** @internal The context the `set` ran in. */
  readonly _context: Context;
  /** @internal Whether `reset` consumed the token. */
  _used = false;

  /** @internal Tokens come from `ContextVar.set`. */
  constructor(context: Context, variable: ContextVar<T>, oldValue: T | Missing) {
    this._context = context;
    this.var = variable;
    this.oldValue = oldValue;
  }

  /** Resets the variable (Python 3.14's `with var.set(x):`). */
  [Symbol.dispose](): void {
    if (!this._used) this.var.reset(this);
  }

  /** `<Token var=<ContextVar name='x'>>`. */
  toString(): string {
    return `<Token${this._used ? " used" : ""} var=${this.var}>`;
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
