/**
 * Python's `RuntimeError`, `ValueError` and `AssertionError`, which the
 * threading and multiprocessing APIs raise for misuse (releasing an unheld
 * lock, starting a thread twice, over-releasing a bounded semaphore).
 *
 * `ValueError` extends `RangeError` and `AssertionError` extends `Error`, so
 * JavaScript code that catches the native classes still catches them.
 *
 * @module
 */

import { registerErrorClass } from "./remote_error.ts";

function named<T extends abstract new (...args: never[]) => Error>(cls: T, name: string): T {
  Object.defineProperty(cls.prototype, "name", {
    value: name,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  registerErrorClass(cls, name);
  return cls;
}

/**
 * Python's `RuntimeError` (which `threading.ThreadError` aliases): an
 * operation not allowed in the object's state.
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * const lock = new threading.Lock();
 * try {
 *   lock.release();
 * } catch (e) {
 *   console.assert(e instanceof threading.ThreadError);
 * }
 * ```
 */
export class RuntimeError extends Error {
  /**
   * Creates the error.
   * @param message What was wrong.
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(RuntimeError, "RuntimeError");

/** Python's `ValueError`: an argument with the right type and a wrong value. */
export class ValueError extends RangeError {
  /**
   * Creates the error.
   * @param message What was wrong.
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(ValueError, "ValueError");

/** Python's `AssertionError`, which `multiprocessing.Process` raises for misuse. */
export class AssertionError extends Error {
  /**
   * Creates the error.
   * @param message What was wrong.
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(AssertionError, "AssertionError");

/** Python's `OSError`, with `errno` and `filename`. */
export class OSError extends Error {
  /** The error number (2: ENOENT, 17: EEXIST). */
  readonly errno: number;
  /** The name the call was about. */
  readonly filename: string | undefined;
  /**
   * Creates the error; the message reads `[Errno N] text: 'filename'` as in Python.
   * @param errno The error number.
   * @param text What went wrong.
   * @param filename The name involved.
   */
  constructor(errno: number, text: string, filename?: string) {
    super(`[Errno ${errno}] ${text}${filename !== undefined ? `: '${filename}'` : ""}`);
    this.errno = errno;
    this.filename = filename;
  }
}
named(OSError, "OSError");

/** Python's `FileNotFoundError` (`errno` 2). */
export class FileNotFoundError extends OSError {}
named(FileNotFoundError, "FileNotFoundError");

/** Python's `FileExistsError` (`errno` 17). */
export class FileExistsError extends OSError {}
named(FileExistsError, "FileExistsError");
