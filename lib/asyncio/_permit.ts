/**
 * The permit that `acquire()` of asyncio's `Lock`, `Semaphore` and
 * `Condition` resolves to: truthy (Python's `True`), and disposable, so that
 * `await using _ = await lock.acquire()` is Python's `async with lock:`.
 *
 * @module
 */

const inspectDeno = Symbol.for("Deno.customInspect");
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

/**
 * What `acquire()` resolves to: disposing it (or calling `release()`) releases
 * what was acquired once. Python's `async with lock:` is
 * `await using _ = await lock.acquire()`.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const lock = new asyncio.Lock();
 *   {
 *     await using _ = await lock.acquire();
 *     console.assert(lock.locked());
 *   }
 *   console.assert(!lock.locked());
 * });
 * ```
 */
export class Permit implements Disposable, AsyncDisposable {
  readonly #owner: { release(): void };

  /** @internal Permits come from `acquire()`. */
  constructor(owner: { release(): void }) {
    this.#owner = owner;
  }

  /** Releases what `acquire()` took (Python's `release()`). */
  release(): void {
    this.#owner.release();
  }

  /** `using` releases. */
  [Symbol.dispose](): void {
    this.#owner.release();
  }

  /** `await using` releases. */
  [Symbol.asyncDispose](): Promise<void> {
    this.#owner.release();
    return Promise.resolve();
  }

  /** `<Permit of <Lock [locked]>>`. */
  toString(): string {
    return `<Permit of ${this.#owner}>`;
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
