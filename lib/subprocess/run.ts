/**
 * The high-level calls: `run` → `CompletedProcess`, `call`, `checkCall`,
 * `checkOutput`. Ports the functions of the same names in `subprocess`;
 * Python's calls block, these return promises.
 *
 * @module
 */

import { reprArgs, reprOutput } from "./_repr.ts";
import { CalledProcessError, type Command, TimeoutExpired } from "./exceptions.ts";
import { PIPE, Popen, type PopenOptions } from "./popen.ts";

/** Options of {@linkcode run} (Python's keyword arguments, camelCased). */
export interface RunOptions extends PopenOptions {
  /** Sent to standard input, which becomes a pipe (text in text mode, bytes otherwise). */
  input?: string | Uint8Array | null;
  /** Capture standard output and error (both become `PIPE`). */
  captureOutput?: boolean;
  /** Seconds to wait before the child is killed and `TimeoutExpired` is raised. */
  timeout?: number | null;
  /** Raise `CalledProcessError` if the child exits with a non-zero status. */
  check?: boolean;
}

/** Options that select text mode (strings instead of bytes). */
export type TextOptions = { text: true } | { encoding: string } | {
  errors: "strict" | "replace";
};

/** Options that leave the pipes in binary mode. */
export type BinaryOptions = { text?: false; encoding?: undefined; errors?: undefined };

/**
 * A finished program: what {@linkcode run} returns. Ports
 * `subprocess.CompletedProcess`.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const done = new subprocess.CompletedProcess(["true"], 0);
 * done.checkReturncode();
 * console.assert(String(done) === "CompletedProcess(args=['true'], returncode=0)");
 * ```
 */
export class CompletedProcess<T extends string | Uint8Array = string | Uint8Array> {
  /** The command as given. */
  readonly args: Command;
  /** The exit status; negative when a signal ended the child. */
  readonly returncode: number;
  /** Captured standard output, or null when it was not captured. */
  readonly stdout: T | null;
  /** Captured standard error, or null when it was not captured. */
  readonly stderr: T | null;

  /**
   * Creates the record.
   * @param args The command.
   * @param returncode The exit status.
   * @param stdout Captured standard output.
   * @param stderr Captured standard error.
   */
  constructor(args: Command, returncode: number, stdout: T | null = null, stderr: T | null = null) {
    this.args = args;
    this.returncode = returncode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Throws `CalledProcessError` if the exit status is not 0. Ports `check_returncode()`. */
  checkReturncode(): void {
    if (this.returncode) {
      throw new CalledProcessError(this.returncode, this.args, this.stdout, this.stderr);
    }
  }

  /** Python's repr: `CompletedProcess(args=['ls'], returncode=0, stdout=b'...')`. */
  toString(): string {
    const parts = [`args=${reprArgs(this.args)}`, `returncode=${this.returncode}`];
    if (this.stdout !== null) parts.push(`stdout=${reprOutput(this.stdout)}`);
    if (this.stderr !== null) parts.push(`stderr=${reprOutput(this.stderr)}`);
    return `CompletedProcess(${parts.join(", ")})`;
  }

  /** Deno's inspect hook. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  /** Node's inspect hook. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/**
 * Runs a program, waits for it, and resolves to a {@linkcode CompletedProcess}.
 * Ports `subprocess.run(args, *, input, capture_output, timeout, check, ...)`.
 *
 * With `timeout` (seconds) the child is killed when it runs too long and the
 * promise rejects with `TimeoutExpired` (carrying the output captured so far);
 * with `check` a non-zero exit rejects with `CalledProcessError`. A program
 * that does not exist throws `FileNotFoundError`.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const r = await subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 2"], {
 *   captureOutput: true,
 *   text: true,
 * });
 * console.assert(r.returncode === 2 && r.stdout === "out\n" && r.stderr === "err\n");
 * ```
 *
 * @param args The program and its arguments, or (with `shell`) a command line.
 * @param options Input, capture, timeout, check, and every `Popen` option.
 */
export function run(
  args: Command,
  options: RunOptions & TextOptions,
): Promise<CompletedProcess<string>>;
/**
 * `run` in binary mode: `stdout` and `stderr` are `Uint8Array`s.
 * @param args The program and its arguments, or (with `shell`) a command line.
 * @param options Input, capture, timeout, check, and every `Popen` option.
 */
export function run(
  args: Command,
  options?: RunOptions & BinaryOptions,
): Promise<CompletedProcess<Uint8Array>>;
/**
 * `run` when the mode is only known at run time.
 * @param args The program and its arguments, or (with `shell`) a command line.
 * @param options Input, capture, timeout, check, and every `Popen` option.
 */
export function run(args: Command, options?: RunOptions): Promise<CompletedProcess>;
export async function run(args: Command, options: RunOptions = {}): Promise<CompletedProcess> {
  const { input, captureOutput, timeout, check, ...popenOptions } = options;
  if (input !== undefined && input !== null) {
    if (popenOptions.stdin !== undefined && popenOptions.stdin !== null) {
      throw new TypeError("Cannot run the program as 'stdin' and 'input' may not both be used");
    }
    popenOptions.stdin = PIPE;
  }
  if (captureOutput) {
    if (
      (popenOptions.stdout !== undefined && popenOptions.stdout !== null) ||
      (popenOptions.stderr !== undefined && popenOptions.stderr !== null)
    ) {
      throw new TypeError(
        "Cannot run the program as 'stdout' and 'stderr' may not be used with 'captureOutput'",
      );
    }
    popenOptions.stdout = PIPE;
    popenOptions.stderr = PIPE;
  }
  await using process = new Popen(args, popenOptions);
  let stdout: string | Uint8Array | null;
  let stderr: string | Uint8Array | null;
  try {
    [stdout, stderr] = await process.communicate(input ?? null, timeout);
  } catch (error) {
    process.kill();
    if (error instanceof TimeoutExpired) await process.wait();
    throw error;
  }
  const returncode = process.poll()!;
  if (check && returncode) {
    throw new CalledProcessError(returncode, process.args, stdout, stderr);
  }
  return new CompletedProcess(process.args, returncode, stdout, stderr);
}

/** Options of {@linkcode call} and {@linkcode checkCall}. */
export interface CallOptions extends PopenOptions {
  /** Seconds to wait before the child is killed and `TimeoutExpired` is raised. */
  timeout?: number | null;
}

/**
 * Runs a program and resolves to its exit status. Ports
 * `subprocess.call(args, *, timeout, ...)`; a timeout kills the child.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const code = await subprocess.call(["sh", "-c", "exit 4"]);
 * console.assert(code === 4);
 * ```
 *
 * @param args The program and its arguments, or (with `shell`) a command line.
 * @param options Timeout and every `Popen` option.
 */
export async function call(args: Command, options: CallOptions = {}): Promise<number> {
  const { timeout, ...popenOptions } = options;
  await using process = new Popen(args, popenOptions);
  try {
    return await process.wait(timeout);
  } catch (error) {
    process.kill();
    throw error;
  }
}

/**
 * Runs a program and resolves when it exits with status 0; otherwise rejects
 * with `CalledProcessError`. Ports `subprocess.check_call`.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * await subprocess.checkCall(["true"]);
 * ```
 *
 * @param args The program and its arguments, or (with `shell`) a command line.
 * @param options Timeout and every `Popen` option.
 */
export async function checkCall(args: Command, options: CallOptions = {}): Promise<0> {
  const returncode = await call(args, options);
  if (returncode) throw new CalledProcessError(returncode, args);
  return 0;
}

/** Options of {@linkcode checkOutput}: those of `run` except `stdout` and `check`. */
export type CheckOutputOptions = Omit<RunOptions, "stdout" | "check" | "captureOutput">;

/**
 * Runs a program and resolves to its standard output; a non-zero exit
 * rejects with `CalledProcessError` (carrying the output). Ports
 * `subprocess.check_output`.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const out = await subprocess.checkOutput(["echo", "hello"], { text: true });
 * console.assert(out === "hello\n");
 * ```
 *
 * @param args The program and its arguments, or (with `shell`) a command line.
 * @param options Input, timeout, text mode and the other `Popen` options.
 */
export function checkOutput(
  args: Command,
  options: CheckOutputOptions & TextOptions,
): Promise<string>;
/**
 * `checkOutput` in binary mode: resolves to a `Uint8Array`.
 * @param args The program and its arguments, or (with `shell`) a command line.
 * @param options Input, timeout and the other `Popen` options.
 */
export function checkOutput(
  args: Command,
  options?: CheckOutputOptions & BinaryOptions,
): Promise<Uint8Array>;
/**
 * `checkOutput` when the mode is only known at run time.
 * @param args The program and its arguments, or (with `shell`) a command line.
 * @param options Input, timeout, text mode and the other `Popen` options.
 */
export function checkOutput(
  args: Command,
  options?: CheckOutputOptions,
): Promise<string | Uint8Array>;
export async function checkOutput(
  args: Command,
  options: CheckOutputOptions = {},
): Promise<string | Uint8Array> {
  if ("stdout" in options) {
    throw new TypeError("Cannot run the program as 'stdout' is not allowed: it is set to PIPE");
  }
  const result = await run(args, { ...options, stdout: PIPE, check: true } as RunOptions);
  return result.stdout!;
}
