/**
 * Python's `contextvars`: context-local state that follows `await` and is
 * copied into every asyncio task.
 *
 * | Python                           | pyconc                                     |
 * | -------------------------------- | ------------------------------------------ |
 * | `ContextVar(name, default=x)`    | `new ContextVar(name, { default: x })`     |
 * | `var.get()`, `var.get(default)`  | `v.get()`, `v.get(defaultValue)`           |
 * | `token = var.set(x)`             | `const token = v.set(x)`                   |
 * | `var.reset(token)`               | `v.reset(token)`                           |
 * | `Token.MISSING`                  | `MISSING` (also `Token.MISSING`)           |
 * | `copy_context()`                 | `copyContext()`                            |
 * | `ctx.run(fn, *args)`             | `ctx.run(fn, ...args)`                     |
 * | `ctx[var]`, `var in ctx`         | `ctx.getItem(v)`, `ctx.has(v)`             |
 *
 * @example Usage
 * ```ts
 * import { asyncio, contextvars } from "@pyconc/pyconc";
 *
 * const requestId = new contextvars.ContextVar<number>("request_id", { default: 0 });
 *
 * async function handle(id: number): Promise<number> {
 *   requestId.set(id);
 *   await asyncio.sleep(0);
 *   return requestId.get(); // each task sees its own value
 * }
 *
 * const ids = await asyncio.run(() => asyncio.gather(() => handle(1), () => handle(2)));
 * console.assert(ids[0] === 1 && ids[1] === 2 && requestId.get() === 0);
 * ```
 *
 * @module
 */

export { Context, copyContext, LookupError } from "./context.ts";
export { ContextVar, type ContextVarOptions, MISSING, type Missing, Token } from "./context_var.ts";
