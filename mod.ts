/**
 * pyconc: Python's concurrency standard library, ported to TypeScript.
 *
 * Each Python module is a namespace export with Python's names in camelCase:
 * `asyncio`, `threading`, `multiprocessing`, `concurrent`, `queue`,
 * `subprocess`, `contextvars`, `time`, `os`, `greenlet`, `gevent`. Times are in
 * seconds, keyword arguments are a trailing options object, and Python's
 * exceptions keep their names.
 *
 * @example Usage
 * ```ts
 * import { ExceptionGroup } from "@pyconc/pyconc";
 *
 * const group = new ExceptionGroup("failed", [new Error("a")]);
 * console.assert(group.exceptions.length === 1);
 * ```
 *
 * @module
 */

export {
  AssertionError,
  BaseExceptionGroup,
  BrokenBarrierError,
  CancelledError,
  ExceptionGroup,
  type ExceptionMatcher,
  FileExistsError,
  FileNotFoundError,
  InvalidStateError,
  NotADirectoryError,
  OSError,
  PermissionError,
  RuntimeError,
  TimeoutError,
  ValueError,
} from "./lib/exceptions.ts";
export * as subprocess from "./lib/subprocess/mod.ts";
export * as greenlet from "./lib/greenlet/mod.ts";
export * as asyncio from "./lib/asyncio/mod.ts";
export * as contextvars from "./lib/contextvars/mod.ts";
export * as concurrent from "./lib/concurrent/mod.ts";
export * as gevent from "./lib/gevent/mod.ts";
export * as threading from "./lib/threading/mod.ts";
export * as multiprocessing from "./lib/multiprocessing/mod.ts";
export * as time from "./lib/time/mod.ts";
export * as os from "./lib/os/mod.ts";
export * as queue from "./lib/queue/mod.ts";
