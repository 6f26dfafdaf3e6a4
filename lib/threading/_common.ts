/**
 * Pieces shared by the shared-memory primitives: permits, argument parsing,
 * inspection.
 *
 * @module
 */

import { ValueError } from "../exceptions.ts";

/**
 * What a successful `acquire()` returns: truthy, and `Disposable`, so that
 * `using _ = lock.acquire()` releases at the end of the block (Python's
 * `with lock:`) and `if (lock.acquire(false))` reads like Python.
 */
export interface Permit extends Disposable {
  /** Releases what was acquired (the same as the primitive's `release()`). */
  release(): void;
}

/** Builds the reusable permit of a primitive. */
export function makePermit(release: () => void): Permit {
  return { release, [Symbol.dispose]: release };
}

/** Options of `acquire` (Python's keyword arguments). */
export interface AcquireOptions {
  /** Wait for the primitive (default true); false returns at once. */
  blocking?: boolean;
  /** At most this many seconds to wait; -1, null or undefined: no limit. */
  timeout?: number | null;
}

/**
 * Parses `acquire(blocking, timeout)` or `acquire({ blocking, timeout })` the
 * way CPython's `lock.acquire` does. Returns the timeout in seconds (undefined:
 * none) or `0` for a non-blocking call.
 */
export function parseAcquire(
  what: string,
  blockingOrOptions: boolean | AcquireOptions | undefined,
  timeoutArg: number | null | undefined,
  negativeIsInfinite: boolean,
): number | undefined {
  let blocking = true;
  let timeout: number | null | undefined = timeoutArg;
  if (typeof blockingOrOptions === "object" && blockingOrOptions !== null) {
    blocking = blockingOrOptions.blocking ?? true;
    timeout = blockingOrOptions.timeout;
  } else if (blockingOrOptions !== undefined) {
    blocking = Boolean(blockingOrOptions);
  }
  if (timeout !== undefined && timeout !== null && typeof timeout !== "number") {
    throw new TypeError(`${what}: 'timeout' must be a number of seconds: got ${typeof timeout}`);
  }
  if (Number.isNaN(timeout)) throw new ValueError(`${what}: 'timeout' must not be NaN`);
  const unlimited = timeout === undefined || timeout === null ||
    (negativeIsInfinite && timeout === -1);
  if (!blocking) {
    if (!unlimited) {
      throw new ValueError(
        `${what}: can't specify a timeout for a non-blocking call: current timeout is ${timeout}`,
      );
    }
    return 0;
  }
  if (unlimited) return undefined;
  if (negativeIsInfinite && (timeout as number) < 0) {
    throw new ValueError(
      `${what}: timeout value must be a non-negative number or -1: current value is ${timeout}`,
    );
  }
  return Math.max(0, timeout as number);
}

/** Validates a `wait(timeout)` argument: seconds, or null/undefined for none. */
export function parseTimeout(what: string, timeout: number | null | undefined): number | undefined {
  if (timeout === undefined || timeout === null) return undefined;
  if (typeof timeout !== "number" || Number.isNaN(timeout)) {
    throw new TypeError(`${what}: 'timeout' must be a number of seconds: got ${String(timeout)}`);
  }
  return Math.max(0, timeout);
}

/** Adds Deno's and Node's inspection hooks that print `toString()`. */
export function inspectable(cls: { prototype: { toString(): string } }): void {
  for (const key of [Symbol.for("Deno.customInspect"), Symbol.for("nodejs.util.inspect.custom")]) {
    Object.defineProperty(cls.prototype, key, {
      value(this: { toString(): string }) {
        return this.toString();
      },
      configurable: true,
      writable: true,
    });
  }
}

/**
 * Hands existing shared state to the next constructor call: how a reviver
 * rebuilds a lock, event or barrier over memory it received, without a public
 * constructor argument for it.
 */
export class Adoption<S> {
  #next: S | undefined;

  /** Makes `state` the next constructor's to take. */
  offer(state: S): void {
    this.#next = state;
  }

  /** True while offered state waits to be taken. */
  get pending(): boolean {
    return this.#next !== undefined;
  }

  /** Takes the offered state (undefined when none was offered). */
  take(): S | undefined {
    const state = this.#next;
    this.#next = undefined;
    return state;
  }
}

/** A SharedArrayBuffer of `words` 32-bit words (zeroed). */
export function sharedWords(words: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(words * 4));
}

/** Checks that a revived state is an Int32Array of at least `words` over shared memory. */
export function revivedWords(state: unknown, words: number, tag: string): Int32Array {
  if (
    !(state instanceof Int32Array) || !(state.buffer instanceof SharedArrayBuffer) ||
    state.length < words
  ) {
    throw new TypeError(`Cannot rebuild ${tag}: its state is not a view of shared memory`);
  }
  return state;
}
