/**
 * `asyncio.gather`. Ports Python's `asyncio.gather(*aws, return_exceptions=False)`
 * and its `_GatheringFuture`.
 *
 * @module
 */

import { CancelledError } from "../exceptions.ts";
import { getEventLoop } from "./events.ts";
import { Future } from "./futures.ts";
import { type Coroutine, ensureFuture } from "./tasks.ts";

/** Something `gather`, `wait`, `shield` accept: a future or task, a coroutine function, or a promise. */
export type Awaitable<T> = Future<T> | Coroutine<T>;

/** Options of {@linkcode gather}. */
export interface GatherOptions {
  /**
   * Put errors (and `CancelledError`s of cancelled children) in the result
   * list instead of raising the first one (Python's `return_exceptions`).
   */
  returnExceptions?: boolean;
}

/** The result tuple of `gather` for awaitables `A`. */
export type GatherResults<A extends readonly unknown[]> = {
  -readonly [K in keyof A]: A[K] extends Awaitable<infer T> ? Awaited<T> : never;
};

/** The result tuple of `gather(..., { returnExceptions: true })`: values or errors. */
export type GatherSettled<A extends readonly unknown[]> = {
  -readonly [K in keyof A]: (A[K] extends Awaitable<infer T> ? Awaited<T> : never) | Error;
};

/** The future `gather` returns: cancelling it cancels every child. */
class GatheringFuture<T> extends Future<T> {
  #children: Future<unknown>[];
  /** @internal */
  _cancelRequested = false;

  constructor(children: Future<unknown>[]) {
    super({ loop: children[0]?.getLoop() });
    this.#children = children;
  }

  override _cancel(msg?: string): boolean {
    if (this.done()) return false;
    let ret = false;
    for (const child of this.#children) if (child.cancel(msg)) ret = true;
    if (ret) this._cancelRequested = true;
    return ret;
  }
}

function isOptions(value: unknown): value is GatherOptions {
  return value !== null && typeof value === "object" && !(value instanceof Future) &&
    typeof (value as { then?: unknown }).then !== "function";
}

/**
 * Runs awaitables concurrently and resolves to their results in argument
 * order (Python's `asyncio.gather(*aws, return_exceptions=False)`).
 * Coroutine functions are wrapped in tasks (started on a later loop
 * iteration, in argument order). The first error is raised at once (the
 * others keep running); with `{ returnExceptions: true }` errors are returned
 * in the list instead. Cancelling the returned future cancels every child;
 * a child cancelled on its own raises `CancelledError` (or is returned as one).
 *
 * The options object, when given, is the last argument.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * async function square(x: number): Promise<number> {
 *   await asyncio.sleep(0.01 * x);
 *   return x * x;
 * }
 *
 * await asyncio.run(async () => {
 *   const [a, b] = await asyncio.gather(() => square(2), () => square(3));
 *   console.assert(a === 4 && b === 9);
 *   const settled = await asyncio.gather(
 *     () => square(1),
 *     async () => { throw new RangeError("bad"); },
 *     { returnExceptions: true },
 *   );
 *   console.assert(settled[0] === 1 && settled[1] instanceof RangeError);
 * });
 * ```
 */
export function gather<A extends readonly Awaitable<unknown>[]>(
  ...aws: [...A, GatherOptions & { returnExceptions: true }]
): Future<GatherSettled<A>>;
/**
 * Runs awaitables concurrently and resolves to their results in argument
 * order; the first error is raised (Python's `asyncio.gather(*aws)`).
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const [a, b] = await asyncio.gather(() => asyncio.sleep(0, 1), () => asyncio.sleep(0, "x"));
 *   console.assert(a === 1 && b === "x");
 * });
 * ```
 */
export function gather<A extends readonly Awaitable<unknown>[]>(
  ...aws: [...A] | [...A, GatherOptions]
): Future<GatherResults<A>>;
export function gather(...args: unknown[]): Future<unknown[]> {
  let returnExceptions = false;
  if (args.length > 0 && isOptions(args[args.length - 1])) {
    returnExceptions = Boolean((args.pop() as GatherOptions).returnExceptions);
  }
  if (args.length === 0) {
    const outer = new Future<unknown[]>({ loop: getEventLoop() });
    outer.setResult([]);
    return outer;
  }
  const argToFut = new Map<unknown, Future<unknown>>();
  const children: Future<unknown>[] = [];
  const doneFuts: Future<unknown>[] = [];
  let nfuts = 0;
  let nfinished = 0;
  // deno-lint-ignore prefer-const
  let outer: GatheringFuture<unknown[]> | undefined;

  const onChildDone = (fut: Future<unknown>): void => {
    nfinished++;
    if (outer === undefined || outer.done()) {
      // Mark the exception retrieved.
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer._setException(fut._makeCancelledError());
        return;
      }
      const error = fut.exception();
      if (error !== undefined) {
        outer._setException(error);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results: unknown[] = new Array(children.length);
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        if (child.cancelled()) {
          results[i] = new CancelledError(child._makeCancelledError().message);
        } else {
          const error = child.exception();
          results[i] = error !== undefined ? error : child.result();
        }
      }
      if (outer._cancelRequested) outer._setException(fut._makeCancelledError());
      else outer._setResult(results);
    }
  };

  for (const arg of args) {
    // The same future twice is one child (as in Python); the same coroutine
    // function twice is two calls, as `coro(), coro()` are two coroutines.
    let fut = typeof arg === "function" ? undefined : argToFut.get(arg);
    if (fut === undefined) {
      fut = ensureFuture(arg as Awaitable<unknown>);
      nfuts++;
      if (typeof arg !== "function") argToFut.set(arg, fut);
      if (fut.done()) doneFuts.push(fut);
      else fut._addCallback(onChildDone);
    }
    children.push(fut);
  }
  outer = new GatheringFuture<unknown[]>(children);
  for (const fut of doneFuts) onChildDone(fut);
  return outer;
}
