/**
 * `asyncio.Barrier`. Ports Python's `asyncio.locks.Barrier` (3.11+).
 *
 * @module
 */

import { BrokenBarrierError } from "../exceptions.ts";
import { Condition } from "./condition.ts";

const inspectDeno = Symbol.for("Deno.customInspect");
const inspectNode = Symbol.for("nodejs.util.inspect.custom");

type State = "filling" | "draining" | "resetting" | "broken";

/**
 * A barrier for `parties` tasks (Python's `asyncio.Barrier(parties)`): each
 * `wait()` blocks until `parties` tasks are waiting, then all go on; `wait()`
 * resolves to a distinct index from 0 to `parties - 1`. `abort()` breaks it
 * and `reset()` restarts it; waiters then get `BrokenBarrierError`.
 *
 * @example Usage
 * ```ts
 * import { asyncio } from "@pyconc/pyconc";
 *
 * await asyncio.run(async () => {
 *   const barrier = new asyncio.Barrier(3);
 *   const indices = await asyncio.gather(
 *     () => barrier.wait(),
 *     () => barrier.wait(),
 *     () => barrier.wait(),
 *   );
 *   console.assert([...indices].sort().join() === "0,1,2");
 * });
 * ```
 */
export class Barrier {
  #cond = new Condition();
  readonly #parties: number;
  #state: State = "filling";
  #count = 0;

  /**
   * Creates a barrier.
   * @throws {RangeError} ValueError: `parties` is less than 1.
   */
  constructor(parties: number) {
    if (typeof parties !== "number" || !Number.isInteger(parties) || parties < 1) {
      throw new RangeError(
        `Cannot create barrier as 'parties' must be an integer of at least 1: current value is ${
          String(parties)
        }`,
      );
    }
    this.#parties = parties;
  }

  /**
   * Waits until `parties` tasks wait, then resolves to this task's index
   * (Python's `wait`).
   * @throws {BrokenBarrierError} the barrier is broken or was reset.
   */
  async wait(): Promise<number> {
    await using _ = await this.#cond.acquire();
    await this.#block();
    try {
      const index = this.#count;
      this.#count++;
      if (index + 1 === this.#parties) {
        this.#state = "draining";
        this.#cond.notifyAll();
      } else {
        await this.#cond.waitFor(() => this.#state !== "filling");
        if (this.#state === "broken" || this.#state === "resetting") {
          throw new BrokenBarrierError("Abort or reset of barrier");
        }
      }
      return index;
    } finally {
      this.#count--;
      this.#exit();
    }
  }

  async #block(): Promise<void> {
    await this.#cond.waitFor(() => this.#state !== "draining" && this.#state !== "resetting");
    if (this.#state === "broken") throw new BrokenBarrierError("Barrier aborted");
  }

  #exit(): void {
    if (this.#count === 0) {
      if (this.#state === "resetting" || this.#state === "draining") this.#state = "filling";
      this.#cond.notifyAll();
    }
  }

  /**
   * Returns the barrier to its empty state; tasks waiting get
   * `BrokenBarrierError` (Python's `reset`).
   */
  async reset(): Promise<void> {
    await using _ = await this.#cond.acquire();
    if (this.#count > 0) {
      if (this.#state !== "resetting") this.#state = "resetting";
    } else {
      this.#state = "filling";
    }
    this.#cond.notifyAll();
  }

  /**
   * Breaks the barrier: current and future `wait()` calls raise
   * `BrokenBarrierError` (Python's `abort`).
   */
  async abort(): Promise<void> {
    await using _ = await this.#cond.acquire();
    this.#state = "broken";
    this.#cond.notifyAll();
  }

  /** The number of tasks needed to pass (Python's `parties`). */
  get parties(): number {
    return this.#parties;
  }

  /** The number of tasks waiting while filling (Python's `n_waiting`). */
  get nWaiting(): number {
    return this.#state === "filling" ? this.#count : 0;
  }

  /** Whether the barrier is broken (Python's `broken`). */
  get broken(): boolean {
    return this.#state === "broken";
  }

  /** `<Barrier [filling, waiters:1/3]>`. */
  toString(): string {
    let extra: string = this.#state;
    if (!this.broken) extra += `, waiters:${this.nWaiting}/${this.#parties}`;
    return `<Barrier [${extra}]>`;
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
