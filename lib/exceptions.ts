/**
 * Exceptions shared by every pyconc module, with Python's names and hierarchy.
 *
 * Python has one `TimeoutError` (a builtin since 3.11) that `asyncio`,
 * `concurrent.futures` and `threading` all raise; pyconc does the same. The
 * cancellation error is shared by `asyncio` and `concurrent.futures` (Python
 * 3.8+ keeps two classes; one class lets `wrapFuture` and `runInExecutor` pass
 * a cancellation through unchanged, and `instanceof` works for both).
 *
 * Python's builtin errors that the ported APIs raise for misuse
 * (`RuntimeError`, `ValueError`, `AssertionError`) and the `OSError` family
 * live here too, once, for every module.
 *
 * @module
 */

import { reprString } from "./_internal/py_repr.ts";

/**
 * Sets `name` on an error class's prototype so stacks and `toString()` show the
 * Python name even after minification.
 */
function named<T extends abstract new (...args: never[]) => Error>(cls: T, name: string): T {
  Object.defineProperty(cls.prototype, "name", {
    value: name,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return cls;
}

/**
 * The operation was cancelled. Ports `asyncio.CancelledError` and
 * `concurrent.futures.CancelledError`.
 *
 * In Python it derives from `BaseException` so that `except Exception` does not
 * swallow it; in JavaScript every `catch` sees it, so re-throw it when you catch
 * broadly.
 *
 * @example Usage
 * ```ts
 * import { CancelledError } from "@pyconc/pyconc";
 *
 * const err = new CancelledError("stopped");
 * console.assert(err instanceof CancelledError && err.message === "stopped");
 * ```
 */
export class CancelledError extends Error {
  /**
   * Creates the error.
   * @param message The cancel message (Python's `msg` argument of `cancel()`).
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(CancelledError, "CancelledError");

/**
 * An operation ran past its deadline. Ports Python's builtin `TimeoutError`,
 * which `asyncio.TimeoutError` and `concurrent.futures.TimeoutError` alias.
 *
 * @example Usage
 * ```ts
 * import { TimeoutError } from "@pyconc/pyconc";
 *
 * const err = new TimeoutError();
 * console.assert(err.name === "TimeoutError");
 * ```
 */
export class TimeoutError extends Error {
  /**
   * Creates the error.
   * @param message What timed out.
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(TimeoutError, "TimeoutError");

/**
 * An operation is not allowed in the object's current state (setting the result
 * of a future that is already done). Ports `asyncio.InvalidStateError` and
 * `concurrent.futures.InvalidStateError`.
 *
 * @example Usage
 * ```ts
 * import { InvalidStateError } from "@pyconc/pyconc";
 *
 * const err = new InvalidStateError("invalid state");
 * console.assert(err.name === "InvalidStateError");
 * ```
 */
export class InvalidStateError extends Error {
  /**
   * Creates the error.
   * @param message What was wrong with the state.
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(InvalidStateError, "InvalidStateError");

/**
 * A barrier was broken (aborted, reset, or a wait timed out). Ports
 * `threading.BrokenBarrierError` and `asyncio.BrokenBarrierError`.
 *
 * @example Usage
 * ```ts
 * import { BrokenBarrierError } from "@pyconc/pyconc";
 *
 * console.assert(new BrokenBarrierError().name === "BrokenBarrierError");
 * ```
 */
export class BrokenBarrierError extends Error {
  /**
   * Creates the error.
   * @param message Why the barrier is broken.
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
named(BrokenBarrierError, "BrokenBarrierError");

/** A predicate or class used to pick exceptions out of a group. */
export type ExceptionMatcher =
  | ((error: unknown) => boolean)
  | (abstract new (...args: never[]) => unknown);

function toPredicate(matcher: ExceptionMatcher): (error: unknown) => boolean {
  // A class is a function with a prototype; an arrow-function predicate has none.
  if (typeof matcher === "function" && matcher.prototype !== undefined) {
    const cls = matcher as abstract new (...args: never[]) => unknown;
    return (error) => error instanceof cls;
  }
  return matcher as (error: unknown) => boolean;
}

/**
 * Several unrelated errors raised together. Ports Python's
 * `BaseExceptionGroup` (PEP 654). Built on JavaScript's `AggregateError`:
 * `errors` and Python's `exceptions` are the same array.
 *
 * @example Usage
 * ```ts
 * import { BaseExceptionGroup } from "@pyconc/pyconc";
 *
 * const group = new BaseExceptionGroup("two failures", [new TypeError("a"), new RangeError("b")]);
 * const [types, rest] = group.split(TypeError);
 * console.assert(types?.exceptions.length === 1 && rest?.exceptions.length === 1);
 * ```
 */
export class BaseExceptionGroup extends AggregateError {
  /** The errors in the group, in the order they were raised (Python's `exceptions`). */
  readonly exceptions: readonly unknown[];

  /**
   * Creates the group.
   * @param message The group's message.
   * @param exceptions The errors it holds (at least one).
   */
  constructor(message: string, exceptions: readonly unknown[]) {
    if (typeof message !== "string") {
      throw new TypeError(
        `Cannot create exception group as the message must be a string: got ${typeof message}`,
      );
    }
    if (!Array.isArray(exceptions) || exceptions.length === 0) {
      throw new TypeError(
        "Cannot create exception group as 'exceptions' must be a non-empty array",
      );
    }
    super(exceptions, message);
    this.exceptions = Object.freeze([...exceptions]);
  }

  /** Python's `str()` of a group: `message (N sub-exception[s])`. */
  override toString(): string {
    const n = this.exceptions.length;
    return `${this.name}: ${this.message} (${n} sub-exception${n === 1 ? "" : "s"})`;
  }

  /**
   * A group of the same type and message holding `exceptions` (Python's `derive`).
   * @param exceptions The errors for the new group.
   */
  derive(exceptions: readonly unknown[]): BaseExceptionGroup {
    return new BaseExceptionGroup(this.message, exceptions);
  }

  /**
   * The sub-group whose leaf errors match, or `undefined` when none does
   * (Python's `subgroup`, which returns `None`). Nested groups are searched.
   * @param matcher A class or a predicate.
   */
  subgroup(matcher: ExceptionMatcher): BaseExceptionGroup | undefined {
    return this.split(matcher)[0];
  }

  /**
   * Splits the group into `[matching, rest]` (Python's `split`); either may be
   * `undefined`. Nesting is preserved.
   * @param matcher A class or a predicate.
   */
  split(
    matcher: ExceptionMatcher,
  ): [BaseExceptionGroup | undefined, BaseExceptionGroup | undefined] {
    const predicate = toPredicate(matcher);
    if (predicate(this)) return [this, undefined];
    const match: unknown[] = [];
    const rest: unknown[] = [];
    for (const error of this.exceptions) {
      if (error instanceof BaseExceptionGroup) {
        const [m, r] = error.split(predicate);
        if (m) match.push(m);
        if (r) rest.push(r);
      } else if (predicate(error)) {
        match.push(error);
      } else {
        rest.push(error);
      }
    }
    const build = (list: unknown[]) => {
      if (list.length === 0) return undefined;
      const group = this.derive(list);
      group.stack = this.stack;
      group.cause = this.cause;
      return group;
    };
    return [build(match), build(rest)];
  }
}
named(BaseExceptionGroup, "BaseExceptionGroup");

/**
 * A group of errors (Python's `ExceptionGroup`), what `asyncio.TaskGroup`
 * raises when tasks fail.
 *
 * @example Usage
 * ```ts
 * import { ExceptionGroup } from "@pyconc/pyconc";
 *
 * try {
 *   throw new ExceptionGroup("failures", [new Error("x")]);
 * } catch (e) {
 *   console.assert(e instanceof ExceptionGroup && e.exceptions.length === 1);
 * }
 * ```
 */
export class ExceptionGroup extends BaseExceptionGroup {
  /** Same type and message, other errors. */
  override derive(exceptions: readonly unknown[]): ExceptionGroup {
    return new ExceptionGroup(this.message, exceptions);
  }
}
named(ExceptionGroup, "ExceptionGroup");

/**
 * An operation not allowed in the object's state (releasing an unheld lock,
 * starting a thread twice). Ports Python's builtin `RuntimeError`, which
 * `threading.ThreadError` aliases.
 *
 * @example Usage
 * ```ts
 * import { RuntimeError, threading } from "@pyconc/pyconc";
 *
 * const lock = new threading.Lock();
 * try {
 *   lock.release();
 * } catch (e) {
 *   console.assert(e instanceof RuntimeError && e instanceof threading.ThreadError);
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

/**
 * An argument of the right type with a wrong value. Ports Python's builtin
 * `ValueError`; it extends `RangeError`, so code that catches the native class
 * still catches it.
 *
 * @example Usage
 * ```ts
 * import { ValueError } from "@pyconc/pyconc";
 *
 * const err = new ValueError("size must be positive");
 * console.assert(err instanceof RangeError && err.name === "ValueError");
 * ```
 */
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

/**
 * Ports Python's builtin `AssertionError`, which `multiprocessing.Process`
 * raises for misuse (`join()` before `start()`).
 *
 * @example Usage
 * ```ts
 * import { AssertionError } from "@pyconc/pyconc";
 *
 * console.assert(new AssertionError("can only join a started process").name === "AssertionError");
 * ```
 */
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

/**
 * An operating-system error. Ports Python's builtin `OSError`: `errno`,
 * `strerror`, `filename`, and a message in Python's form
 * `[Errno 2] No such file or directory: 'nope'`.
 *
 * @example Usage
 * ```ts
 * import { OSError } from "@pyconc/pyconc";
 *
 * const e = new OSError(13, "Permission denied", "/root/x");
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
        : `[Errno ${errno}] ${strerror}: ${reprString(filename)}`,
    );
    this.errno = errno;
    this.strerror = strerror;
    this.filename = filename;
  }
}
named(OSError, "OSError");

/**
 * A file, program or shared-memory block that does not exist (`ENOENT`, errno
 * 2). Ports Python's builtin `FileNotFoundError`.
 *
 * @example Usage
 * ```ts
 * import { FileNotFoundError, subprocess } from "@pyconc/pyconc";
 *
 * try {
 *   await subprocess.run(["no-such-program-here"]);
 * } catch (e) {
 *   console.assert(e instanceof FileNotFoundError && e.errno === 2);
 * }
 * ```
 */
export class FileNotFoundError extends OSError {}
named(FileNotFoundError, "FileNotFoundError");

/**
 * Something that should not exist yet does (`EEXIST`, errno 17: a shared
 * memory block created twice). Ports Python's builtin `FileExistsError`.
 *
 * @example Usage
 * ```ts
 * import { FileExistsError, OSError } from "@pyconc/pyconc";
 *
 * console.assert(new FileExistsError(17, "File exists", "psm_1") instanceof OSError);
 * ```
 */
export class FileExistsError extends OSError {}
named(FileExistsError, "FileExistsError");

/**
 * Not allowed by the operating system (`EACCES`, errno 13). Ports Python's
 * builtin `PermissionError`.
 *
 * @example Usage
 * ```ts
 * import { OSError, PermissionError } from "@pyconc/pyconc";
 *
 * console.assert(new PermissionError(13, "Permission denied", "./script") instanceof OSError);
 * ```
 */
export class PermissionError extends OSError {}
named(PermissionError, "PermissionError");

/**
 * A path that should be a directory is not (`ENOTDIR`, errno 20: a bad
 * `cwd`). Ports Python's builtin `NotADirectoryError`.
 *
 * @example Usage
 * ```ts
 * import { NotADirectoryError, OSError } from "@pyconc/pyconc";
 *
 * console.assert(new NotADirectoryError(20, "Not a directory", "/etc/hostname") instanceof OSError);
 * ```
 */
export class NotADirectoryError extends OSError {}
named(NotADirectoryError, "NotADirectoryError");
