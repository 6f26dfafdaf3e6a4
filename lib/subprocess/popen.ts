/**
 * `Popen`: a started program, its pipes and its exit status. Ports
 * `subprocess.Popen`, `PIPE`, `STDOUT` and `DEVNULL`.
 *
 * @module
 */

import {
  type ChildHandle,
  type ChildReadable,
  isSpawnFailure,
  signalNumber,
  spawnChild,
  type StdioSpec,
} from "../_internal/child_process.ts";
import { waitMs } from "../_internal/clock.ts";
import { reprArgs } from "./_repr.ts";
import { type Command, osErrorFrom, TimeoutExpired } from "./exceptions.ts";
import type { OSError } from "../exceptions.ts";
import { PipeReader, PipeWriter, type TextMode, textMode } from "./pipes.ts";

/**
 * Makes a pipe to the child for this stream (Python's `subprocess.PIPE`, -1).
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const r = await subprocess.run(["echo", "hi"], { stdout: subprocess.PIPE, text: true });
 * console.assert(r.stdout === "hi\n");
 * ```
 */
export const PIPE: -1 = -1;

/**
 * Sends the child's standard error where its standard output goes (Python's
 * `subprocess.STDOUT`, -2). Valid for `stderr` only.
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const r = await subprocess.run(["sh", "-c", "echo err >&2"], {
 *   stdout: subprocess.PIPE,
 *   stderr: subprocess.STDOUT,
 *   text: true,
 * });
 * console.assert(r.stdout === "err\n" && r.stderr === null);
 * ```
 */
export const STDOUT: -2 = -2;

/**
 * Connects the stream to the null device (Python's `subprocess.DEVNULL`, -3).
 *
 * @example Usage
 * ```ts
 * import { subprocess } from "@pyconc/pyconc";
 *
 * const code = await subprocess.call(["echo", "quiet"], { stdout: subprocess.DEVNULL });
 * console.assert(code === 0);
 * ```
 */
export const DEVNULL: -3 = -3;

/**
 * Where a standard stream goes: `PIPE`, `DEVNULL`, `STDOUT` (stderr only), a
 * file descriptor of this process (0 or more), or null / undefined to inherit
 * this process's stream.
 */
export type Redirect = number | null | undefined;

/** Options of {@linkcode Popen} (Python's keyword arguments, camelCased). */
export interface PopenOptions {
  /** Standard input: `PIPE`, `DEVNULL`, a file descriptor, or inherited (default). */
  stdin?: Redirect;
  /** Standard output: `PIPE`, `DEVNULL`, a file descriptor, or inherited (default). */
  stdout?: Redirect;
  /** Standard error: `PIPE`, `DEVNULL`, `STDOUT`, a file descriptor, or inherited (default). */
  stderr?: Redirect;
  /** Working directory of the child (a path or a `file:` URL). */
  cwd?: string | URL;
  /** The child's whole environment (replaces this process's, as in Python). */
  env?: Record<string, string>;
  /** Run `args` through `/bin/sh -c` (a string command line, or a list whose first item is). */
  shell?: boolean;
  /** Open the pipes in text mode: strings in and out, decoded as `encoding`. */
  text?: boolean;
  /** The text encoding (implies text mode); "utf-8" by default. */
  encoding?: string;
  /** Decoding errors: "strict" (default) raises, "replace" substitutes U+FFFD (implies text mode). */
  errors?: "strict" | "replace";
}

function stdioSpec(value: Redirect, stream: "stdin" | "stdout" | "stderr"): StdioSpec {
  if (value === null || value === undefined) return "inherit";
  if (value === PIPE) return "pipe";
  if (value === DEVNULL) return "ignore";
  if (Number.isInteger(value) && value >= 0) return value;
  if (value === STDOUT && stream === "stderr") return "pipe"; // resolved by the caller
  throw new TypeError(
    `Cannot start the program as '${stream}' must be PIPE, DEVNULL${
      stream === "stderr" ? ", STDOUT" : ""
    }, a file descriptor or null: current value is ${String(value)}`,
  );
}

/** Two pipes read as one, in arrival order; it ends when both have ended. */
function merged(a: ChildReadable, b: ChildReadable): ChildReadable {
  let open = 2;
  const ends: (() => void)[] = [];
  const ended = () => {
    if (--open === 0) { for (const l of ends.splice(0)) l(); }
  };
  a.onEnd(ended);
  b.onEnd(ended);
  return {
    onData(listener) {
      a.onData(listener);
      b.onData(listener);
    },
    onEnd(listener) {
      if (open === 0) queueMicrotask(listener);
      else ends.push(listener);
    },
    destroy() {
      a.destroy();
      b.destroy();
    },
  };
}

/** The argv a command line runs as, following Python's rules for `shell` and strings. */
export function argvOf(args: Command, shell: boolean): string[] {
  const list = typeof args === "string" ? [args] : args;
  if (!Array.isArray(list) && typeof list !== "string") {
    throw new TypeError(
      `Cannot start the program as 'args' must be a string or an array of strings: got ${typeof args}`,
    );
  }
  if (list.length === 0) {
    throw new TypeError("Cannot start the program as 'args' is an empty array");
  }
  list.forEach((arg, i) => {
    if (typeof arg !== "string") {
      throw new TypeError(
        `Cannot start the program as argument ${i} must be a string: got ${typeof arg} ${
          String(arg)
        }`,
      );
    }
  });
  return shell ? ["/bin/sh", "-c", ...list] : [...list];
}

/**
 * A running (or finished) child program. Ports `subprocess.Popen`.
 *
 * The constructor starts the program at once and throws `FileNotFoundError`
 * (or `PermissionError`) synchronously when it cannot, as Python does. What
 * blocks in Python returns a promise here: `wait`, `communicate`, and the
 * reads and writes on `stdin` / `stdout` / `stderr`. `poll()` and `returncode`
 * are synchronous. `await using` waits for the child at the end of the block
 * (Python's `with Popen(...) as p:`).
 *
 * Output sent to a `PIPE` is read as it arrives and kept until asked for, so
 * unlike CPython a child cannot deadlock on a full pipe while the parent
 * `wait()`s.
 *
 * `T` is `string` for text mode (`text`, `encoding` or `errors` given) and
 * `Uint8Array` otherwise; name it (`new Popen<string>(...)`) to get exact types.
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
 * const [out] = await p.communicate("ping");
 * console.assert(out === "ping" && p.returncode === 0);
 * ```
 */
export class Popen<T extends string | Uint8Array = string | Uint8Array> {
  /** The command as given (Python's `args`). */
  readonly args: Command;
  /** The pipe to the child's standard input, when `stdin` was `PIPE`. */
  readonly stdin: PipeWriter<T> | null;
  /** The pipe from the child's standard output, when `stdout` was `PIPE`. */
  readonly stdout: PipeReader<T> | null;
  /** The pipe from the child's standard error, when `stderr` was `PIPE`. */
  readonly stderr: PipeReader<T> | null;
  /** Whether the pipes are in text mode. */
  readonly textMode: boolean;

  #handle: ChildHandle;
  #returncode: number | null = null;
  #exited: Promise<number>;
  #startError: OSError | undefined;
  #communicated = false;
  #stdinDone: Promise<void> | undefined;
  #stdoutAll: Promise<T> | undefined;
  #stderrAll: Promise<T> | undefined;

  /**
   * Starts the program.
   * @param args The program and its arguments, or (with `shell`) a command line.
   * @param options Redirections, working directory, environment, text mode.
   */
  constructor(args: Command, options: PopenOptions = {}) {
    const argv = argvOf(args, options.shell ?? false);
    const mode: TextMode | null = textMode(options);
    if (options.env !== undefined) {
      for (const [key, value] of Object.entries(options.env)) {
        if (typeof value !== "string") {
          throw new TypeError(
            `Cannot start the program as env[${
              JSON.stringify(key)
            }] must be a string: got ${typeof value}`,
          );
        }
      }
    }
    const mergeStderr = options.stderr === STDOUT;
    const stdoutSpec = stdioSpec(options.stdout, "stdout");
    let stderrSpec = stdioSpec(options.stderr, "stderr");
    // STDOUT: share standard output's destination. A pipe is merged here,
    // chunk by chunk in arrival order; anything else is passed to the child.
    if (mergeStderr) stderrSpec = stdoutSpec === "inherit" ? 1 : stdoutSpec;
    let handle: ChildHandle;
    try {
      handle = spawnChild(argv[0], argv.slice(1), {
        cwd: options.cwd,
        env: options.env,
        stdin: stdioSpec(options.stdin, "stdin"),
        stdout: stdoutSpec,
        stderr: stderrSpec,
      });
    } catch (error) {
      throw isSpawnFailure(error) ? osErrorFrom(error) : error;
    }
    this.args = args;
    this.textMode = mode !== null;
    this.#handle = handle;
    this.stdin = handle.stdin ? new PipeWriter<T>(handle.stdin, mode) : null;
    if (mergeStderr && handle.stdout && handle.stderr) {
      this.stdout = new PipeReader<T>(merged(handle.stdout, handle.stderr), mode);
      this.stderr = null;
    } else {
      this.stdout = handle.stdout ? new PipeReader<T>(handle.stdout, mode) : null;
      this.stderr = handle.stderr ? new PipeReader<T>(handle.stderr, mode) : null;
    }
    this.#exited = handle.exited.then(
      (exit) => {
        this.#returncode = exit.code ?? -(exit.signal ?? 0);
        return this.#returncode;
      },
      (error) => {
        this.#startError = isSpawnFailure(error) ? osErrorFrom(error) : error;
        throw this.#startError;
      },
    );
    // A start failure is reported by wait()/communicate(); never unhandled.
    this.#exited.catch(() => {});
  }

  /** The OS process id of the child. */
  get pid(): number {
    return this.#handle.pid;
  }

  /**
   * The exit status once the child has ended, else null. Negative: the child
   * was killed by that signal (-9 for SIGKILL), as in Python.
   */
  get returncode(): number | null {
    return this.#returncode;
  }

  /** The exit status if the child has ended, else null (never waits). Ports `Popen.poll()`. */
  poll(): number | null {
    if (this.#startError) throw this.#startError;
    return this.#returncode;
  }

  /**
   * Waits for the child to end and resolves to its exit status. With a
   * timeout (seconds) it rejects with `TimeoutExpired` and leaves the child
   * running. Ports `Popen.wait(timeout=None)`.
   * @param timeout Seconds to wait at most; undefined or null waits forever.
   */
  wait(timeout?: number | null): Promise<number> {
    if (this.#returncode !== null) return Promise.resolve(this.#returncode);
    return this.#withTimeout(this.#exited, timeout, () => new TimeoutExpired(this.args, timeout!));
  }

  /**
   * Sends `input` (if any) to standard input and closes it, reads standard
   * output and error to their end, and waits for the child; resolves to
   * `[stdout, stderr]` (null for a stream that is not a `PIPE`). With a timeout
   * (seconds) it rejects with `TimeoutExpired` carrying the output so far and
   * leaves the child running; calling `communicate()` again (after `kill()`,
   * say) resumes and returns everything. Ports
   * `Popen.communicate(input=None, timeout=None)`.
   * @param input Text in text mode, bytes otherwise; or an options object `{ input, timeout }`.
   * @param timeout Seconds to wait at most.
   */
  communicate(
    input?: T | null | { input?: T | null; timeout?: number | null },
    timeout?: number | null,
  ): Promise<[T | null, T | null]> {
    if (
      input !== null && input !== undefined && typeof input === "object" &&
      !(input instanceof Uint8Array)
    ) {
      ({ input, timeout } = input);
    }
    const data = input as T | null | undefined;
    if (this.#communicated && data !== null && data !== undefined && data.length > 0) {
      return Promise.reject(new RangeError("Cannot send input after starting communication"));
    }
    let encoded: Uint8Array | undefined;
    try {
      if (data !== null && data !== undefined && this.stdin) encoded = this.stdin.encode(data);
    } catch (error) {
      return Promise.reject(error);
    }
    if (!this.#communicated) {
      this.#communicated = true;
      if (this.stdin && !this.stdin.closed) {
        const stdin = this.stdin;
        this.#stdinDone = (async () => {
          if (encoded && encoded.length > 0) await this.#handle.stdin!.write(encoded);
          await stdin.close();
        })();
      }
      if (this.stdout && !this.stdout.closed) this.#stdoutAll = this.stdout.read();
      if (this.stderr && !this.stderr.closed) this.#stderrAll = this.stderr.read();
    }
    const all = Promise.all([
      this.#stdinDone,
      this.#stdoutAll ?? null,
      this.#stderrAll ?? null,
      this.#exited,
    ]).then(([, out, err]) => [out, err] as [T | null, T | null]);
    return this.#withTimeout(all, timeout, () =>
      new TimeoutExpired(
        this.args,
        timeout!,
        this.#stdoutAll ? this.stdout!.peek() : null,
        this.#stderrAll ? this.stderr!.peek() : null,
      ));
  }

  #withTimeout<R>(
    promise: Promise<R>,
    timeout: number | null | undefined,
    onTimeout: () => Error,
  ): Promise<R> {
    if (timeout === null || timeout === undefined) return promise;
    if (typeof timeout !== "number" || Number.isNaN(timeout)) {
      return Promise.reject(
        new TypeError(`'timeout' must be a number of seconds: current value is ${String(timeout)}`),
      );
    }
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => reject(onTimeout()), waitMs(timeout));
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /**
   * Sends a signal to the child (a name such as "SIGINT" or a number); does
   * nothing once the child has ended. Ports `Popen.send_signal(signal)`.
   * @param signal The signal.
   */
  sendSignal(signal: string | number): void {
    if (signalNumber(signal) === undefined) {
      throw new TypeError(
        `Cannot send signal as it is not a known signal name or number: ${String(signal)}`,
      );
    }
    if (this.#returncode !== null) return;
    this.#handle.kill(signal);
  }

  /** Sends SIGTERM. Ports `Popen.terminate()`. */
  terminate(): void {
    this.sendSignal("SIGTERM");
  }

  /** Sends SIGKILL. Ports `Popen.kill()`. */
  kill(): void {
    this.sendSignal("SIGKILL");
  }

  /**
   * Closes the pipes and waits for the child (Python's `Popen.__exit__`).
   * Output not read by then is dropped.
   */
  async [Symbol.asyncDispose](): Promise<void> {
    this.stdout?.close();
    this.stderr?.close();
    try {
      await this.stdin?.close();
    } finally {
      await this.#exited.catch(() => {});
    }
  }

  /** Python's repr: `<Popen: returncode: None args: ['ls']>`. */
  toString(): string {
    const code = this.#returncode === null ? "None" : String(this.#returncode);
    return `<Popen: returncode: ${code} args: ${reprArgs(this.args)}>`;
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
