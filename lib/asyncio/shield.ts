/**
 * `asyncio.shield`. Ports Python's `asyncio.shield(aw)`.
 *
 * @module
 */

import { Future } from "./futures.ts";
import type { Awaitable } from "./gather.ts";
import { ensureFuture } from "./tasks.ts";

/**
 * Protects an awaitable from cancellation (Python's `asyncio.shield(aw)`):
 * cancelling the task that awaits `shield(x)` cancels only the outer future;
 * `x` keeps running. If `x` itself is cancelled, the shield is cancelled too.
 * Keep a reference to `x` (a task) if you want its result later.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const inner = asyncio.createTask(() => asyncio.sleep(0.02, "kept"));
 *   const outer = asyncio.createTask(() => asyncio.shield(inner));
 *   await asyncio.sleep(0.01);
 *   outer.cancel();
 *   console.assert((await inner) === "kept");
 * });
 * ```
 */
export function shield<T>(aw: Awaitable<T>): Future<Awaited<T>> {
  const inner = ensureFuture(aw);
  if (inner.done()) return inner;
  const outer = new Future<Awaited<T>>({ loop: inner.getLoop() });
  const onInnerDone = (f: Future<Awaited<T>>): void => {
    if (outer.cancelled()) {
      if (!f.cancelled()) f.exception(); // mark retrieved
      return;
    }
    if (f.cancelled()) {
      outer.cancel();
      return;
    }
    const error = f.exception();
    if (error !== undefined) outer.setException(error);
    else outer.setResult(f.result());
  };
  inner._addCallback(onInnerDone);
  outer._addCallback(() => {
    if (!inner.done()) inner._removeCallback(onInnerDone);
  });
  return outer;
}
