/**
 * Python's `greenlet`: explicit coroutine switching (`greenlet`, `switch`,
 * `throw`, `dead`, `parent`, `getcurrent`, `GreenletExit`), cooperative over
 * promises since JavaScript has no stack switching: `await` every `switch()`.
 *
 * @example Usage
 * ```ts
 * import { greenlet } from "@pyconc/pyconc";
 *
 * const g = new greenlet.greenlet(async (x: number) => {
 *   const y = await greenlet.getcurrent().parent!.switch(x + 1);
 *   return (y as number) * 10;
 * });
 * console.assert((await g.switch(1)) === 2);
 * console.assert((await g.switch(5)) === 50 && g.dead);
 * ```
 *
 * @module
 */

export { getcurrent, greenlet, GreenletExit, type GreenletRun } from "./greenlet.ts";
