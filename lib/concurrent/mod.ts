/**
 * `concurrent`: Python's `concurrent` package, which holds `futures`.
 *
 * @example Usage
 * ```ts
 * import { concurrent } from "@pyconc/pyconc";
 *
 * const f = new concurrent.futures.Future<string>();
 * f.setResult("ok");
 * console.assert((await f) === "ok");
 * ```
 *
 * @module
 */

export * as futures from "./futures/mod.ts";
