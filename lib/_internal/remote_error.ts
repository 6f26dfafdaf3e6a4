/**
 * Errors that cross a worker boundary keep their class, message, own fields
 * and the stack of the worker where they were raised, as `concurrent.futures`
 * attaches a `_RemoteTraceback` to an exception from a process.
 *
 * Structured clone would keep only `Error`'s built-in subclasses and drop the
 * class of everything else (`CancelledError`, a user's `ValidationError`), so
 * errors travel as plain records and are rebuilt by name.
 *
 * @module
 */

import {
  AssertionError,
  BaseExceptionGroup,
  BrokenBarrierError,
  CancelledError,
  ExceptionGroup,
  FileExistsError,
  FileNotFoundError,
  InvalidStateError,
  NotADirectoryError,
  OSError,
  PermissionError,
  RuntimeError,
  TimeoutError,
  ValueError,
} from "../exceptions.ts";

/** An error as it travels between workers. */
export interface SerializedError {
  /** Marks the record so that a thrown plain object is not mistaken for one. */
  readonly __pyconcError: true;
  /** The class name (`error.name`). */
  name: string;
  /** The message. */
  message: string;
  /** The stack as the worker printed it. */
  stack?: string;
  /** The error's `cause`, serialized the same way. */
  cause?: SerializedError | { readonly __pyconcThrown: true; value: unknown };
  /** The members of an error group. */
  exceptions?: SerializedError[];
  /** Own enumerable fields that survive structured clone (errno, code, …). */
  props?: Record<string, unknown>;
}

/** A thrown value that is not an Error (`throw "x"`). */
interface ThrownValue {
  readonly __pyconcThrown: true;
  value: unknown;
}

type ErrorClass = abstract new (...args: never[]) => Error;

const REGISTRY_KEY = Symbol.for("pyconc.errorClasses");
const registry: Map<string, ErrorClass> =
  ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] as Map<string, ErrorClass>) ??
    ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] = new Map<string, ErrorClass>());

/**
 * Makes errors of this class arrive in another worker as instances of it.
 * Registered by name; a later class with the same name wins.
 */
export function registerErrorClass(cls: ErrorClass, name?: string): void {
  // A class that sets `this.name` in its constructor has no own prototype name.
  const own = Object.hasOwn(cls.prototype, "name") ? cls.prototype.name : undefined;
  registry.set(name ?? own ?? cls.name, cls);
}

for (
  const cls of [
    Error,
    TypeError,
    RangeError,
    SyntaxError,
    ReferenceError,
    EvalError,
    URIError,
    AggregateError,
    CancelledError,
    TimeoutError,
    InvalidStateError,
    BrokenBarrierError,
    BaseExceptionGroup,
    ExceptionGroup,
    RuntimeError,
    ValueError,
    AssertionError,
    OSError,
    FileNotFoundError,
    FileExistsError,
    PermissionError,
    NotADirectoryError,
  ] as ErrorClass[]
) {
  registerErrorClass(cls);
}

function cloneableProps(error: Error): Record<string, unknown> | undefined {
  let props: Record<string, unknown> | undefined;
  for (const key of Object.keys(error)) {
    if (key === "exceptions" || key === "errors" || key === "cause") continue;
    const value = (error as unknown as Record<string, unknown>)[key];
    try {
      structuredClone(value);
    } catch {
      continue; // A field that cannot travel is left behind, not fatal.
    }
    (props ??= {})[key] = value;
  }
  return props;
}

/** Turns a thrown value into something `postMessage` can carry. */
export function serializeError(error: unknown): SerializedError | ThrownValue {
  if (!(error instanceof Error)) {
    try {
      structuredClone(error);
      return { __pyconcThrown: true, value: error };
    } catch {
      return { __pyconcThrown: true, value: String(error) };
    }
  }
  const record: SerializedError = {
    __pyconcError: true,
    name: error.name,
    message: error.message,
    stack: error.stack,
  };
  if (error.cause !== undefined) {
    const cause = serializeError(error.cause);
    record.cause = cause as SerializedError;
  }
  const members = error instanceof BaseExceptionGroup
    ? error.exceptions
    : error instanceof AggregateError
    ? error.errors
    : undefined;
  if (members) record.exceptions = members.map((e) => serializeError(e) as SerializedError);
  const props = cloneableProps(error);
  if (props) record.props = props;
  return record;
}

/**
 * Rebuilds an error from {@linkcode serializeError}'s record: the registered
 * class of that name (else `Error` with the name set), the message, the fields,
 * and the worker's stack as `stack` (what a user sees printed) and
 * `remoteStack`.
 */
export function deserializeError(record: SerializedError | ThrownValue): unknown {
  if ("__pyconcThrown" in record) return record.value;
  const cls = registry.get(record.name) ?? Error;
  const error = Object.create(cls.prototype) as Error;
  const define = (key: string, value: unknown) =>
    Object.defineProperty(error, key, { value, writable: true, configurable: true });
  define("message", record.message);
  if (error.name !== record.name) define("name", record.name);
  if (record.exceptions) {
    const members = record.exceptions.map(deserializeError);
    if (error instanceof BaseExceptionGroup) define("exceptions", Object.freeze(members));
    define("errors", members);
  }
  if (record.cause) define("cause", deserializeError(record.cause));
  if (record.props) Object.assign(error, record.props);
  const remote = record.stack ?? `${record.name}: ${record.message}`;
  define("remoteStack", remote);
  define("stack", remote);
  return error;
}
