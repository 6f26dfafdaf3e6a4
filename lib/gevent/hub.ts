/**
 * The scheduler core of the gevent port: which greenlet runs, and the waits
 * that `kill()` and `Timeout` can interrupt.
 *
 * gevent delivers `kill()` and `Timeout` by raising an exception inside the
 * greenlet where it is blocked. Here every gevent wait (`sleep`, `join`,
 * `get`, `joinall`, `wait`, pool waits) is registered with the running
 * greenlet, found through async context, and rejects with that exception; if
 * the greenlet is not in a gevent wait at that moment (it awaits something
 * else, such as `fetch`), the exception is raised at its next gevent wait,
 * and the greenlet's `signal` aborts so that such I/O can stop too.
 *
 * @module
 */

import { createLocal } from "../_internal/greenlet_local.ts";

/** One line of execution: a gevent greenlet, or the main program. @internal */
export class Runner {
  /** The greenlet, or undefined for the main program. */
  readonly owner: unknown;
  #waiters = new Set<(error: unknown) => void>();
  #pending: unknown = undefined;
  #hasPending = false;

  /** @param owner The greenlet this runner belongs to. */
  constructor(owner?: unknown) {
    this.owner = owner;
  }

  /** Raises `error` in this runner: now in its waits, or at its next one. */
  throwIn(error: unknown): void {
    if (this.#waiters.size > 0) {
      for (const interrupt of [...this.#waiters]) interrupt(error);
      return;
    }
    this.#pending = error;
    this.#hasPending = true;
  }

  /** Drops a pending `error` that was not raised yet (a cancelled Timeout). */
  withdraw(error: unknown): void {
    if (this.#hasPending && this.#pending === error) {
      this.#pending = undefined;
      this.#hasPending = false;
    }
  }

  /** Takes the pending error, if any. */
  takePending(): { error: unknown } | undefined {
    if (!this.#hasPending) return undefined;
    const error = this.#pending;
    this.#pending = undefined;
    this.#hasPending = false;
    return { error };
  }

  /** Registers a wait's interrupt. */
  addWaiter(interrupt: (error: unknown) => void): void {
    this.#waiters.add(interrupt);
  }

  /** Unregisters a wait's interrupt. */
  removeWaiter(interrupt: (error: unknown) => void): void {
    this.#waiters.delete(interrupt);
  }
}

const mainRunner = new Runner();
const local = createLocal<Runner>();

/** The runner of the code calling this: a greenlet's, or the main program's. */
export function currentRunner(): Runner {
  return local.getStore() ?? mainRunner;
}

/** Runs `fn` as `runner` (everything it awaits stays in that runner). */
export function runAs<R>(runner: Runner, fn: () => R): R {
  return local.run(runner, fn);
}

/**
 * A gevent wait: `setup` starts it and returns its cleanup; `kill()` or a
 * `Timeout` aimed at the current runner rejects it (and cleans up).
 */
export function block<T>(
  setup: (resolve: (value: T) => void, reject: (error: unknown) => void) => (() => void) | void,
): Promise<T> {
  const runner = currentRunner();
  const pending = runner.takePending();
  if (pending) return Promise.reject(pending.error);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let cleanup: (() => void) | void = undefined;
    const settle = <V>(fn: (v: V) => void) => (v: V) => {
      if (settled) return;
      settled = true;
      runner.removeWaiter(interrupt);
      if (cleanup) cleanup();
      fn(v);
    };
    const interrupt = settle<unknown>(reject);
    runner.addWaiter(interrupt);
    cleanup = setup(settle<T>(resolve), settle<unknown>(reject));
    if (settled && cleanup) cleanup();
  });
}
