/**
 * A start-up target whose module imports nothing from pyconc at run time
 * (the `Event` it receives brings its own module along), so that
 * "start → first result" measures pyconc's own start-up rather than loading
 * the whole package in the worker. bodies.ts's `ping` is the other case.
 *
 * @module
 */

import type { threading } from "../../mod.ts";

/** This module's URL (the `module` option). */
export const here: string = import.meta.url;

/** Sets `ready`. */
export function ping(ready: threading.Event): void {
  ready.set();
}
