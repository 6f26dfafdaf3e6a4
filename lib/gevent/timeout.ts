/**
 * `gevent.Timeout` and `gevent.with_timeout`: raise an exception in the
 * greenlet that started the timeout once its seconds have passed.
 *
 * @module
 */

import { waitMs } from "../_internal/clock.ts";
import { currentRunner, type Runner } from "./hub.ts";

function describe(seconds: number | null, exception: unknown): string {
  if (seconds === null) return "";
  const unit = `${seconds} second${seconds === 1 ? "" : "s"}`;
  if (exception === null || exception === undefined) return unit;
  if (exception === false) return `${unit} (silent)`;
  return `${unit}: ${String(exception)}`;
}

/**
 * Raises an exception in the greenlet (or main program) that started it,
 * `seconds` after `start()`: by default the `Timeout` itself. Ports
 * `gevent.Timeout(seconds=None, exception=None)`.
 *
 * The exception is raised in the greenlet's current gevent wait (`sleep`,
 * `join`, `get`, pool waits), or at its next one. Python's `with Timeout(s):`
 * becomes `using _ = Timeout.startNew(s)` (the timeout is cancelled at the end
 * of the block); Python's silent `with Timeout(s, False):` needs to see the
 * exception, which `using` cannot: use {@linkcode withTimeout}.
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * try {
 *   using _ = gevent.Timeout.startNew(0.05);
 *   await gevent.sleep(10);
 * } catch (e) {
 *   console.assert(e instanceof gevent.Timeout && e.message === "0.05 seconds");
 * }
 * ```
 */
export class Timeout extends Error {
  /** The delay in seconds, or null for a timeout that never fires. */
  readonly seconds: number | null;
  /** What is raised when it fires: null / false raise the Timeout itself. */
  readonly exception: unknown;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #runner: Runner | undefined;
  #fired = false;
  #onFire: (() => void)[] = [];

  /**
   * Creates a timeout; nothing happens until `start()`.
   * @param seconds Delay in seconds; null or undefined never fires.
   * @param exception What to raise instead of the Timeout itself (false: the Timeout, silently caught by `withTimeout`).
   */
  constructor(seconds: number | null = null, exception: unknown = null) {
    if (seconds !== null && (typeof seconds !== "number" || Number.isNaN(seconds))) {
      throw new TypeError(
        `Cannot create Timeout as 'seconds' must be a number or null: current value is ${
          String(seconds)
        }`,
      );
    }
    super(describe(seconds, exception));
    this.seconds = seconds;
    this.exception = exception;
  }

  /**
   * Starts a new timeout and returns it. Ports `Timeout.start_new`.
   * @param seconds Delay in seconds.
   * @param exception What to raise instead of the Timeout itself.
   */
  static startNew(seconds: number | null = null, exception: unknown = null): Timeout {
    return new Timeout(seconds, exception).start();
  }

  /** Arms the timer, aimed at the current greenlet. Ports `Timeout.start()`. */
  start(): this {
    if (this.pending) {
      throw new RangeError(`Cannot start ${this}: it is already pending`);
    }
    this.#fired = false;
    this.#runner = currentRunner();
    if (this.seconds === null) return this;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#fired = true;
      const error = this.exception === null || this.exception === undefined ||
          this.exception === false
        ? this
        : this.exception;
      this.#runner!.throwIn(error);
      for (const listener of this.#onFire.splice(0)) listener();
    }, waitMs(this.seconds));
    return this;
  }

  /** True while the timer is armed. */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  /** True once the timeout has fired. */
  get fired(): boolean {
    return this.#fired;
  }

  /** Calls `listener` when the timeout fires. @internal */
  onFire(listener: () => void): void {
    this.#onFire.push(listener);
  }

  /**
   * Disarms the timer; if it fired but was not raised yet, it will not be.
   * Ports `Timeout.cancel()`.
   */
  cancel(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#onFire.length = 0;
    if (this.#fired && this.#runner) {
      const error = this.exception === null || this.exception === undefined ||
          this.exception === false
        ? this
        : this.exception;
      this.#runner.withdraw(error);
    }
  }

  /** Same as `cancel()`. Ports `Timeout.close()`. */
  close(): void {
    this.cancel();
  }

  /** Cancels at the end of a `using` block (Python's `with Timeout(...)` exit). */
  [Symbol.dispose](): void {
    this.cancel();
  }

  /** Python's repr: `<Timeout at …: seconds=1 exception=None pending>`. */
  override toString(): string {
    const exc = this.exception === null || this.exception === undefined
      ? "None"
      : this.exception === false
      ? "False"
      : String(this.exception);
    return `<Timeout seconds=${this.seconds ?? "None"} exception=${exc}${
      this.pending ? " pending" : ""
    }>`;
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
Object.defineProperty(Timeout.prototype, "name", {
  value: "Timeout",
  writable: true,
  configurable: true,
});

/** Options of {@linkcode withTimeout}. */
export interface WithTimeoutOptions<V> {
  /** Returned instead of raising when the timeout fires (Python's `timeout_value`). */
  timeoutValue?: V;
}

/**
 * Runs `fn` and resolves to its result, or raises `Timeout` if it takes longer
 * than `seconds` (or resolves to `timeoutValue` when one is given). Ports
 * `gevent.with_timeout(seconds, function, *args, timeout_value=...)`; pass
 * arguments with a closure.
 *
 * The promise settles at the deadline even if `fn` is awaiting something that
 * is not a gevent wait; the Timeout is also raised inside `fn` at its current
 * or next gevent wait.
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * const value = await gevent.withTimeout(0.05, () => gevent.sleep(10), { timeoutValue: "late" });
 * console.assert(value === "late");
 * ```
 *
 * @param seconds Seconds to allow.
 * @param fn The work.
 * @param options `timeoutValue` to return instead of raising.
 */
export async function withTimeout<T, V = never>(
  seconds: number,
  fn: () => T | Promise<T>,
  options: WithTimeoutOptions<V> = {},
): Promise<T | V> {
  const timeout = new Timeout(seconds);
  const fired = new Promise<never>((_, reject) => {
    timeout.onFire(() => reject(timeout));
  });
  fired.catch(() => {});
  timeout.start();
  try {
    return await Promise.race([Promise.resolve().then(fn), fired]);
  } catch (error) {
    if (error === timeout && "timeoutValue" in options) return options.timeoutValue as V;
    throw error;
  } finally {
    timeout.cancel();
  }
}
