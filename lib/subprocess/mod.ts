/**
 * Python's `subprocess`: start programs, talk to them through pipes, wait for
 * them. `run`, `call`, `checkCall`, `checkOutput`, `Popen`, `PIPE`, `STDOUT`,
 * `DEVNULL`, and the errors. Python's calls block; these return promises.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const r = await subprocess.run(["echo", "hello"], { captureOutput: true, text: true });
 * console.assert(r.stdout === "hello\n");
 * ```
 *
 * @module
 */

export {
  CalledProcessError,
  type Command,
  type Output,
  SubprocessError,
  TimeoutExpired,
} from "./exceptions.ts";
export { PipeReader, PipeWriter } from "./pipes.ts";
export { DEVNULL, PIPE, Popen, type PopenOptions, type Redirect, STDOUT } from "./popen.ts";
export {
  type BinaryOptions,
  call,
  type CallOptions,
  checkCall,
  checkOutput,
  type CheckOutputOptions,
  CompletedProcess,
  run,
  type RunOptions,
  type TextOptions,
} from "./run.ts";
