/**
 * `asyncio.timeout` and `asyncio.timeout_at`. Ports Python's
 * `asyncio.timeouts` (`Timeout` with `when`, `reschedule`, `expired`).
 *
 * Python writes `async with asyncio.timeout(10) as cm:`. Its exit must see the
 * body's exception (to turn the task's own `CancelledError` into
 * `TimeoutError`), which `await using` cannot do (a dispose never sees the
 * error), so the body is a callback:
 * `await asyncio.timeout(10, async (cm) => { ... })`.
 *
 * @module
 */

import { CancelledError, TimeoutError } from "../exceptions.ts";
import { getEventLoop, getRunningLoop, type Handle } from "./events.ts";
import { currentTask, type Task } from "./tasks.ts";

const inspectDeno = Symbol.for("Deno.customInspect");
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

type State = "created" | "active" | "expiring" | "expired" | "finished";

/**
 * A deadline for the code run inside it (Python's `asyncio.Timeout`). Made by
 * {@linkcode timeout} / {@linkcode timeoutAt}; `run(body)` is Python's
 * `async with`.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const cm = asyncio.timeout(null);
 *   await cm.run(async () => {
 *     cm.reschedule(asyncio.getRunningLoop().time() + 10);
 *     await asyncio.sleep(0);
 *   });
 *   console.assert(!cm.expired());
 * });
 * ```
 */
export class Timeout {
  #state: State = "created";
  #handle: Handle | undefined = undefined;
  #task: Task<unknown> | undefined = undefined;
  #when: number | null;
  #cancelling = 0;

  /**
   * Creates a timeout at loop time `when` (seconds), or none for `null`
   * (Python's `Timeout(when)`).
   */
  constructor(when: number | null) {
    checkWhen(when, "Timeout");
    this.#when = when;
  }

  /** The deadline in loop time (seconds), or `null` (Python's `when`). */
  when(): number | null {
    return this.#when;
  }

  /**
   * Moves the deadline to loop time `when` (seconds), or removes it with
   * `null` (Python's `reschedule`).
   * @throws {Error} RuntimeError: not entered, or already expired/finished.
   */
  reschedule(when: number | null): void {
    checkWhen(when, "reschedule()");
    if (this.#state !== "active") {
      if (this.#state === "created") throw new Error("Timeout has not been entered");
      throw new Error(`Cannot change state of ${this.#state} Timeout`);
    }
    this.#when = when;
    this.#handle?.cancel();
    if (when === null) {
      this.#handle = undefined;
    } else {
      const loop = getRunningLoopOrDefault();
      this.#handle = when <= loop.time()
        ? loop.callSoon(() => this.#onTimeout())
        : loop.callAt(when, () => this.#onTimeout());
    }
  }

  /** Whether the deadline passed and the body was cancelled (Python's `expired`). */
  expired(): boolean {
    return this.#state === "expiring" || this.#state === "expired";
  }

  /**
   * Runs `body(this)` under the deadline (Python's `async with`): when it
   * passes, the current task is cancelled and the resulting `CancelledError`
   * leaves as `TimeoutError`. A cancel from elsewhere stays a
   * `CancelledError`.
   *
   * @throws {Error} RuntimeError: not inside a task, or entered twice.
   */
  async run<T>(body: (cm: Timeout) => PromiseLike<T> | T): Promise<Awaited<T>> {
    if (typeof body !== "function") {
      throw new TypeError(`Timeout.run() needs a function: got ${typeof body}`);
    }
    this.#enter();
    let result: Awaited<T>;
    try {
      result = await body(this);
    } catch (error) {
      this.#exit(true, error);
      throw error;
    }
    this.#exit(false, undefined);
    return result;
  }

  #enter(): void {
    if (this.#state !== "created") throw new Error("Timeout has already been entered");
    const task = currentTask();
    if (task === undefined) throw new Error("Timeout should be used inside a task");
    this.#state = "active";
    this.#task = task;
    this.#cancelling = task.cancelling();
    this.reschedule(this.#when);
  }

  #exit(raised: boolean, error: unknown): void {
    this.#handle?.cancel();
    this.#handle = undefined;
    if (this.#state === "expiring") {
      this.#state = "expired";
      if (this.#task!.uncancel() <= this.#cancelling && raised) {
        // No new cancel requests: this cancellation is ours.
        if (error instanceof CancelledError) {
          const timeoutError = new TimeoutError();
          timeoutError.cause = error;
          throw timeoutError;
        }
      }
    } else if (this.#state === "active") {
      this.#state = "finished";
    }
  }

  #onTimeout(): void {
    if (this.#state !== "active") return;
    this.#task!.cancel();
    this.#state = "expiring";
    this.#handle = undefined;
  }

  /** `<Timeout [active] when=12.3>`. */
  toString(): string {
    const when = this.#when === null ? "" : ` when=${this.#when.toFixed(3)}`;
    return `<Timeout [${this.#state}]${when}>`;
  }

  /** Deno's inspect hook. */
  [inspectDeno](): string {
    return this.toString();
  }

  /** Node's inspect hook. */
  [inspectNode](): string {
    return this.toString();
  }
}

function getRunningLoopOrDefault() {
  try {
    return getRunningLoop();
  } catch {
    return getEventLoop();
  }
}

function checkWhen(when: unknown, what: string): void {
  if (when !== null && (typeof when !== "number" || Number.isNaN(when))) {
    throw new TypeError(
      `${what}: 'when' must be a loop time in seconds or null: got ${String(when)}`,
    );
  }
}

/**
 * A deadline `delay` seconds from now, or none for `null` (Python's
 * `asyncio.timeout(delay)`). With `body`, runs it under the deadline and
 * returns its result (Python's `async with asyncio.timeout(delay) as cm:`);
 * without, returns the {@linkcode Timeout} to `run` later.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   try {
 *     await asyncio.timeout(0.01, async () => {
 *       await asyncio.sleep(10);
 *     });
 *   } catch (e) {
 *     console.assert(e instanceof asyncio.TimeoutError);
 *   }
 * });
 * ```
 */
export function timeout(delay: number | null): Timeout;
/**
 * Runs `body(cm)` with a deadline `delay` seconds from now (Python's
 * `async with asyncio.timeout(delay) as cm:`); raises `TimeoutError` when it
 * passes.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   console.assert((await asyncio.timeout(1, () => asyncio.sleep(0, "in time"))) === "in time");
 * });
 * ```
 */
export function timeout<T>(
  delay: number | null,
  body: (cm: Timeout) => PromiseLike<T> | T,
): Promise<Awaited<T>>;
export function timeout<T>(
  delay: number | null,
  body?: (cm: Timeout) => PromiseLike<T> | T,
): Timeout | Promise<Awaited<T>> {
  if (delay !== null && (typeof delay !== "number" || Number.isNaN(delay))) {
    throw new TypeError(
      `timeout() delay must be a number of seconds or null: got ${String(delay)}`,
    );
  }
  const cm = new Timeout(delay === null ? null : getRunningLoopOrDefault().time() + delay);
  return body === undefined ? cm : cm.run(body);
}

/**
 * A deadline at loop time `when` (seconds, compare with `loop.time()`), or
 * none for `null` (Python's `asyncio.timeout_at(when)`). With `body`, runs it
 * under the deadline.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const loop = asyncio.getRunningLoop();
 *   const value = await asyncio.timeoutAt(loop.time() + 1, () => asyncio.sleep(0, "ok"));
 *   console.assert(value === "ok");
 * });
 * ```
 */
export function timeoutAt(when: number | null): Timeout;
/**
 * Runs `body(cm)` with a deadline at loop time `when` (Python's
 * `async with asyncio.timeout_at(when) as cm:`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const when = asyncio.getRunningLoop().time() + 1;
 *   console.assert((await asyncio.timeoutAt(when, () => asyncio.sleep(0, 1))) === 1);
 * });
 * ```
 */
export function timeoutAt<T>(
  when: number | null,
  body: (cm: Timeout) => PromiseLike<T> | T,
): Promise<Awaited<T>>;
export function timeoutAt<T>(
  when: number | null,
  body?: (cm: Timeout) => PromiseLike<T> | T,
): Timeout | Promise<Awaited<T>> {
  const cm = new Timeout(when);
  return body === undefined ? cm : cm.run(body);
}
