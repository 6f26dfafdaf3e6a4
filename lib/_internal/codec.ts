/**
 * Turns queue and pipe items into bytes and back, for objects that live in
 * shared memory (`queue.Queue`, `multiprocessing.Queue`, `Pipe`).
 *
 * Numbers and strings take a fast path; everything else goes through V8's
 * serializer (`node:v8`, on Deno and Node: the structured-clone format), or
 * JSON where the runtime has no `node:v8` (browsers). Shared objects (locks,
 * `Value`, queues) cannot be items: like Python, which refuses to pickle a
 * lock into a queue, they must be passed to the worker as arguments instead.
 *
 * @module
 */

// deno-lint-ignore-file no-explicit-any
const g = globalThis as any;
const v8: any = typeof g.process?.getBuiltinModule === "function"
  ? g.process.getBuiltinModule("node:v8")
  : undefined;

/** Codec tags. */
export const NUMBER = 1,
  STRING = 2,
  V8 = 3,
  JSON_TAG = 4,
  UNDEFINED = 5,
  TRUE = 6,
  FALSE = 7,
  NULL = 8,
  BYTES = 9;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const f64 = new Float64Array(1);
const f64bytes = new Uint8Array(f64.buffer);

/** An encoded item: a tag and its bytes. */
export interface Encoded {
  readonly tag: number;
  readonly bytes: Uint8Array;
}

const EMPTY = new Uint8Array(0);

function hasShared(value: unknown, depth = 0): boolean {
  if (typeof value !== "object" || value === null || depth > 64) return false;
  if (typeof SharedArrayBuffer === "function" && value instanceof SharedArrayBuffer) return true;
  if (ArrayBuffer.isView(value)) {
    return typeof SharedArrayBuffer === "function" && value.buffer instanceof SharedArrayBuffer;
  }
  if (typeof (value as any)[Symbol.for("pyconc.reduce")] === "function") return true;
  if (Array.isArray(value)) return value.some((v) => hasShared(v, depth + 1));
  if (value instanceof Map) {
    for (const [k, v] of value) if (hasShared(k, depth + 1) || hasShared(v, depth + 1)) return true;
    return false;
  }
  if (value instanceof Set) {
    for (const v of value) if (hasShared(v, depth + 1)) return true;
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    for (const key of Object.keys(value)) {
      if (hasShared((value as any)[key], depth + 1)) return true;
    }
  }
  return false;
}

/**
 * Encodes `value`; throws a `TypeError` that names `what` when it cannot be
 * sent (a function, a symbol, a shared object, …).
 */
export function encode(value: unknown, what: string): Encoded {
  switch (typeof value) {
    case "number":
      f64[0] = value;
      // A copy: the encoded item may wait (a full queue) while others decode.
      return { tag: NUMBER, bytes: f64bytes.slice() };
    case "string":
      return { tag: STRING, bytes: encoder.encode(value) };
    case "undefined":
      return { tag: UNDEFINED, bytes: EMPTY };
    case "boolean":
      return { tag: value ? TRUE : FALSE, bytes: EMPTY };
    case "function":
    case "symbol":
      throw new TypeError(`Cannot send ${what}: a ${typeof value} cannot be cloned`);
  }
  if (value === null) return { tag: NULL, bytes: EMPTY };
  if (value instanceof Uint8Array && !(value.buffer instanceof SharedArrayBuffer)) {
    return { tag: BYTES, bytes: value };
  }
  if (hasShared(value)) {
    throw new TypeError(
      `Cannot send ${what}: it holds a shared-memory object (a lock, Value, queue or ` +
        "SharedArrayBuffer). Such objects should only be shared between processes through " +
        "inheritance: pass them to the Process or pool as arguments",
    );
  }
  if (v8) {
    try {
      return { tag: V8, bytes: v8.serialize(value) };
    } catch (error) {
      throw new TypeError(`Cannot send ${what}: ${(error as Error).message}`);
    }
  }
  try {
    structuredClone(value);
    return { tag: JSON_TAG, bytes: encoder.encode(JSON.stringify(value)) };
  } catch (error) {
    throw new TypeError(`Cannot send ${what}: ${(error as Error).message}`);
  }
}

/** Decodes bytes (copied out of shared memory first) with their tag. */
export function decode(tag: number, bytes: Uint8Array): unknown {
  switch (tag) {
    case NUMBER:
      return new Float64Array(bytes.buffer, bytes.byteOffset, 1)[0];
    case STRING:
      return decoder.decode(bytes);
    case UNDEFINED:
      return undefined;
    case TRUE:
      return true;
    case FALSE:
      return false;
    case NULL:
      return null;
    case BYTES:
      return bytes;
    case V8:
      return v8.deserialize(bytes);
    case JSON_TAG:
      return JSON.parse(decoder.decode(bytes));
  }
  throw new Error(`Unknown item encoding ${tag}`);
}
