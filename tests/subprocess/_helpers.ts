/**
 * Child programs for the subprocess tests that run under Deno and Node: the
 * current runtime's own executable evaluating a snippet of JavaScript.
 * @module
 */

import { execPath, runtimeName } from "../../lib/_internal/runtime.ts";

/** argv that runs `code` with this runtime (`deno eval code` or `node -e code`). */
export function jsCommand(code: string): string[] {
  const exe = execPath();
  if (!exe) throw new Error("these tests need a runtime executable (Deno or Node)");
  return runtimeName === "deno" ? [exe, "eval", code] : [exe, "-e", code];
}
