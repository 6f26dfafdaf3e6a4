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
