/**
 * `multiprocessing.shared_memory`: named blocks of shared memory any worker
 * of the program can attach to by name, and `ShareableList`.
 *
 * A Python program names a block (`/psm_1a2b3c4d`) in the operating system.
 * Workers share no such namespace, so pyconc keeps one: every pyconc worker
 * receives the program's arena, a growable `SharedArrayBuffer` with a name
 * table at its start; blocks are carved from it, so creating and attaching
 * are synchronous and work from any worker. Memory of an unlinked block is
 * not reused while the program runs (other workers may still hold views of
 * it, which Python also allows).
 *
 * @module
 */

import { type Reduced, reduceSymbol, registerReviver } from "../_internal/reduce.ts";
import { sharedArena } from "../_internal/identity.ts";
import { canBlock } from "../_internal/runtime.ts";
import { FileExistsError, FileNotFoundError, OSError, ValueError } from "../exceptions.ts";
import { inspectable } from "../threading/_common.ts";

// Arena layout. Int32 word 0: the table lock; word 1: entries used. Float64 at
// byte 8: the next free byte. Entries of 128 bytes from byte 64: int32 state
// (1 live, 2 unlinked), int32 name length, float64 offset, float64 size, the
// name in UTF-8 from byte 24. Blocks start at byte 65536, 64-byte aligned.
const LOCK = 0;
const USED = 1;
const TABLE = 64;
const ENTRY = 128;
const NAME_AT = 24;
const NAME_MAX = ENTRY - NAME_AT;
const MAX_ENTRIES = Math.floor((65536 - TABLE) / ENTRY);
const DATA = 65536;
const ALIGN = 64;
const LIVE = 1;
const UNLINKED = 2;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Where a block lives. */
interface Block {
  buffer: SharedArrayBuffer;
  offset: number;
  size: number;
}

// Blocks made where there is no arena (no growable shared buffers): this
// worker can attach to them by name, others receive them as arguments.
const local = new Map<string, Block>();

function withTable<T>(arena: SharedArrayBuffer, body: (words: Int32Array, view: DataView) => T): T {
  const words = new Int32Array(arena, 0, 16);
  while (Atomics.compareExchange(words, LOCK, 0, 1) !== 0) {
    if (canBlock) Atomics.wait(words, LOCK, 1, 1);
  }
  try {
    return body(words, new DataView(arena));
  } finally {
    Atomics.store(words, LOCK, 0);
    Atomics.notify(words, LOCK, 1);
  }
}

function entryName(arena: SharedArrayBuffer, at: number, length: number): string {
  return decoder.decode(new Uint8Array(arena, at + NAME_AT, length).slice());
}

function findEntry(arena: SharedArrayBuffer, words: Int32Array, view: DataView, name: string) {
  const used = Atomics.load(words, USED);
  for (let i = 0; i < used; i++) {
    const at = TABLE + i * ENTRY;
    if (view.getInt32(at, true) !== LIVE) continue;
    const length = view.getInt32(at + 4, true);
    if (entryName(arena, at, length) === name) return at;
  }
  return -1;
}

function createBlock(name: string, size: number): Block {
  const arena = sharedArena();
  if (!arena) {
    if (local.has(name)) throw new FileExistsError(17, "File exists", `/${name}`);
    const block = { buffer: new SharedArrayBuffer(size), offset: 0, size };
    local.set(name, block);
    return block;
  }
  const nameBytes = encoder.encode(name);
  if (nameBytes.length > NAME_MAX) {
    throw new ValueError(
      `Cannot create shared memory: the name may have at most ${NAME_MAX} UTF-8 bytes: '${name}' has ${nameBytes.length}`,
    );
  }
  return withTable(arena, (words, view) => {
    if (findEntry(arena, words, view, name) >= 0) {
      throw new FileExistsError(17, "File exists", `/${name}`);
    }
    const used = Atomics.load(words, USED);
    if (used >= MAX_ENTRIES) {
      throw new OSError(
        28,
        `No space left on device: the program's shared-memory table holds ${MAX_ENTRIES} blocks`,
        `/${name}`,
      );
    }
    const offset = Math.max(DATA, view.getFloat64(8, true));
    const end = offset + Math.ceil(size / ALIGN) * ALIGN;
    const growable = arena as unknown as { maxByteLength: number; grow(n: number): void };
    if (end > growable.maxByteLength) {
      throw new OSError(
        28,
        `No space left on device: the shared-memory arena holds ${growable.maxByteLength} bytes`,
        `/${name}`,
      );
    }
    if (end > arena.byteLength) {
      growable.grow(Math.min(growable.maxByteLength, Math.max(end, arena.byteLength * 2)));
    }
    const at = TABLE + used * ENTRY;
    view.setInt32(at + 4, nameBytes.length, true);
    view.setFloat64(at + 8, offset, true);
    view.setFloat64(at + 16, size, true);
    new Uint8Array(arena, at + NAME_AT, nameBytes.length).set(nameBytes);
    view.setInt32(at, LIVE, true);
    view.setFloat64(8, end, true);
    Atomics.store(words, USED, used + 1);
    return { buffer: arena, offset, size };
  });
}

function attachBlock(name: string): Block {
  const arena = sharedArena();
  const found = local.get(name);
  if (found) return found;
  if (arena) {
    const block = withTable(arena, (words, view) => {
      const at = findEntry(arena, words, view, name);
      if (at < 0) return undefined;
      return {
        buffer: arena,
        offset: view.getFloat64(at + 8, true),
        size: view.getFloat64(at + 16, true),
      };
    });
    if (block) return block;
  }
  throw new FileNotFoundError(2, "No such file or directory", `/${name}`);
}

function unlinkBlock(name: string): void {
  if (local.delete(name)) return;
  const arena = sharedArena();
  const removed = arena
    ? withTable(arena, (words, view) => {
      const at = findEntry(arena, words, view, name);
      if (at < 0) return false;
      view.setInt32(at, UNLINKED, true);
      return true;
    })
    : false;
  if (!removed) throw new FileNotFoundError(2, "No such file or directory", `/${name}`);
}

function randomName(): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return "psm_" + [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Options of {@linkcode SharedMemory} (Python's keyword arguments). */
export interface SharedMemoryOptions {
  /** The block's name (default: a new random one when creating). */
  name?: string | null;
  /** Create a new block (true) or attach to an existing one (false, the default). */
  create?: boolean;
  /** Bytes, when creating (more than 0). */
  size?: number;
}

const TAG = "multiprocessing.SharedMemory";
let adopting: { name: string; block: Block } | undefined;

/**
 * A named block of shared memory. Ports Python's
 * `multiprocessing.sharedMemory.SharedMemory(name=None, create=False, size=0)`.
 *
 * `buf` is a `Uint8Array` over the block (Python's memoryview): wrap it in
 * any typed array (`new Float64Array(shm.buf.buffer, shm.buf.byteOffset, n)`)
 * to share numbers. Another worker attaches with `new SharedMemory(name)`, or
 * receives the object itself as an argument. `close()` drops this handle,
 * `unlink()` removes the name; creating a name that exists raises
 * `FileExistsError`, attaching to one that does not, `FileNotFoundError`.
 * `using shm = new SharedMemory(...)` closes it at the end of the block.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const shm = new multiprocessing.sharedMemory.SharedMemory(null, true, 16);
 * shm.buf[0] = 42;
 * const other = new multiprocessing.sharedMemory.SharedMemory(shm.name);
 * console.assert(other.buf[0] === 42);
 * other.close();
 * shm.close();
 * shm.unlink();
 * ```
 */
export class SharedMemory {
  #name: string;
  #block: Block;
  #buf: Uint8Array | null;

  /**
   * Creates or attaches to a block.
   * @param name The name (null/undefined: a new random one; required to attach).
   * @param create True to create a new block.
   * @param size Bytes, when creating.
   */
  constructor(name?: string | null | SharedMemoryOptions, create?: boolean, size?: number) {
    const adopted = adopting;
    adopting = undefined;
    if (adopted) {
      this.#name = adopted.name;
      this.#block = adopted.block;
      this.#buf = new Uint8Array(adopted.block.buffer, adopted.block.offset, adopted.block.size);
      return;
    }
    let opts: SharedMemoryOptions;
    if (typeof name === "object" && name !== null) opts = name;
    else opts = { name, create, size };
    const doCreate = Boolean(opts.create);
    const bytes = opts.size ?? 0;
    if (typeof bytes !== "number" || !Number.isInteger(bytes) || bytes < 0) {
      throw new ValueError(`'size' must be a positive integer: current value is ${bytes}`);
    }
    if (doCreate && bytes === 0) {
      throw new ValueError("'size' must be a positive number different from zero");
    }
    if (!doCreate && (opts.name === undefined || opts.name === null)) {
      throw new ValueError("'name' can only be None if create=True");
    }
    const blockName = String(opts.name ?? randomName()).replace(/^\//, "");
    this.#name = blockName;
    this.#block = doCreate ? createBlock(blockName, bytes) : attachBlock(blockName);
    this.#buf = new Uint8Array(this.#block.buffer, this.#block.offset, this.#block.size);
  }

  /** The block's name (give it to another worker to attach). */
  get name(): string {
    return this.#name;
  }

  /** Its size in bytes. */
  get size(): number {
    return this.#block.size;
  }

  /** The bytes (Python's `buf`); raises `ValueError` after `close()`. */
  get buf(): Uint8Array {
    if (!this.#buf) throw new ValueError("operation on a closed SharedMemory");
    return this.#buf;
  }

  /** Drops this handle's view (Python's `close`); the block stays for others. */
  close(): void {
    this.#buf = null;
  }

  /**
   * Removes the name, so that nobody can attach any more (Python's `unlink`).
   * Views already taken stay valid. Raises `FileNotFoundError` when the name is
   * already gone.
   */
  unlink(): void {
    unlinkBlock(this.#name);
  }

  /** Closes the handle at the end of a `using` block. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** `SharedMemory('psm_1a2b3c4d', size=16)`, Python's repr. */
  toString(): string {
    return `SharedMemory('${this.#name}', size=${this.size})`;
  }

  /** @internal The reduce protocol: the same memory, whatever the worker. */
  [reduceSymbol](): Reduced {
    return { tag: TAG, module: import.meta.url, state: { name: this.#name, ...this.#block } };
  }

  /** @internal */
  static _adopt(name: string, block: Block): SharedMemory {
    adopting = { name, block };
    return new SharedMemory(name);
  }
}
inspectable(SharedMemory);
registerReviver(TAG, (state) => {
  const { name, buffer, offset, size } = state as Block & { name: string };
  if (!(buffer instanceof SharedArrayBuffer)) {
    throw new TypeError("Cannot rebuild SharedMemory: its state has no shared buffer");
  }
  return SharedMemory._adopt(name, { buffer, offset, size });
});

// ---------------------------------------------------------------------------
// ShareableList: a header, one 16-byte descriptor per item (type, slot
// offset, slot size), then the slots, 8-byte aligned. Types: 0 null, 1
// number (float64), 2 bigint (int64), 3 boolean, 4 string (int32 length +
// UTF-8), 5 bytes (int32 length + bytes).

/** What a `ShareableList` can hold (Python: int, float, bool, str, bytes, None). */
export type ShareableValue = number | bigint | boolean | string | Uint8Array | null;

const T_NULL = 0;
const T_NUMBER = 1;
const T_BIGINT = 2;
const T_BOOL = 3;
const T_STR = 4;
const T_BYTES = 5;
const HEADER = 8;
const DESC = 16;

function encode(value: ShareableValue): { type: number; bytes?: Uint8Array } {
  if (value === null || value === undefined) return { type: T_NULL };
  if (typeof value === "number") return { type: T_NUMBER };
  if (typeof value === "bigint") return { type: T_BIGINT };
  if (typeof value === "boolean") return { type: T_BOOL };
  if (typeof value === "string") return { type: T_STR, bytes: encoder.encode(value) };
  if (value instanceof Uint8Array) return { type: T_BYTES, bytes: value };
  throw new TypeError(
    `A ShareableList holds numbers, bigints, booleans, strings, Uint8Arrays and null: got ${
      Object.prototype.toString.call(value)
    }`,
  );
}

function slotSize(enc: { bytes?: Uint8Array }): number {
  return enc.bytes ? Math.max(8, Math.ceil((4 + enc.bytes.length) / 8) * 8) : 8;
}

const LIST_TAG = "multiprocessing.ShareableList";
let adoptingList: SharedMemory | undefined;

/**
 * A fixed-length list in shared memory. Ports Python's
 * `multiprocessing.sharedMemory.ShareableList(sequence=None, *, name=None)`.
 *
 * It holds numbers, bigints, booleans, strings, `Uint8Array`s and `null`;
 * items are replaced in place (`sl[0] = 5`), and a string or bytes item may
 * not grow past the room its first value had (`ValueError`, as in Python).
 * Attach from another worker with `new ShareableList(null, { name })`, or pass
 * it as an argument. Not synchronised: guard concurrent writes with a lock.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const sl = new multiprocessing.sharedMemory.ShareableList([1, "two", null]);
 * sl[0] = 10;
 * const other = new multiprocessing.sharedMemory.ShareableList(null, { name: sl.shm.name });
 * console.assert(other[0] === 10 && other[1] === "two" && other.length === 3);
 * sl.shm.close();
 * sl.shm.unlink();
 * ```
 */
export class ShareableList {
  /** Items by index. */
  [index: number]: ShareableValue;
  #shm!: SharedMemory;
  #view!: DataView;

  /**
   * Creates a list from `sequence`, or attaches to the one named `name`.
   * @param sequence The items (null/undefined: attach to `name`).
   * @param options `name` of the block (to attach, or to create with).
   */
  constructor(sequence?: Iterable<ShareableValue> | null, options: { name?: string | null } = {}) {
    const adopted = adoptingList;
    adoptingList = undefined;
    if (adopted) {
      this.#shm = adopted;
    } else if (sequence === undefined || sequence === null) {
      if (options.name === undefined || options.name === null) {
        throw new ValueError("Cannot attach to a ShareableList without its 'name'");
      }
      this.#shm = new SharedMemory(options.name);
    } else {
      const items = [...sequence];
      const encoded = items.map(encode);
      const sizes = encoded.map(slotSize);
      const data = HEADER + DESC * items.length;
      const total = data + sizes.reduce((a, b) => a + b, 0);
      this.#shm = new SharedMemory(options.name ?? null, true, Math.max(total, 8));
      const view = new DataView(this.#shm.buf.buffer, this.#shm.buf.byteOffset, this.#shm.size);
      view.setInt32(0, items.length, true);
      let offset = data;
      for (let i = 0; i < items.length; i++) {
        view.setInt32(HEADER + DESC * i + 4, offset, true);
        view.setInt32(HEADER + DESC * i + 8, sizes[i], true);
        offset += sizes[i];
      }
      this.#view = view;
      items.forEach((item, i) => this.#set(i, item));
    }
    this.#view ??= new DataView(this.#shm.buf.buffer, this.#shm.buf.byteOffset, this.#shm.size);
    return new Proxy(this, {
      get(t, key) {
        if (typeof key === "string" && /^-?\d+$/.test(key)) return t.#get(Number(key));
        const value = Reflect.get(t, key, t);
        return typeof value === "function" && key !== "constructor" ? value.bind(t) : value;
      },
      set(t, key, value) {
        if (typeof key === "string" && /^-?\d+$/.test(key)) {
          t.#set(Number(key), value);
          return true;
        }
        return Reflect.set(t, key, value, t);
      },
    });
  }

  /** The block holding the list. */
  get shm(): SharedMemory {
    return this.#shm;
  }

  /** Number of items. */
  get length(): number {
    return this.#view.getInt32(0, true);
  }

  /** Python's struct format of the items (`d` number, `q` bigint, `?`, `Ns` text). */
  get format(): string {
    let format = "";
    for (let i = 0; i < this.length; i++) {
      const type = this.#view.getInt32(HEADER + DESC * i, true);
      const size = this.#view.getInt32(HEADER + DESC * i + 8, true);
      format += [
        "x",
        "d",
        "q",
        "?",
        `${size - 4}s`,
        `${size - 4}s`,
      ][type];
    }
    return format;
  }

  #index(i: number): number {
    const n = this.length;
    if (i < 0) i += n;
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError("list index out of range");
    return i;
  }

  #get(index: number): ShareableValue {
    const i = this.#index(index);
    const view = this.#view;
    const type = view.getInt32(HEADER + DESC * i, true);
    const at = view.getInt32(HEADER + DESC * i + 4, true);
    switch (type) {
      case T_NUMBER:
        return view.getFloat64(at, true);
      case T_BIGINT:
        return view.getBigInt64(at, true);
      case T_BOOL:
        return view.getUint8(at) !== 0;
      case T_STR:
      case T_BYTES: {
        const length = view.getInt32(at, true);
        const bytes = new Uint8Array(view.buffer, view.byteOffset + at + 4, length).slice();
        return type === T_STR ? decoder.decode(bytes) : bytes;
      }
      default:
        return null;
    }
  }

  #set(index: number, value: ShareableValue): void {
    const i = this.#index(index);
    const view = this.#view;
    const enc = encode(value);
    const at = view.getInt32(HEADER + DESC * i + 4, true);
    const room = view.getInt32(HEADER + DESC * i + 8, true);
    if (slotSize(enc) > room) {
      throw new ValueError(
        `bytes/str item exceeds available storage: item ${i} has room for ${room - 4} bytes`,
      );
    }
    switch (enc.type) {
      case T_NUMBER:
        view.setFloat64(at, value as number, true);
        break;
      case T_BIGINT:
        view.setBigInt64(at, value as bigint, true);
        break;
      case T_BOOL:
        view.setUint8(at, value ? 1 : 0);
        break;
      case T_STR:
      case T_BYTES:
        view.setInt32(at, enc.bytes!.length, true);
        new Uint8Array(view.buffer, view.byteOffset + at + 4, enc.bytes!.length).set(enc.bytes!);
        break;
    }
    view.setInt32(HEADER + DESC * i, enc.type, true);
  }

  /**
   * How many items equal `value` (Python's `count`).
   * @param value The value to count.
   */
  count(value: ShareableValue): number {
    return [...this].filter((item) => item === value).length;
  }

  /**
   * The first position of `value`; raises `ValueError` when absent (Python's `index`).
   * @param value The value to find.
   */
  index(value: ShareableValue): number {
    const i = [...this].indexOf(value);
    if (i < 0) throw new ValueError(`${String(value)} not in this container`);
    return i;
  }

  /** Iterates over the items. */
  *[Symbol.iterator](): IterableIterator<ShareableValue> {
    for (let i = 0; i < this.length; i++) yield this.#get(i);
  }

  /** `ShareableList([1, 'two', None], name='psm_…')`, Python's repr. */
  toString(): string {
    const items = [...this].map((v) =>
      v === null
        ? "None"
        : typeof v === "string"
        ? `'${v}'`
        : typeof v === "boolean"
        ? (v ? "True" : "False")
        : String(v)
    );
    return `ShareableList([${items.join(", ")}], name='${this.#shm.name}')`;
  }

  /** @internal The reduce protocol: travels as its block. */
  [reduceSymbol](): Reduced {
    return { tag: LIST_TAG, module: import.meta.url, state: this.#shm };
  }

  /** @internal */
  static _adopt(shm: SharedMemory): ShareableList {
    adoptingList = shm;
    return new ShareableList();
  }
}
inspectable(ShareableList);
registerReviver(LIST_TAG, (state) => ShareableList._adopt(state as SharedMemory));
