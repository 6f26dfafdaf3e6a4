/**
 * Python's `if __name__ == "__main__":`.
 *
 * @module
 */

import { isMainThread, mainModuleUrl } from "../_internal/runtime.ts";

/** What {@linkcode isMain} reads from `import.meta`. */
export interface ModuleMeta {
  /** The module's URL. */
  readonly url: string;
  /** Deno's (and Node ≥ 24's) flag for the entry module. */
  readonly main?: boolean;
}

/**
 * True only in the program's entry module on the main thread: Python's
 * `if __name__ == "__main__":`. Pass `import.meta`.
 *
 * Threads and processes import the entry module in their worker to find their
 * target (Python's `spawn`), so the program's own work must sit in this
 * block, or it runs again in every worker. `import.meta.main` alone is not
 * enough: a worker that imports the entry module must see false.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * if (multiprocessing.isMain(import.meta)) {
 *   console.log("only in the main program");
 * }
 * ```
 */
export function isMain(meta: ModuleMeta): boolean {
  if (!isMainThread) return false;
  if (typeof meta?.url !== "string") {
    throw new TypeError("isMain: pass import.meta");
  }
  if (typeof meta.main === "boolean") return meta.main;
  const main = mainModuleUrl();
  if (main === undefined) return false;
  const strip = (u: string) => decodeURIComponent(u).replace(/\.(ts|js|mjs|mts)$/, "");
  return strip(main) === strip(meta.url);
}
