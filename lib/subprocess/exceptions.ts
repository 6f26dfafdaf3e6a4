/**
 * The errors `subprocess` raises: Python's `SubprocessError`,
 * `CalledProcessError` and `TimeoutExpired`, and the `OSError` family
 * (`FileNotFoundError`, `PermissionError`, `NotADirectoryError`) that a program
 * which cannot be started raises.
 *
 * @module
 */

import { signalName } from "../_internal/child_process.ts";
import { reprArgs } from "./_repr.ts";

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

/**
 * An operating-system error. Ports Python's builtin `OSError`: `errno`,
 * `strerror`, `filename`, and a message in Python's form
 * `[Errno 2] No such file or directory: 'nope'`.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const e = new subprocess.OSError(13, "Permission denied", "/root/x");
 * console.assert(e.message === "[Errno 13] Permission denied: '/root/x'");
 * ```
 */
export class OSError extends Error {
  /** The errno number. */
  readonly errno: number;
  /** The OS's description of the error. */
  readonly strerror: string;
  /** The file the error is about, or null. */
  readonly filename: string | null;

  /**
   * Creates the error.
   * @param errno The errno number.
   * @param strerror The OS's description.
   * @param filename The file the error is about.
   */
  constructor(errno: number, strerror: string, filename: string | null = null) {
    super(
      filename === null
        ? `[Errno ${errno}] ${strerror}`
        : `[Errno ${errno}] ${strerror}: ${reprArgs(filename)}`,
    );
    this.errno = errno;
    this.strerror = strerror;
    this.filename = filename;
  }
}
named(OSError, "OSError");

/**
 * The program (or the working directory) does not exist (`ENOENT`). Ports
 * Python's builtin `FileNotFoundError`, which `subprocess.Popen(["nope"])`
 * raises.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * try {
 *   await subprocess.run(["no-such-program-here"]);
 * } catch (e) {
 *   console.assert(e instanceof subprocess.FileNotFoundError && e.errno === 2);
 * }
 * ```
 */
export class FileNotFoundError extends OSError {}
named(FileNotFoundError, "FileNotFoundError");

/**
 * The program exists but may not be executed (`EACCES`). Ports Python's
 * builtin `PermissionError`.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const e = new subprocess.PermissionError(13, "Permission denied", "./script");
 * console.assert(e instanceof subprocess.OSError);
 * ```
 */
export class PermissionError extends OSError {}
named(PermissionError, "PermissionError");

/**
 * A path that should be a directory is not (`ENOTDIR`, a bad `cwd`). Ports
 * Python's builtin `NotADirectoryError`.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const e = new subprocess.NotADirectoryError(20, "Not a directory", "/etc/hostname");
 * console.assert(e instanceof subprocess.OSError);
 * ```
 */
export class NotADirectoryError extends OSError {}
named(NotADirectoryError, "NotADirectoryError");

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
