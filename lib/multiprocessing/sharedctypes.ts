/**
 * `multiprocessing.Value`, `Array`, `RawValue`, `RawArray`: numbers in shared
 * memory, with Python's (ctypes') typecodes.
 *
 * @module
 */

import { type Reduced, reduceSymbol, registerReviver } from "../_internal/reduce.ts";
import { ValueError } from "../exceptions.ts";
import { inspectable } from "../threading/_common.ts";
import { Lock } from "../threading/lock.ts";
import { RLock } from "../threading/rlock.ts";
import type { Permit } from "../threading/_common.ts";

/**
 * Python's typecodes (those of `array` and `multiprocessing.sharedctypes`):
 * `b B h H i I` (8-, 16-, 32-bit integers, signed/unsigned), `l L q Q`
 * (64-bit, as on 64-bit Linux: values are `bigint`), `f d` (32- and 64-bit
 * floats), `c` (a one-byte character: values are one-character strings),
 * `u` (a 32-bit character), `?` (a boolean).
 */
export type Typecode =
  | "b"
  | "B"
  | "h"
  | "H"
  | "i"
  | "I"
  | "l"
  | "L"
  | "q"
  | "Q"
  | "f"
  | "d"
  | "c"
  | "u"
  | "?";

/** The JavaScript type a typecode's values have. */
export type TypecodeValue<T extends Typecode> = T extends "l" | "L" | "q" | "Q" ? bigint
  : T extends "c" | "u" ? string
  : T extends "?" ? boolean
  : number;

type Typed =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

interface Kind {
  readonly ctor: {
    new (buffer: SharedArrayBuffer, offset?: number, length?: number): Typed;
    BYTES_PER_ELEMENT: number;
  };
  readonly ctype: string;
  get(raw: number | bigint): unknown;
  set(value: unknown): number | bigint;
}

function num(tc: string) {
  return (value: unknown): number => {
    if (typeof value === "number") return value;
    if (typeof value === "boolean") return Number(value);
    throw new TypeError(`A '${tc}' value must be a number: got ${typeof value}`);
  };
}

function big(tc: string) {
  return (value: unknown): bigint => {
    if (typeof value === "bigint") return value;
    if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
    throw new TypeError(`A '${tc}' value must be a bigint or an integer: got ${String(value)}`);
  };
}

function char(tc: string, max: number) {
  return (value: unknown): number => {
    if (typeof value === "number") return value;
    if (typeof value === "string" && [...value].length === 1) {
      const code = value.codePointAt(0)!;
      if (code <= max) return code;
    }
    throw new TypeError(
      `A '${tc}' value must be one character${max === 255 ? " (one byte)" : ""}: got ${
        JSON.stringify(value)
      }`,
    );
  };
}

const same = (raw: number | bigint) => raw;

const KINDS: Record<Typecode, Kind> = {
  b: { ctor: Int8Array, ctype: "c_byte", get: same, set: num("b") },
  B: { ctor: Uint8Array, ctype: "c_ubyte", get: same, set: num("B") },
  h: { ctor: Int16Array, ctype: "c_short", get: same, set: num("h") },
  H: { ctor: Uint16Array, ctype: "c_ushort", get: same, set: num("H") },
  i: { ctor: Int32Array, ctype: "c_int", get: same, set: num("i") },
  I: { ctor: Uint32Array, ctype: "c_uint", get: same, set: num("I") },
  l: { ctor: BigInt64Array, ctype: "c_long", get: same, set: big("l") },
  L: { ctor: BigUint64Array, ctype: "c_ulong", get: same, set: big("L") },
  q: { ctor: BigInt64Array, ctype: "c_longlong", get: same, set: big("q") },
  Q: { ctor: BigUint64Array, ctype: "c_ulonglong", get: same, set: big("Q") },
  f: { ctor: Float32Array, ctype: "c_float", get: same, set: num("f") },
  d: { ctor: Float64Array, ctype: "c_double", get: same, set: num("d") },
  c: {
    ctor: Uint8Array,
    ctype: "c_char",
    get: (raw) => String.fromCharCode(raw as number),
    set: char("c", 255),
  },
  u: {
    ctor: Uint32Array,
    ctype: "c_wchar",
    get: (raw) => String.fromCodePoint(raw as number),
    set: char("u", 0x10ffff),
  },
  "?": {
    ctor: Uint8Array,
    ctype: "c_bool",
    get: (raw) => raw !== 0,
    set: (v) => (v ? 1 : 0),
  },
};

function kindOf(typecode: unknown, what: string): Kind {
  const kind = typeof typecode === "string" ? KINDS[typecode as Typecode] : undefined;
  if (!kind || !Object.hasOwn(KINDS, typecode as string)) {
    throw new TypeError(
      `Cannot create ${what}: unknown typecode ${JSON.stringify(typecode)}; use one of ${
        Object.keys(KINDS).join(" ")
      }`,
    );
  }
  return kind;
}

function allocate(kind: Kind, length: number): Typed {
  const bytes = Math.max(8, Math.ceil((length * kind.ctor.BYTES_PER_ELEMENT) / 8) * 8);
  return new kind.ctor(new SharedArrayBuffer(bytes), 0, length);
}

// This module exports its own `Array` (Python's name); keep the builtin at hand.
const JSArray = globalThis.Array;

// ---------------------------------------------------------------------------

const RAW_VALUE = "multiprocessing.RawValue";

/**
 * One number in shared memory, without a lock (Python's `RawValue`, a ctypes
 * object). Read and write it with `value`.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const v = multiprocessing.RawValue("d", 1.5);
 * v.value *= 2;
 * console.assert(v.value === 3);
 * ```
 */
export class SharedValue<T = unknown> {
  #typecode: Typecode;
  #kind: Kind;
  #view: Typed;

  /** @internal Use `RawValue` (or `Value`). */
  constructor(typecode: Typecode, view: Typed) {
    this.#typecode = typecode;
    this.#kind = KINDS[typecode];
    this.#view = view;
  }

  /** The typecode. */
  get typecode(): Typecode {
    return this.#typecode;
  }

  /** The value (stored with the typecode's width: integers wrap as in C). */
  get value(): T {
    return this.#kind.get(this.#view[0]) as T;
  }
  set value(value: T) {
    (this.#view as { [i: number]: number | bigint })[0] = this.#kind.set(value);
  }

  /** A typed-array view of the one element (for `Atomics` on integer kinds). */
  get view(): Typed {
    return this.#view;
  }

  /** `c_int(5)`, the ctypes repr. */
  toString(): string {
    return `${this.#kind.ctype}(${String(this.value)})`;
  }

  /** @internal */
  [reduceSymbol](): Reduced {
    return {
      tag: RAW_VALUE,
      module: import.meta.url,
      state: { typecode: this.#typecode, view: this.#view },
    };
  }
}
inspectable(SharedValue);
registerReviver(RAW_VALUE, (state) => {
  const { typecode, view } = state as { typecode: Typecode; view: Typed };
  return new SharedValue(typecode, view);
});

/**
 * Allocates one number in shared memory, without a lock. Ports Python's
 * `multiprocessing.RawValue(typecode, value)`.
 * @param typecode See {@linkcode Typecode}.
 * @param value The initial value (default zero).
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const flag = multiprocessing.RawValue("?", false);
 * flag.value = true;
 * console.assert(flag.value === true);
 * ```
 */
export function RawValue<T extends Typecode>(
  typecode: T,
  value?: TypecodeValue<T>,
): SharedValue<TypecodeValue<T>> {
  const kind = kindOf(typecode, "RawValue");
  const v = new SharedValue<TypecodeValue<T>>(typecode, allocate(kind, 1));
  if (value !== undefined) v.value = value;
  return v;
}

// ---------------------------------------------------------------------------

const RAW_ARRAY = "multiprocessing.RawArray";

/**
 * A fixed-length array in shared memory, without a lock (Python's
 * `RawArray`). Index it like an array (`a[0] = 1`), take `length`, iterate,
 * `slice()` (Python's `a[:]`); `view` is the typed array itself, for speed.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const a = multiprocessing.RawArray("i", [1, 2, 3]);
 * a[0] = 10;
 * console.assert(a.length === 3 && a.slice().join() === "10,2,3");
 * ```
 */
export class SharedArray<T = unknown> {
  /** Elements by index. */
  [index: number]: T;
  #typecode!: Typecode;
  #kind!: Kind;
  #view!: Typed;

  /** @internal Use `RawArray` (or `Array`). */
  constructor(typecode: Typecode, view: Typed) {
    this.#typecode = typecode;
    this.#kind = KINDS[typecode];
    this.#view = view;
    return indexed(this, (i) => this.#get(i), (i, v) => this.#set(i, v));
  }

  #check(i: number): number {
    if (i < 0) i += this.#view.length;
    if (i < 0 || i >= this.#view.length) throw new RangeError("array index out of range");
    return i;
  }

  #get(i: number): T {
    return this.#kind.get(this.#view[this.#check(i)]) as T;
  }

  #set(i: number, value: T): void {
    (this.#view as { [i: number]: number | bigint })[this.#check(i)] = this.#kind.set(value);
  }

  /** The typecode. */
  get typecode(): Typecode {
    return this.#typecode;
  }

  /** Number of elements (Python's `len(a)`). */
  get length(): number {
    return this.#view.length;
  }

  /** The typed array over the shared memory. */
  get view(): Typed {
    return this.#view;
  }

  /**
   * The elements from `start` to `end` as a plain array (Python's `a[start:end]`).
   * @param start First index (default 0; negative counts from the end).
   * @param end Index after the last (default the length).
   */
  slice(start?: number, end?: number): T[] {
    return JSArray.from(
      this.#view.slice(start, end) as ArrayLike<number | bigint>,
      (raw) => this.#kind.get(raw) as T,
    );
  }

  /** Iterates over the elements. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.#view.length; i++) yield this.#get(i);
  }

  /** `c_int_Array_3([1, 2, 3])`. */
  toString(): string {
    return `${this.#kind.ctype}_Array_${this.length}([${
      this.slice().map((v) => typeof v === "string" ? JSON.stringify(v) : String(v)).join(", ")
    }])`;
  }

  /** @internal */
  [reduceSymbol](): Reduced {
    return {
      tag: RAW_ARRAY,
      module: import.meta.url,
      state: { typecode: this.#typecode, view: this.#view },
    };
  }
}
inspectable(SharedArray);
registerReviver(RAW_ARRAY, (state) => {
  const { typecode, view } = state as { typecode: Typecode; view: Typed };
  return new SharedArray(typecode, view);
});

const INDEX = /^(?:0|-?[1-9]\d*)$/;

/** Wraps `target` in a Proxy that sends integer keys to `get`/`set`. */
function indexed<O extends object, T>(
  target: O,
  get: (i: number) => T,
  set: (i: number, v: T) => void,
): O {
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === "string" && INDEX.test(key)) return get(Number(key));
      // Methods and getters run on the target, whose #fields they read.
      const value = Reflect.get(t, key, t);
      return typeof value === "function" && key !== "constructor" ? value.bind(t) : value;
    },
    set(t, key, value) {
      if (typeof key === "string" && INDEX.test(key)) {
        set(Number(key), value as T);
        return true;
      }
      return Reflect.set(t, key, value, t);
    },
    has(t, key) {
      if (typeof key === "string" && INDEX.test(key)) {
        const i = Number(key);
        return i >= 0 && i < (t as unknown as { length: number }).length;
      }
      return Reflect.has(t, key);
    },
  });
}

function initialArray(
  kind: Kind,
  sizeOrValues: number | Iterable<unknown>,
  what: string,
): { view: Typed; values?: unknown[] } {
  if (typeof sizeOrValues === "number") {
    if (!Number.isInteger(sizeOrValues) || sizeOrValues < 0) {
      throw new ValueError(
        `Cannot create ${what}: the size must be an integer of at least 0: current value is ${sizeOrValues}`,
      );
    }
    return { view: allocate(kind, sizeOrValues) };
  }
  if (typeof sizeOrValues === "string" || sizeOrValues?.[Symbol.iterator]) {
    const values = [...(sizeOrValues as Iterable<unknown>)];
    return { view: allocate(kind, values.length), values };
  }
  throw new TypeError(
    `Cannot create ${what}: 'sizeOrValues' must be a length or an iterable of values: got ${typeof sizeOrValues}`,
  );
}

/**
 * Allocates an array in shared memory, without a lock. Ports Python's
 * `multiprocessing.RawArray(typecode, size_or_initializer)`.
 * @param typecode See {@linkcode Typecode}.
 * @param sizeOrValues A length (zero-filled) or the initial values.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const a = multiprocessing.RawArray("d", 4);
 * console.assert(a.length === 4 && a[3] === 0);
 * ```
 */
export function RawArray<T extends Typecode>(
  typecode: T,
  sizeOrValues: number | Iterable<TypecodeValue<T>>,
): SharedArray<TypecodeValue<T>> {
  const kind = kindOf(typecode, "RawArray");
  const { view, values } = initialArray(kind, sizeOrValues, "RawArray");
  const array = new SharedArray<TypecodeValue<T>>(typecode, view);
  values?.forEach((v, i) => (array[i] = v as TypecodeValue<T>));
  return array;
}

// ---------------------------------------------------------------------------

/** Options of `Value` and `Array`. */
export interface SynchronizedOptions {
  /**
   * true (default): guard with a new `RLock`; a `Lock`/`RLock`: guard with
   * it; false: no lock (returns the raw object).
   */
  lock?: boolean | Lock | RLock;
}

function lockOf(option: SynchronizedOptions["lock"], what: string): Lock | RLock | null {
  if (option === undefined || option === true) return new RLock();
  if (option === false) return null;
  if (option instanceof Lock || option instanceof RLock) return option;
  throw new TypeError(
    `Cannot create ${what}: 'lock' must be true, false, a Lock or an RLock: got ${String(option)}`,
  );
}

/**
 * What `Synchronized` and `SynchronizedArray` share (Python's
 * `SynchronizedBase`): the wrapped object, its lock, the repr, and how both
 * travel to a worker.
 */
abstract class SynchronizedBase<O> {
  readonly #obj: O;
  readonly #lock: Lock | RLock;
  readonly #name: string;
  readonly #tag: string;

  constructor(obj: O, lock: Lock | RLock, name: string, tag: string) {
    this.#obj = obj;
    this.#lock = lock;
    this.#name = name;
    this.#tag = tag;
  }

  /** The lock guarding it (Python's `get_lock`). */
  getLock(): Lock | RLock {
    return this.#lock;
  }

  /** The unguarded object (Python's `get_obj`). */
  getObj(): O {
    return this.#obj;
  }

  /** Takes the lock (`using _ = v.acquire()`). */
  acquire(): Permit {
    return this.#lock.acquire();
  }

  /** Releases the lock. */
  release(): void {
    this.#lock.release();
  }

  /** `<Synchronized wrapper for c_int(0)>`, `<SynchronizedArray wrapper for …>`. */
  toString(): string {
    return `<${this.#name} wrapper for ${this.#obj}>`;
  }

  /** @internal */
  [reduceSymbol](): Reduced {
    return {
      tag: this.#tag,
      module: import.meta.url,
      state: { obj: this.#obj, lock: this.#lock },
    };
  }
}

const SYNC_VALUE = "multiprocessing.SynchronizedValue";

/**
 * A shared number guarded by a lock (Python's `Synchronized`, what `Value`
 * returns). Each read or write of `value` takes the lock; a read-modify-write
 * such as `v.value += 1` is two steps, so hold `getLock()` around it, as in
 * Python.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const counter = multiprocessing.Value("i", 0);
 * {
 *   using _ = counter.getLock().acquire();
 *   counter.value += 1;
 * }
 * console.assert(counter.value === 1);
 * ```
 */
export class Synchronized<T = unknown> extends SynchronizedBase<SharedValue<T>> {
  /** @internal Use `Value`. */
  constructor(obj: SharedValue<T>, lock: Lock | RLock) {
    super(obj, lock, "Synchronized", SYNC_VALUE);
  }

  /** The value, read under the lock. */
  get value(): T {
    using _ = this.acquire();
    return this.getObj().value;
  }
  set value(value: T) {
    using _ = this.acquire();
    this.getObj().value = value;
  }
}
inspectable(Synchronized);
registerReviver(SYNC_VALUE, (state) => {
  const { obj, lock } = state as { obj: SharedValue; lock: Lock | RLock };
  return new Synchronized(obj, lock);
});

/**
 * Allocates a number in shared memory, guarded by a lock. Ports Python's
 * `multiprocessing.Value(typecode, value, lock=True)`.
 * @param typecode See {@linkcode Typecode}.
 * @param value The initial value (default zero).
 * @param options `lock`: true (a new `RLock`), a lock to use, or false for
 * a `RawValue`.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const v = multiprocessing.Value("d", 0.5);
 * console.assert(v.value === 0.5);
 * ```
 */
export function Value<T extends Typecode>(
  typecode: T,
  value?: TypecodeValue<T>,
  options?: SynchronizedOptions & { lock?: true | Lock | RLock },
): Synchronized<TypecodeValue<T>>;
export function Value<T extends Typecode>(
  typecode: T,
  value: TypecodeValue<T> | undefined,
  options: { lock: false },
): SharedValue<TypecodeValue<T>>;
export function Value<T extends Typecode>(
  typecode: T,
  value?: TypecodeValue<T>,
  options: SynchronizedOptions = {},
): Synchronized<TypecodeValue<T>> | SharedValue<TypecodeValue<T>> {
  kindOf(typecode, "Value");
  const lock = lockOf(options.lock, "Value");
  const raw = RawValue(typecode, value);
  return lock ? new Synchronized(raw, lock) : raw;
}

const SYNC_ARRAY = "multiprocessing.SynchronizedArray";

/**
 * A shared array guarded by a lock (Python's `SynchronizedArray`, what
 * `Array` returns). Each element access takes the lock; hold `getLock()`
 * around several.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const a = multiprocessing.Array("i", [1, 2, 3]);
 * a[1] = 20;
 * console.assert(a[1] === 20 && a.length === 3);
 * ```
 */
export class SynchronizedArray<T = unknown> extends SynchronizedBase<SharedArray<T>> {
  /** Elements by index, each read or write under the lock. */
  [index: number]: T;

  /** @internal Use `Array`. */
  constructor(obj: SharedArray<T>, lock: Lock | RLock) {
    super(obj, lock, "SynchronizedArray", SYNC_ARRAY);
    return indexed(this, (i) => {
      using _ = lock.acquire();
      return obj[i];
    }, (i, v) => {
      using _ = lock.acquire();
      obj[i] = v;
    });
  }

  /** Number of elements. */
  get length(): number {
    return this.getObj().length;
  }

  /**
   * A copy of the elements, under the lock (Python's `a[start:end]`).
   * @param start First index.
   * @param end Index after the last.
   */
  slice(start?: number, end?: number): T[] {
    using _ = this.acquire();
    return this.getObj().slice(start, end);
  }

  /** Iterates over a copy taken under the lock. */
  [Symbol.iterator](): IterableIterator<T> {
    return this.slice()[Symbol.iterator]();
  }
}
inspectable(SynchronizedArray);
registerReviver(SYNC_ARRAY, (state) => {
  const { obj, lock } = state as { obj: SharedArray; lock: Lock | RLock };
  return new SynchronizedArray(obj, lock);
});

/**
 * Allocates an array in shared memory, guarded by a lock. Ports Python's
 * `multiprocessing.Array(typecode, size_or_initializer, lock=True)`.
 * @param typecode See {@linkcode Typecode}.
 * @param sizeOrValues A length (zero-filled) or the initial values.
 * @param options `lock`: true (a new `RLock`), a lock to use, or false for
 * a `RawArray`.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const a = multiprocessing.Array("d", 3);
 * a[0] = 1.5;
 * console.assert(a.slice().join() === "1.5,0,0");
 * ```
 */
export function Array<T extends Typecode>(
  typecode: T,
  sizeOrValues: number | Iterable<TypecodeValue<T>>,
  options?: SynchronizedOptions & { lock?: true | Lock | RLock },
): SynchronizedArray<TypecodeValue<T>>;
export function Array<T extends Typecode>(
  typecode: T,
  sizeOrValues: number | Iterable<TypecodeValue<T>>,
  options: { lock: false },
): SharedArray<TypecodeValue<T>>;
export function Array<T extends Typecode>(
  typecode: T,
  sizeOrValues: number | Iterable<TypecodeValue<T>>,
  options: SynchronizedOptions = {},
): SynchronizedArray<TypecodeValue<T>> | SharedArray<TypecodeValue<T>> {
  kindOf(typecode, "Array");
  const lock = lockOf(options.lock, "Array");
  const raw = RawArray(typecode, sizeOrValues);
  return lock ? new SynchronizedArray(raw, lock) : raw;
}
