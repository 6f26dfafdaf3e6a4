/**
 * `multiprocessing.Pipe` and `Connection`. Ports the parts of CPython's
 * `Lib/multiprocessing/connection.py` that `Pipe()` returns.
 *
 * Each direction of a pipe is a shared-memory queue (the ring behind
 * `queue.Queue`), so either end can be passed to a `Process` or pool task as
 * an argument. Messages are copied (structured-clone semantics); one that
 * cannot be sent fails at `send` with a `TypeError`. `recv` raises
 * {@linkcode EOFError} once the other end is closed and nothing is left to
 * read. Blocking methods keep Python's names, each with an `…Async` twin;
 * times in seconds.
 *
 * @module
 */

import { OSError } from "../exceptions.ts";
import { type Reduced, reduceSymbol, registerReviver } from "../_internal/reduce.ts";
import { runAsync, runBlocking, SharedRing } from "../_internal/shared_ring.ts";
import { currentSignal } from "../asyncio/tasks.ts";

/**
 * Raised by `recv()` when the other end of the pipe is closed and nothing is
 * left to read. Ports Python's builtin `EOFError`.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const [a, b] = multiprocessing.Pipe();
 * b.close();
 * try {
 *   a.recv();
 * } catch (e) {
 *   console.assert(e instanceof multiprocessing.EOFError);
 * }
 * ```
 */
export class EOFError extends Error {
  /**
   * Creates the error.
   * @param message Details.
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
Object.defineProperty(EOFError.prototype, "name", {
  value: "EOFError",
  writable: true,
  configurable: true,
});

/** Options of {@linkcode Pipe}. */
export interface PipeOptions {
  /** Bytes of shared memory per direction (default 1 MiB). */
  capacity?: number;
}

const TAG = "pyconc.connection";

/**
 * One end of a pipe. Ports `multiprocessing.connection.Connection`.
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const [parent, child] = multiprocessing.Pipe();
 * child.send({ hello: "world" });
 * console.assert(parent.poll(0) && parent.recv().hello === "world");
 * ```
 */
// deno-lint-ignore no-explicit-any
export class Connection<T = any> {
  readonly #in: SharedRing | undefined;
  readonly #out: SharedRing | undefined;
  #closed = false;

  /** @internal Created by {@linkcode Pipe}. */
  constructor(incoming: SharedRing | undefined, outgoing: SharedRing | undefined) {
    this.#in = incoming;
    this.#out = outgoing;
  }

  /** True once `close()` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /** True if this end can receive. */
  get readable(): boolean {
    return this.#in !== undefined;
  }

  /** True if this end can send. */
  get writable(): boolean {
    return this.#out !== undefined;
  }

  #checkOpen(): void {
    if (this.#closed) throw new OSError(9, "handle is closed");
  }

  #reader(): SharedRing {
    this.#checkOpen();
    if (!this.#in) throw new OSError(22, "connection is write-only");
    return this.#in;
  }

  #writer(): SharedRing {
    this.#checkOpen();
    if (!this.#out) throw new OSError(22, "connection is read-only");
    return this.#out;
  }

  /** Sends a message (copied; it must be structured-cloneable). */
  send(obj: T): void {
    runBlocking(this.#writer().putSteps(obj, true, undefined, false), "send()", "sendAsync()");
  }

  /** Sends a message, waiting for room without blocking the thread. */
  async sendAsync(obj: T): Promise<void> {
    await runAsync(this.#writer().putSteps(obj, true, undefined, false));
  }

  /**
   * Sends bytes: `buf[offset .. offset + size]` (Python's `send_bytes`).
   */
  sendBytes(buf: ArrayBufferView | ArrayBuffer, offset = 0, size?: number): void {
    const bytes = buf instanceof ArrayBuffer
      ? new Uint8Array(buf)
      : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    if (offset < 0) throw new RangeError("offset is negative");
    if (offset > bytes.length) throw new RangeError("buffer length < offset");
    const end = size === undefined ? bytes.length : offset + size;
    if (size !== undefined && size < 0) throw new RangeError("size is negative");
    if (end > bytes.length) throw new RangeError("buffer length < offset + size");
    this.send(bytes.slice(offset, end) as T);
  }

  #received(result: { ok: true; value: unknown } | { ok: false; why: string }): T {
    if (result.ok) return result.value as T;
    throw new EOFError();
  }

  /** Receives a message, waiting for one (blocks the thread); `EOFError` once the other end closed. */
  recv(): T {
    return this.#received(
      runBlocking(this.#reader().getSteps(true, undefined), "recv()", "recvAsync()"),
    );
  }

  /** Receives a message without blocking the thread. */
  async recvAsync(options: { signal?: AbortSignal } = {}): Promise<T> {
    return this.#received(
      await runAsync(this.#reader().getSteps(true, undefined), options.signal ?? currentSignal()),
    );
  }

  /**
   * Receives a message sent with `sendBytes` (Python's `recv_bytes`); an
   * `OSError` if it is longer than `maxlength`.
   */
  recvBytes(maxlength?: number): Uint8Array {
    return this.#checkBytes(this.recv(), maxlength);
  }

  /** `recvBytes` without blocking the thread. */
  async recvBytesAsync(maxlength?: number): Promise<Uint8Array> {
    return this.#checkBytes(await this.recvAsync(), maxlength);
  }

  #checkBytes(message: unknown, maxlength: number | undefined): Uint8Array {
    if (!(message instanceof Uint8Array)) {
      throw new TypeError(`recvBytes() got a message that is not bytes: ${typeof message}`);
    }
    if (maxlength !== undefined && maxlength < 0) throw new RangeError("negative maxlength");
    if (maxlength !== undefined && message.length > maxlength) {
      throw new OSError(90, "bad message length");
    }
    return message;
  }

  /**
   * Whether a message can be read now, waiting up to `timeout` seconds (0 by
   * default; `null` waits without limit). True at EOF too, as in Python (the
   * `recv` then raises `EOFError`).
   */
  poll(timeout: number | null = 0): boolean {
    const ring = this.#reader();
    runBlocking(ring.pollSteps(timeout), "poll()", "pollAsync()");
    return ring.size > 0 || ring.writers <= 0;
  }

  /** `poll` without blocking the thread. */
  async pollAsync(timeout: number | null = 0): Promise<boolean> {
    const ring = this.#reader();
    await runAsync(ring.pollSteps(timeout));
    return ring.size > 0 || ring.writers <= 0;
  }

  /** Closes this end; the other end's `recv` raises `EOFError` once drained. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#out?.addWriter(-1);
  }

  /** `using conn = ...` closes it. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** @internal Sends this end to a worker (one more open copy of it). */
  [reduceSymbol](): Reduced {
    this.#checkOpen();
    this.#out?.addWriter(1);
    return {
      tag: TAG,
      module: import.meta.url,
      state: { in: this.#in?.buffer, out: this.#out?.buffer },
    };
  }

  /** Python-style repr. */
  toString(): string {
    const mode = this.readable && this.writable ? "duplex" : this.readable ? "read" : "write";
    return `<Connection [${this.#closed ? "closed" : mode}${
      this.#in ? `, pending:${this.#in.size}` : ""
    }]>`;
  }

  /** Deno's inspect hook. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  /** Node's inspect hook. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

registerReviver(TAG, (state) => {
  const s = state as { in?: SharedArrayBuffer; out?: SharedArrayBuffer };
  return new Connection(
    s.in ? new SharedRing(s.in) : undefined,
    s.out ? new SharedRing(s.out) : undefined,
  );
});

/**
 * Returns the two ends of a pipe. Ports `multiprocessing.Pipe(duplex=True)`:
 * with `duplex` both ends send and receive; without, the first end only
 * receives and the second only sends.
 *
 * An end that is sent to a worker counts as one more open copy: the other
 * side sees EOF once every copy is closed (a worker that ends without closing
 * its copy keeps it open).
 *
 * @example Usage
 * ```ts
 * import { multiprocessing } from "@pyconc/pyconc";
 *
 * const [reader, writer] = multiprocessing.Pipe(false);
 * writer.send([1, 2, 3]);
 * console.assert(reader.recv().length === 3);
 * ```
 */
// deno-lint-ignore no-explicit-any
export function Pipe<T = any>(
  duplex = true,
  options: PipeOptions = {},
): [Connection<T>, Connection<T>] {
  const capacity = options.capacity;
  const aToB = SharedRing.create({ capacity });
  if (!duplex) return [new Connection<T>(aToB, undefined), new Connection<T>(undefined, aToB)];
  const bToA = SharedRing.create({ capacity });
  return [new Connection<T>(bToA, aToB), new Connection<T>(aToB, bToA)];
}
