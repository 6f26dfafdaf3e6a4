/**
 * `threading.local`.
 *
 * @module
 */

import { type Reduced, reduceSymbol, registerReviver } from "../_internal/reduce.ts";

const TAG = "threading.local";

/**
 * Thread-local data. Ports Python's `threading.local`.
 *
 * Every pyconc thread is a worker with its own JavaScript heap, so an object
 * made at module level is already per thread: each worker that imports the
 * module gets its own. Passed to a worker as an argument, a `local` arrives
 * empty (the attributes set in one thread are never seen by another), as in
 * Python. Attributes are plain properties: `"params" in data` is Python's
 * `hasattr(data, "params")`.
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * const data = new threading.local();
 * data.params = 2;
 * console.assert(data.params === 2 && !("other" in data));
 * ```
 */
export class local {
  /** Attributes set in this thread. */
  [attribute: string]: unknown;

  /** @internal The reduce protocol: arrives in the other thread empty. */
  [reduceSymbol](): Reduced {
    return { tag: TAG, module: import.meta.url, state: null };
  }
}
Object.defineProperty(local.prototype, reduceSymbol, { enumerable: false });
registerReviver(TAG, () => new local());
