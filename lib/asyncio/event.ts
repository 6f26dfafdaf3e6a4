/**
 * `asyncio.Event`. Ports Python's `asyncio.locks.Event`.
 *
 * @module
 */

import { Deque } from "./_deque.ts";
import { Future } from "./futures.ts";

const inspectDeno = Symbol.for("Deno.customInspect");
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

const resolvedTrue: Promise<true> = Promise.resolve(true);

/** A waiter of `Event.wait`: cancelling it takes it off the waiter list. */
class EventWaiter extends Future<true> {
  #list: Deque<EventWaiter>;
  constructor(list: Deque<EventWaiter>) {
    super();
    this.#list = list;
  }
  override _cancel(msg?: string): boolean {
    if (!super._cancel(msg)) return false;
    this.#list.remove(this);
    return true;
  }
}

/**
 * A flag tasks can wait for (Python's `asyncio.Event`): `set()` wakes every
 * waiter, `clear()` resets it, `wait()` resolves to `true` once it is set.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const event = new asyncio.Event();
 *   const waiter = asyncio.createTask(() => event.wait());
 *   asyncio.getRunningLoop().callLater(0.01, () => event.set());
 *   console.assert((await waiter) === true && event.isSet());
 * });
 * ```
 */
export class Event {
  #value = false;
  #waiters = new Deque<EventWaiter>();

  /** Whether the flag is set (Python's `is_set`). */
  isSet(): boolean {
    return this.#value;
  }

  /** Sets the flag and wakes every waiter (Python's `set`). */
  set(): void {
    if (this.#value) return;
    this.#value = true;
    const waiters = this.#waiters;
    this.#waiters = new Deque();
    for (const fut of waiters) if (!fut.done()) fut.setResult(true);
  }

  /** Resets the flag (Python's `clear`). */
  clear(): void {
    this.#value = false;
  }

  /** Waits until the flag is set; resolves to `true` (Python's `wait`). */
  wait(): Future<true> | Promise<true> {
    if (this.#value) return resolvedTrue;
    // The waiter future itself is awaited: no coroutine frame per waiter.
    const fut = new EventWaiter(this.#waiters);
    this.#waiters.push(fut);
    return fut;
  }

  /** `<Event [set]>` or `<Event [unset, waiters:3]>`. */
  toString(): string {
    let extra = this.#value ? "set" : "unset";
    if (this.#waiters.length > 0) extra += `, waiters:${this.#waiters.length}`;
    return `<Event [${extra}]>`;
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
