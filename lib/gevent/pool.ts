/**
 * `gevent.pool`: `Group` (a set of greenlets to spawn, map over, join and
 * kill together) and `Pool` (a group that runs at most `size` at a time).
 *
 * @module
 */

import { waitMs } from "../_internal/clock.ts";
import { GreenletExit } from "../greenlet/greenlet.ts";
import { Greenlet, type KillException, type KillOptions, wait } from "./greenlet.ts";
import { block } from "./hub.ts";
import { Timeout } from "./timeout.ts";

// deno-lint-ignore no-explicit-any
type AnyGreenlet = Greenlet<any>;

/**
 * A set of greenlets managed together. Ports `gevent.pool.Group`: `spawn`,
 * `add`, `discard`, `join`, `kill`, `apply`, `map`, `imap`,
 * `imapUnordered`. A greenlet leaves the group when it finishes.
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * const group = new gevent.pool.Group();
 * const squares = await group.map(async (n: number) => {
 *   await gevent.sleep(0.001 * (5 - n));
 *   return n * n;
 * }, [1, 2, 3, 4]);
 * console.assert(squares.join() === "1,4,9,16");
 * await group.join();
 * ```
 */
export class Group {
  #greenlets = new Set<AnyGreenlet>();
  #onDone = (g: AnyGreenlet) => this.discard(g);

  /**
   * Creates a group, optionally holding greenlets already.
   * @param greenlets Greenlets to add.
   */
  constructor(greenlets: Iterable<AnyGreenlet> = []) {
    for (const g of greenlets) this.add(g);
  }

  /** How many greenlets the group holds (Python's `len(group)`). */
  get length(): number {
    return this.#greenlets.size;
  }

  /** The greenlets in the group. */
  get greenlets(): AnyGreenlet[] {
    return [...this.#greenlets];
  }

  /**
   * Whether `greenlet` is in the group (Python's `in`).
   * @param greenlet The greenlet.
   */
  has(greenlet: AnyGreenlet): boolean {
    return this.#greenlets.has(greenlet);
  }

  /**
   * Adds a greenlet; it leaves the group when it finishes. Ports `add(greenlet)`.
   * @param greenlet The greenlet.
   */
  add(greenlet: AnyGreenlet): void {
    if (!(greenlet instanceof Greenlet)) {
      throw new TypeError(`Cannot add to group: expected a Greenlet, got ${String(greenlet)}`);
    }
    if (this.#greenlets.has(greenlet)) return;
    this.#greenlets.add(greenlet);
    greenlet.link(this.#onDone);
  }

  /**
   * Removes a greenlet without killing it. Ports `discard(greenlet)`.
   * @param greenlet The greenlet.
   */
  discard(greenlet: AnyGreenlet): void {
    if (!this.#greenlets.delete(greenlet)) return;
    greenlet.unlink(this.#onDone);
    this.released(greenlet);
  }

  /** A member left the group. @internal */
  protected released(_greenlet: AnyGreenlet): void {}

  /**
   * Adds a greenlet and starts it. Ports `start(greenlet)`.
   * @param greenlet The greenlet.
   */
  start(greenlet: AnyGreenlet): void {
    this.add(greenlet);
    greenlet.start();
  }

  /**
   * Creates a greenlet running `run(...args)` in the group and starts it.
   * Ports `spawn(function, *args)`.
   * @param run The function.
   * @param args Its arguments.
   */
  // deno-lint-ignore no-explicit-any
  spawn<R, A extends any[]>(run: (...args: A) => R | Promise<R>, ...args: A): Greenlet<R> {
    const g = new Greenlet<R>(run, ...args);
    this.start(g);
    return g;
  }

  /** Always false: a group has no size limit. Ports `full()`. */
  full(): boolean {
    return false;
  }

  /** Slots free: unlimited for a group. Ports `free_count()`. */
  freeCount(): number {
    return Infinity;
  }

  /**
   * Resolves once a greenlet can be started without waiting (at once for a
   * group). Ports `wait_available(timeout=None)`.
   * @param _timeout Seconds to wait at most.
   */
  waitAvailable(_timeout?: number | null): Promise<number> {
    return Promise.resolve(this.freeCount());
  }

  /**
   * Waits until every greenlet of the group has finished: true, or false if
   * `timeout` seconds passed first; with `raiseError`, the first error a
   * member ended with is raised. Ports `join(timeout=None, raise_error=False)`.
   * @param timeout Seconds to wait at most.
   * @param raiseError Raise a member's error.
   */
  async join(timeout?: number | null, raiseError = false): Promise<boolean> {
    const deadline = timeout === null || timeout === undefined
      ? undefined
      : performance.now() + waitMs(timeout);
    while (this.#greenlets.size > 0) {
      const left = deadline === undefined ? null : Math.max(0, deadline - performance.now());
      const done = await wait([...this.#greenlets], {
        timeout: left === null ? null : left / waitMs(1),
        count: 1,
      });
      if (done.length === 0) return false;
      if (raiseError) {
        for (const g of done) if (g.exception !== null) throw g.exception;
      }
    }
    return true;
  }

  /**
   * Kills every greenlet of the group. Ports `kill(exception=GreenletExit, block=True, timeout=None)`.
   * @param exception An error class or instance.
   * @param options `block` and `timeout` (seconds).
   */
  async kill(exception: KillException = GreenletExit, options: KillOptions = {}): Promise<void> {
    const list = [...this.#greenlets];
    await Promise.all(list.map((g) => g.kill(exception, { block: false })));
    if (options.block ?? true) await this.join(options.timeout);
  }

  /**
   * Kills one greenlet of the group. Ports `killone(greenlet, ...)`.
   * @param greenlet The greenlet.
   * @param exception An error class or instance.
   * @param options `block` and `timeout` (seconds).
   */
  async killone(
    greenlet: AnyGreenlet,
    exception: KillException = GreenletExit,
    options: KillOptions = {},
  ): Promise<void> {
    if (this.#greenlets.has(greenlet)) await greenlet.kill(exception, options);
  }

  /**
   * Runs `run(...args)` in a greenlet of the group and resolves to its
   * result. Ports `apply(func, args=None)`.
   * @param run The function.
   * @param args Its arguments.
   */
  // deno-lint-ignore no-explicit-any
  async apply<R, A extends any[]>(run: (...args: A) => R | Promise<R>, args?: A): Promise<R> {
    return await this.spawn(run, ...(args ?? [] as unknown as A)).get() as R;
  }

  /**
   * Runs `run(...args)` in a greenlet of the group and returns the greenlet;
   * `callback` gets the result. Ports `apply_async(func, args=None, callback=None)`.
   * @param run The function.
   * @param args Its arguments.
   * @param callback Called with the result when it succeeds.
   */
  // deno-lint-ignore no-explicit-any
  applyAsync<R, A extends any[]>(
    run: (...args: A) => R | Promise<R>,
    args?: A,
    callback?: (result: R) => void,
  ): Greenlet<R> {
    const g = this.spawn(run, ...(args ?? [] as unknown as A));
    if (callback) {
      g.link((done) => {
        if (done.successful()) callback(done.value as R);
      });
    }
    return g;
  }

  /**
   * Calls `run` on every item, at most as many at once as the group allows,
   * and resolves to the results in item order; the first error is raised.
   * Ports `map(func, iterable)`.
   * @param run The function.
   * @param items The items.
   */
  async map<I, R>(run: (item: I) => R | Promise<R>, items: Iterable<I>): Promise<R[]> {
    const results: R[] = [];
    for await (const result of this.imap(run, items)) results.push(result);
    return results;
  }

  /**
   * Yields `run(item)` for every item, in item order, starting new calls as
   * slots free up. Leaving the loop early (or an error) kills the calls still
   * running. Ports `imap(func, iterable)`.
   * @param run The function.
   * @param items The items.
   */
  imap<I, R>(run: (item: I) => R | Promise<R>, items: Iterable<I>): AsyncGenerator<R> {
    return this.#mapped(run, items, true);
  }

  /**
   * Like `imap`, but yields results in the order they finish. Ports
   * `imap_unordered(func, iterable)`.
   * @param run The function.
   * @param items The items.
   */
  imapUnordered<I, R>(
    run: (item: I) => R | Promise<R>,
    items: Iterable<I>,
  ): AsyncGenerator<R> {
    return this.#mapped(run, items, false);
  }

  async *#mapped<I, R>(
    run: (item: I) => R | Promise<R>,
    items: Iterable<I>,
    ordered: boolean,
  ): AsyncGenerator<R> {
    if (typeof run !== "function") {
      throw new TypeError(`Cannot map: 'run' must be a function, got ${typeof run}`);
    }
    const iterator = items[Symbol.iterator]();
    const running: Greenlet<R>[] = [];
    const finished: Greenlet<R>[] = [];
    let exhausted = false;
    let wake: (() => void) | undefined;
    const fill = () => {
      while (!exhausted && (running.length === 0 || this.freeCount() > 0)) {
        const next = iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const g = this.spawn(run, next.value);
        running.push(g);
        g.link(() => {
          finished.push(g);
          fill();
          wake?.();
        });
      }
    };
    try {
      fill();
      while (running.length > 0) {
        const head = ordered ? running[0] : finished[0];
        if (!head || !head.ready()) {
          await block<void>((resolve) => {
            wake = resolve;
            return () => {
              wake = undefined;
            };
          });
          continue;
        }
        running.splice(running.indexOf(head), 1);
        finished.splice(finished.indexOf(head), 1);
        if (head.exception !== null) throw head.exception;
        yield head.value as R;
      }
    } finally {
      for (const g of running) await g.kill(GreenletExit, { block: false });
    }
  }

  /** `<Group [3 greenlets]>`. */
  toString(): string {
    return `<${this.constructor.name} [${this.#greenlets.size} greenlets]>`;
  }

  /** Deno's inspect hook. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  /** Node's inspect hook. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/**
 * A group that runs at most `size` greenlets at once. Ports
 * `gevent.pool.Pool(size=None)`.
 *
 * Where gevent's `spawn` blocks the caller while the pool is full, this one
 * returns the greenlet at once and starts it when a slot frees (its `started`
 * stays false until then); `await pool.waitAvailable()` before spawning gives
 * gevent's back-pressure. `map` / `imap` never run more than `size` at once.
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * const pool = new gevent.pool.Pool(2);
 * let running = 0;
 * let most = 0;
 * await pool.map(async (n: number) => {
 *   most = Math.max(most, ++running);
 *   await gevent.sleep(0.005);
 *   running--;
 *   return n;
 * }, [1, 2, 3, 4, 5]);
 * console.assert(most === 2);
 * ```
 */
export class Pool extends Group {
  /** The most greenlets running at once (null: no limit). */
  readonly size: number | null;
  #running = 0;
  #queue: AnyGreenlet[] = [];
  #availableWaiters: (() => void)[] = [];

  /**
   * Creates a pool.
   * @param size The most greenlets running at once; null or undefined for no limit.
   */
  constructor(size: number | null = null) {
    if (size !== null && (!Number.isInteger(size) || size < 1)) {
      throw new RangeError(
        `Cannot create pool as 'size' must be an integer of at least 1 or null: current value is ${size}`,
      );
    }
    super();
    this.size = size;
  }

  /** True when `size` greenlets are running. Ports `full()`. */
  override full(): boolean {
    return this.freeCount() === 0;
  }

  /** How many more greenlets could start now. Ports `free_count()`. */
  override freeCount(): number {
    return this.size === null ? Infinity : Math.max(0, this.size - this.#running);
  }

  /**
   * Resolves to the free count once at least one slot is free; raises
   * `Timeout` after `timeout` seconds. Ports `wait_available(timeout=None)`.
   * @param timeout Seconds to wait at most.
   */
  override async waitAvailable(timeout?: number | null): Promise<number> {
    while (this.freeCount() === 0 || this.#queue.length > 0) {
      const ok = await block<boolean>((resolve) => {
        const wake = () => resolve(true);
        this.#availableWaiters.push(wake);
        const timer = timeout === null || timeout === undefined
          ? undefined
          : setTimeout(() => resolve(false), waitMs(timeout));
        return () => {
          if (timer !== undefined) clearTimeout(timer);
          const i = this.#availableWaiters.indexOf(wake);
          if (i >= 0) this.#availableWaiters.splice(i, 1);
        };
      });
      if (!ok) throw new Timeout(timeout ?? null);
    }
    return this.freeCount();
  }

  /**
   * Adds a greenlet and starts it now if a slot is free, else when one frees.
   * @param greenlet The greenlet.
   */
  override start(greenlet: AnyGreenlet): void {
    this.add(greenlet);
    if (greenlet.started) return;
    if (this.freeCount() > 0 && this.#queue.length === 0) this.#launch(greenlet);
    else this.#queue.push(greenlet);
  }

  #launch(greenlet: AnyGreenlet): void {
    this.#running++;
    greenlet.start();
  }

  /** A member finished (or was discarded): start the next one waiting. @internal */
  protected override released(greenlet: AnyGreenlet): void {
    const queued = this.#queue.indexOf(greenlet);
    if (queued >= 0) this.#queue.splice(queued, 1);
    else if (greenlet.started) this.#running--;
    while (this.freeCount() > 0 && this.#queue.length > 0) this.#launch(this.#queue.shift()!);
    if (this.freeCount() > 0) {
      for (const wake of this.#availableWaiters.splice(0)) wake();
    }
  }

  /** `<Pool [2/4 running, 3 greenlets]>`. */
  override toString(): string {
    const size = this.size === null ? "∞" : String(this.size);
    return `<Pool [${this.#running}/${size} running, ${this.length} greenlets]>`;
  }
}
