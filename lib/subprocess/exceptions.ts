/**
 * The errors `subprocess` raises: Python's `SubprocessError`,
 * `CalledProcessError` and `TimeoutExpired`. A program that cannot be started
 * raises one of Python's builtin `OSError` family (lib/exceptions.ts).
 *
 * @module
 */

import { signalName } from "../_internal/child_process.ts";
import { reprArgs } from "./_repr.ts";
import { FileNotFoundError, NotADirectoryError, OSError, PermissionError } from "../exceptions.ts";

function named<T extends abstract new (...args: never[]) => Error>(cls: T, name: string): T {
  Object.defineProperty(cls.prototype, "name", {
    value: name,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return cls;
}

/** A command line: a program and its arguments, or one string for the shell. */
export type Command = string | readonly string[];

/** What a child printed, when it was captured: text, bytes, or nothing. */
export type Output = string | Uint8Array | null;

/**
 * The base class of the errors this module raises itself. Ports
 * `subprocess.SubprocessError`.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * try {
 *   await subprocess.run(["sh", "-c", "exit 1"], { check: true });
 * } catch (e) {
 *   console.assert(e instanceof subprocess.SubprocessError);
 * }
 * ```
 */
export class SubprocessError extends Error {}
named(SubprocessError, "SubprocessError");

/**
 * A checked command exited with a non-zero status. Ports
 * `subprocess.CalledProcessError`: `returncode` (negative: killed by that
 * signal), `cmd`, `output` (same as `stdout`) and `stderr`.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * try {
 *   await subprocess.checkCall(["sh", "-c", "exit 3"]);
 * } catch (e) {
 *   if (!(e instanceof subprocess.CalledProcessError)) throw e;
 *   console.assert(e.returncode === 3);
 *   console.assert(e.message === "Command '['sh', '-c', 'exit 3']' returned non-zero exit status 3.");
 * }
 * ```
 */
export class CalledProcessError extends SubprocessError {
  /** The exit status; negative when a signal ended the child (-9 for SIGKILL). */
  readonly returncode: number;
  /** The command that was run. */
  readonly cmd: Command;
  /** Captured standard output, or null. */
  stdout: Output;
  /** Captured standard error, or null. */
  stderr: Output;

  /**
   * Creates the error.
   * @param returncode The exit status.
   * @param cmd The command.
   * @param output Captured standard output.
   * @param stderr Captured standard error.
   */
  constructor(returncode: number, cmd: Command, output: Output = null, stderr: Output = null) {
    super(calledMessage(returncode, cmd));
    this.returncode = returncode;
    this.cmd = cmd;
    this.stdout = output;
    this.stderr = stderr;
  }

  /** Captured standard output (Python's alias of `stdout`). */
  get output(): Output {
    return this.stdout;
  }
}
named(CalledProcessError, "CalledProcessError");

function calledMessage(returncode: number, cmd: Command): string {
  const shown = typeof cmd === "string" ? cmd : reprArgs(cmd);
  if (returncode < 0) {
    const name = signalName(-returncode);
    return name
      ? `Command '${shown}' died with <Signals.${name}: ${-returncode}>.`
      : `Command '${shown}' died with unknown signal ${-returncode}.`;
  }
  return `Command '${shown}' returned non-zero exit status ${returncode}.`;
}

/**
 * A wait for a child ran past its timeout. Ports `subprocess.TimeoutExpired`.
 * `run`, `call`, `checkCall` and `checkOutput` kill the child before raising
 * it; `Popen.wait` and `Popen.communicate` leave the child running, as in
 * Python (call `kill()` and `communicate()` again to collect the rest).
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * try {
 *   await subprocess.run(["sleep", "5"], { timeout: 0.1 });
 * } catch (e) {
 *   console.assert(e instanceof subprocess.TimeoutExpired && e.timeout === 0.1);
 * }
 * ```
 */
export class TimeoutExpired extends SubprocessError {
  /** The command that was run. */
  readonly cmd: Command;
  /** The timeout, in seconds. */
  readonly timeout: number;
  /** Standard output captured before the timeout, or null. */
  stdout: Output;
  /** Standard error captured before the timeout, or null. */
  stderr: Output;

  /**
   * Creates the error.
   * @param cmd The command.
   * @param timeout The timeout, in seconds.
   * @param output Captured standard output.
   * @param stderr Captured standard error.
   */
  constructor(cmd: Command, timeout: number, output: Output = null, stderr: Output = null) {
    const shown = typeof cmd === "string" ? cmd : reprArgs(cmd);
    super(`Command '${shown}' timed out after ${timeout} seconds`);
    this.cmd = cmd;
    this.timeout = timeout;
    this.stdout = output;
    this.stderr = stderr;
  }

  /** Captured standard output (Python's alias of `stdout`). */
  get output(): Output {
    return this.stdout;
  }
}
named(TimeoutExpired, "TimeoutExpired");

/** Turns the runtime's errno facts into the matching `OSError` subclass. */
export function osErrorFrom(
  failure: { code: string; errno: number; strerror: string; filename: string },
): OSError {
  const cls = failure.code === "ENOENT"
    ? FileNotFoundError
    : failure.code === "EACCES"
    ? PermissionError
    : failure.code === "ENOTDIR"
    ? NotADirectoryError
    : OSError;
  return new cls(failure.errno, failure.strerror, failure.filename);
}
