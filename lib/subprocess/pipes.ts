/**
 * The pipe objects of `Popen`: `stdin` (a writer) and `stdout` / `stderr`
 * (readers), Python's file objects for a child's streams.
 *
 * Readers take the child's output as it arrives and keep it until it is read,
 * so a child that prints megabytes never blocks on a full pipe, whatever the
 * parent does meanwhile (in CPython that is a deadlock the docs warn about).
 *
 * @module
 */

import type { ChildReadable, ChildWritable } from "../_internal/child_process.ts";

/** How text is decoded and encoded (Python's `encoding` and `errors`). */
export interface TextMode {
  /** The encoding ("utf-8" by default). */
  encoding: string;
  /** "strict" raises on bad bytes; "replace" puts U+FFFD in their place. */
  errors: "strict" | "replace";
}

/** Checks and normalises Python's `text` / `encoding` / `errors` options. */
export function textMode(
  options: { text?: boolean; encoding?: string; errors?: string },
): TextMode | null {
  const { text, encoding, errors } = options;
  if (!text && encoding === undefined && errors === undefined) return null;
  const mode: TextMode = { encoding: encoding ?? "utf-8", errors: "strict" };
  if (errors !== undefined) {
    if (errors !== "strict" && errors !== "replace") {
      throw new TypeError(
        `Cannot decode output as 'errors' must be "strict" or "replace": current value is ${
          JSON.stringify(errors)
        }`,
      );
    }
    mode.errors = errors;
  }
  try {
    new TextDecoder(mode.encoding);
  } catch {
    throw new RangeError(`Cannot decode output: unknown encoding ${JSON.stringify(mode.encoding)}`);
  }
  return mode;
}

/** Encodes text for a child's standard input in the given encoding. */
export function encodeText(text: string, mode: TextMode): Uint8Array {
  const encoding = new TextDecoder(mode.encoding).encoding; // canonical name
  if (encoding === "utf-8") return new TextEncoder().encode(text);
  if (encoding === "windows-1252" || encoding === "iso-8859-1" || encoding === "us-ascii") {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0xff) {
        if (mode.errors === "strict") {
          throw new RangeError(
            `Cannot encode input as ${mode.encoding}: character ${
              JSON.stringify(text[i])
            } at position ${i} is out of range`,
          );
        }
        out[i] = 0x3f; // "?", Python's replacement when encoding
      } else out[i] = code;
    }
    return out;
  }
  if (encoding === "utf-16le") {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      out[2 * i] = code & 0xff;
      out[2 * i + 1] = code >> 8;
    }
    return out;
  }
  throw new RangeError(
    `Cannot encode input as ${mode.encoding}: input encoding must be utf-8, latin-1 or utf-16le`,
  );
}

/** Joins byte chunks into one plain Uint8Array. */
export function concatBytes(chunks: readonly Uint8Array[], total?: number): Uint8Array {
  const size = total ?? chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The buffer behind a reader: bytes, or decoded text with newlines translated. */
interface Buffer<T> {
  push(chunk: Uint8Array): void;
  end(): void;
  /** Units (bytes or UTF-16 code units) ready to be read. */
  readonly size: number;
  /** Index just past the first complete line, or -1. */
  lineEnd(eof: boolean): number;
  take(n: number): T;
  /** Everything buffered, left in place. */
  peek(): T;
}

class ByteBuffer implements Buffer<Uint8Array> {
  #chunks: Uint8Array[] = [];
  size = 0;
  push(chunk: Uint8Array) {
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.size += chunk.length;
  }
  end() {}
  lineEnd(): number {
    let offset = 0;
    for (const chunk of this.#chunks) {
      const i = chunk.indexOf(0x0a);
      if (i >= 0) return offset + i + 1;
      offset += chunk.length;
    }
    return -1;
  }
  take(n: number): Uint8Array {
    n = Math.min(n, this.size);
    if (this.#chunks.length === 1 && this.#chunks[0].length === n) {
      this.size = 0;
      return this.#chunks.pop()!;
    }
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const chunk = this.#chunks[0];
      const want = n - at;
      if (chunk.length <= want) {
        out.set(chunk, at);
        at += chunk.length;
        this.#chunks.shift();
      } else {
        out.set(chunk.subarray(0, want), at);
        this.#chunks[0] = chunk.subarray(want);
        at += want;
      }
    }
    this.size -= n;
    return out;
  }
  peek(): Uint8Array {
    return concatBytes(this.#chunks, this.size);
  }
}

class TextBuffer implements Buffer<string> {
  #decoder: TextDecoder;
  #text = "";
  #pendingCR = false;
  constructor(mode: TextMode) {
    this.#decoder = new TextDecoder(mode.encoding, { fatal: mode.errors === "strict" });
  }
  get size() {
    return this.#text.length;
  }
  #add(decoded: string, final: boolean) {
    let text = (this.#pendingCR ? "\r" : "") + decoded;
    // A "\r" at the end may be the first half of "\r\n": hold it back.
    this.#pendingCR = !final && text.endsWith("\r");
    if (this.#pendingCR) text = text.slice(0, -1);
    this.#text += text.replace(/\r\n?/g, "\n");
  }
  push(chunk: Uint8Array) {
    this.#add(this.#decoder.decode(chunk, { stream: true }), false);
  }
  end() {
    this.#add(this.#decoder.decode(), true);
  }
  lineEnd(): number {
    const i = this.#text.indexOf("\n");
    return i < 0 ? -1 : i + 1;
  }
  take(n: number): string {
    const out = this.#text.slice(0, n);
    this.#text = this.#text.slice(out.length);
    return out;
  }
  peek(): string {
    return this.#text;
  }
}

/**
 * A child's standard output or error, opened with `PIPE`: Python's file
 * object for the pipe, with promise-returning reads. `T` is `string` in text
 * mode, `Uint8Array` otherwise. Iterate it with `for await` to get lines.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const p = new subprocess.Popen<string>(["sh", "-c", "echo one; echo two"], {
 *   stdout: subprocess.PIPE,
 *   text: true,
 * });
 * const lines: string[] = [];
 * for await (const line of p.stdout!) lines.push(line);
 * await p.wait();
 * console.assert(lines.join("") === "one\ntwo\n");
 * ```
 */
export class PipeReader<T extends string | Uint8Array = string | Uint8Array> {
  #buffer: Buffer<T>;
  #eof = false;
  #closed = false;
  #error: unknown = undefined;
  #waiters: (() => void)[] = [];
  #source: ChildReadable | null;

  /**
   * Wraps a pipe from a child. Created by `Popen`; not meant to be built by hand.
   * @param source The pipe.
   * @param mode Text decoding, or null for bytes.
   */
  constructor(source: ChildReadable | null, mode: TextMode | null) {
    this.#buffer = (mode ? new TextBuffer(mode) : new ByteBuffer()) as unknown as Buffer<T>;
    this.#source = source;
    source?.onData((chunk) => this.feed(chunk));
    source?.onEnd(() => this.finish());
  }

  /** Adds bytes from the child (also used to merge stderr into stdout). @internal */
  feed(chunk: Uint8Array): void {
    if (this.#closed || this.#eof) return;
    try {
      this.#buffer.push(chunk);
    } catch (error) {
      this.#error ??= error;
    }
    this.#wake();
  }

  /** Marks the end of the child's output. @internal */
  finish(): void {
    if (this.#eof) return;
    try {
      this.#buffer.end();
    } catch (error) {
      this.#error ??= error;
    }
    this.#eof = true;
    this.#wake();
  }

  #wake() {
    for (const wake of this.#waiters.splice(0)) wake();
  }

  #more(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #check() {
    if (this.#closed) throw new RangeError("I/O operation on closed file.");
    if (this.#error !== undefined) {
      const error = this.#error;
      this.#error = undefined;
      throw error;
    }
  }

  /** What has arrived and not been read yet, left in place. @internal */
  peek(): T {
    return this.#buffer.peek();
  }

  /** True once the child's end of the pipe is closed and everything was read. */
  get atEof(): boolean {
    return this.#eof && this.#buffer.size === 0;
  }

  /** True after `close()`. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Reads to the end of the output (no argument or a negative size), or up to
   * `size` bytes (characters in text mode), waiting until that many have
   * arrived or the output ends. Ports `file.read(size=-1)`.
   * @param size How much to read; all when omitted or negative.
   */
  async read(size = -1): Promise<T> {
    this.#check();
    if (size >= 0 && !Number.isInteger(size)) {
      throw new TypeError(`Cannot read as 'size' must be an integer: current value is ${size}`);
    }
    while (!this.#eof && (size < 0 || this.#buffer.size < size)) {
      await this.#more();
      this.#check();
    }
    this.#check();
    return this.#buffer.take(size < 0 ? this.#buffer.size : size);
  }

  /**
   * Reads one line, with its newline; an empty result means the output ended.
   * Ports `file.readline()`.
   */
  async readline(): Promise<T> {
    this.#check();
    for (;;) {
      const end = this.#buffer.lineEnd(this.#eof);
      if (end >= 0) return this.#buffer.take(end);
      if (this.#eof) return this.#buffer.take(this.#buffer.size);
      await this.#more();
      this.#check();
    }
  }

  /** Reads every remaining line. Ports `file.readlines()`. */
  async readlines(): Promise<T[]> {
    const lines: T[] = [];
    for await (const line of this) lines.push(line);
    return lines;
  }

  /** Yields the remaining lines, each with its newline (Python's `for line in f`). */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for (;;) {
      const line = await this.readline();
      if (line.length === 0) return;
      yield line;
    }
  }

  /** Closes the pipe; unread output is dropped. Ports `file.close()`. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#source?.destroy();
    this.#buffer.take(this.#buffer.size);
    this.#wake();
  }

  /** Python-style description. */
  toString(): string {
    return `<PipeReader [${
      this.#closed ? "closed" : this.#eof ? "eof" : "open"
    }, buffered:${this.#buffer.size}]>`;
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

/**
 * A child's standard input, opened with `PIPE`: Python's file object for the
 * pipe. `write` takes text in text mode and bytes otherwise; `close()` sends
 * end-of-file.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const p = new subprocess.Popen<string>(["cat"], {
 *   stdin: subprocess.PIPE,
 *   stdout: subprocess.PIPE,
 *   text: true,
 * });
 * await p.stdin!.write("hello\n");
 * await p.stdin!.close();
 * console.assert((await p.stdout!.read()) === "hello\n");
 * await p.wait();
 * ```
 */
export class PipeWriter<T extends string | Uint8Array = string | Uint8Array> {
  #sink: ChildWritable;
  #mode: TextMode | null;
  #closed = false;

  /**
   * Wraps a pipe into a child. Created by `Popen`; not meant to be built by hand.
   * @param sink The pipe.
   * @param mode Text encoding, or null for bytes.
   */
  constructor(sink: ChildWritable, mode: TextMode | null) {
    this.#sink = sink;
    this.#mode = mode;
  }

  /** Converts what the caller gave into bytes, as Python's type rules demand. @internal */
  encode(data: T): Uint8Array {
    if (this.#mode) {
      if (typeof data !== "string") {
        throw new TypeError(
          `Cannot write to a text-mode pipe: expected a string, got ${describe(data)}`,
        );
      }
      return encodeText(data, this.#mode);
    }
    if (!(data instanceof Uint8Array)) {
      throw new TypeError(
        `Cannot write to a binary pipe: expected a Uint8Array (pass text: true for strings), got ${
          describe(data)
        }`,
      );
    }
    return data;
  }

  /**
   * Writes and resolves to the number of characters (text) or bytes written.
   * Writing after the child closed its end is silently dropped, as CPython's
   * `communicate()` ignores `BrokenPipeError`. Ports `file.write()`.
   * @param data Text in text mode, bytes otherwise.
   */
  async write(data: T): Promise<number> {
    if (this.#closed) throw new RangeError("I/O operation on closed file.");
    await this.#sink.write(this.encode(data));
    return data.length;
  }

  /** Nothing is buffered on this side: resolves at once. Ports `file.flush()`. */
  flush(): Promise<void> {
    return Promise.resolve();
  }

  /** Closes the pipe, so the child reads end-of-file. Ports `file.close()`. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#sink.end();
  }

  /** True after `close()`. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Python-style description. */
  toString(): string {
    return `<PipeWriter [${this.#closed ? "closed" : "open"}]>`;
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

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return (value as object).constructor?.name ?? "object";
  return typeof value;
}
