/**
 * `threading.Event` on shared memory.
 *
 * @module
 */

import { type Reduced, reduceSymbol, registerReviver } from "../_internal/reduce.ts";
import {
  deadline,
  expired,
  notify,
  runAsync,
  runBlocking,
  type Steps,
} from "../_internal/futex.ts";
import { Adoption, inspectable, parseTimeout, revivedWords, sharedWords } from "./_common.ts";

// Word 0: the flag (sleepers wait while it is 0). Word 1: sleepers.
const FLAG = 0;
const WAITERS = 1;
const WORDS = 2;
const TAG = "threading.Event";

const adoption = new Adoption<Int32Array>();

/**
 * A flag threads can wait for, in shared memory. Ports Python's
 * `threading.Event` (and `multiprocessing.Event`).
 *
 * `set()` raises the flag and wakes every waiter, `clear()` lowers it,
 * `wait(timeout)` sleeps until it is raised and returns the flag.
 * `waitAsync` never blocks the thread.
 *
 * @example Usage
 * ```ts
 * import { threading } from "@pyconc/pyconc";
 *
 * const event = new threading.Event();
 * console.assert(event.wait(0.01) === false);
 * event.set();
 * console.assert(event.isSet() && event.wait());
 * ```
 */
export class Event {
  #view: Int32Array;

  /** Creates an event whose flag is down. */
  constructor() {
    this.#view = adoption.take() ?? sharedWords(WORDS);
  }

  /** True when the flag is up (Python's `is_set`). */
  isSet(): boolean {
    return Atomics.load(this.#view, FLAG) !== 0;
  }

  /** Raises the flag and wakes every waiter. */
  set(): void {
    Atomics.store(this.#view, FLAG, 1);
    notify(this.#view, FLAG);
  }

  /** Lowers the flag. */
  clear(): void {
    Atomics.store(this.#view, FLAG, 0);
  }

  *#waitSteps(deadlineMs: number | undefined): Steps<boolean> {
    const view = this.#view;
    while (Atomics.load(view, FLAG) === 0) {
      if (expired(deadlineMs)) return false;
      Atomics.add(view, WAITERS, 1);
      try {
        yield { view, index: FLAG, expected: 0, deadline: deadlineMs };
      } finally {
        Atomics.sub(view, WAITERS, 1);
      }
    }
    return true;
  }

  /**
   * Sleeps until the flag is up or `timeout` seconds pass (Python's `wait`).
   * @param timeout Seconds (null/undefined: no limit).
   * @returns The flag: false only if it timed out.
   */
  wait(timeout?: number | null): boolean {
    if (this.isSet()) return true;
    const t = parseTimeout("Event.wait", timeout);
    return runBlocking(this.#waitSteps(deadline(t)), "Event.wait", "Event.waitAsync");
  }

  /**
   * `wait` without blocking the thread.
   * @param timeout Seconds (null/undefined: no limit).
   */
  waitAsync(timeout?: number | null): Promise<boolean> {
    if (this.isSet()) return Promise.resolve(true);
    const t = parseTimeout("Event.waitAsync", timeout);
    return runAsync(this.#waitSteps(deadline(t)));
  }

  /** `<Event [set]>` or `<Event [unset, waiters:2]>`. */
  toString(): string {
    const waiters = Atomics.load(this.#view, WAITERS);
    return `<Event [${this.isSet() ? "set" : "unset"}${waiters ? `, waiters:${waiters}` : ""}]>`;
  }

  /** @internal The reduce protocol: travels as a view of the same words. */
  [reduceSymbol](): Reduced {
    return { tag: TAG, module: import.meta.url, state: this.#view };
  }

  /** @internal Rebuilds an event over existing words. */
  static _fromWords(view: Int32Array): Event {
    adoption.offer(view);
    return new Event();
  }
}
inspectable(Event);
registerReviver(TAG, (state) => Event._fromWords(revivedWords(state, WORDS, TAG)));
