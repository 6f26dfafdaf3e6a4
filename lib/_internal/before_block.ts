/**
 * Work that must happen before this thread blocks in `Atomics.wait`.
 *
 * A worker client sends the calls made in one turn as one message, at the end
 * of the turn. Python code blocks right after handing work over
 * (`pool.applyAsync(f); q.get()`), and a blocked turn never ends, so the call
 * would never leave: every blocking wait first runs these hooks, which send
 * what is queued.
 *
 * @module
 */

const hooks: (() => void)[] = [];

/** Registers `hook` to run before every blocking wait of this thread. */
export function onBeforeBlock(hook: () => void): void {
  hooks.push(hook);
}

/** Runs the registered hooks; called by every blocking wait just before it blocks. */
export function beforeBlock(): void {
  for (let i = 0; i < hooks.length; i++) hooks[i]();
}
