/**
 * gevent's `Greenlet` and its module functions: `spawn`, `spawnLater`,
 * `sleep`, `joinall`, `killall`, `wait`, `iwait`, `getcurrent`.
 *
 * gevent switches greenlets whenever one blocks on I/O or `gevent.sleep`;
 * JavaScript does the same at every `await`, so a gevent greenlet here is an
 * async function started on the event loop, and "blocking" calls return
 * promises. Nothing needs monkey patching: JavaScript's I/O never blocks the
 * loop.
 *
 * @module
 */

import { waitMs } from "../_internal/clock.ts";
import { GreenletExit } from "../greenlet/greenlet.ts";
import { block, currentRunner, runAs, Runner } from "./hub.ts";
import { Timeout } from "./timeout.ts";

/** An error class, or an error instance: what `kill()` raises in a greenlet. */
export type KillException = unknown;

/** Options of `kill()` and {@linkcode killall}. */
export interface KillOptions {
  /** Wait for the greenlet(s) to die (default true). */
  block?: boolean;
  /** Seconds to wait at most when blocking. */
  timeout?: number | null;
}

// Greenlets scheduled or running, for wait() with no arguments.
const live = new Set<Greenlet<unknown>>();
let counter = 0;

function toError(exception: KillException): unknown {
  if (typeof exception === "function" && exception.prototype instanceof Error) {
    return new (exception as new () => Error)();
  }
  if (typeof exception === "function" && exception === Error) return new Error();
  return exception;
}

/**
 * A function run as a gevent greenlet. Ports `gevent.Greenlet(run, *args)`.
 *
 * `spawn` creates and starts one; `start()` schedules it to run as soon as
 * the current code awaits; `join`, `get` and `kill` return promises. The
 * outcome: `ready()`, `successful()`, `value`, `exception`. A greenlet killed
 * with `GreenletExit` (the default) counts as successful, its `value` being
 * the exception, as in gevent. An error that ends a greenlet is printed to
 * standard error, as gevent's hub does, and kept in `exception`.
 *
 * `kill()` raises its exception inside the greenlet at its current gevent
 * wait (`sleep`, `join`, `get`, pool waits), or its next one; the greenlet's
 * `signal` aborts at once for other I/O (pass it to `fetch`).
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * const g = gevent.spawn(async (x: number) => {
 *   await gevent.sleep(0.01);
 *   return x * 2;
 * }, 21);
 * console.assert((await g.get()) === 42 && g.successful());
 * ```
 */
export class Greenlet<T = unknown> {
  /** gevent's name: `Greenlet-0`, `Greenlet-1`, … */
  name: string;
  /** The function to run (gevent's `_run`). */
  // deno-lint-ignore no-explicit-any
  readonly run: ((...args: any[]) => T | Promise<T>) | undefined;
  /** Its arguments. */
  readonly args: readonly unknown[];
  #runner: Runner;
  #state: "new" | "scheduled" | "running" | "dead" = "new";
  #value: T | GreenletExit | null = null;
  #exception: unknown = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort = new AbortController();
  // deno-lint-ignore no-explicit-any
  #links: ((greenlet: any) => void)[] = [];

  /**
   * Creates a greenlet that will call `run(...args)`; nothing runs until
   * `start()`.
   * @param run The function (async or not).
   * @param args Its arguments.
   */
  // deno-lint-ignore no-explicit-any
  constructor(run?: (...args: any[]) => T | Promise<T>, ...args: unknown[]) {
    if (run !== undefined && typeof run !== "function") {
      throw new TypeError(`Cannot create Greenlet as 'run' must be a function: got ${typeof run}`);
    }
    this.run = run;
    this.args = args;
    this.name = `Greenlet-${counter++}`;
    this.#runner = new Runner(this);
  }

  /**
   * Creates a greenlet and starts it. Ports `Greenlet.spawn(run, *args)`.
   * @param run The function.
   * @param args Its arguments.
   */
  // deno-lint-ignore no-explicit-any
  static spawn<R, A extends any[]>(run: (...args: A) => R | Promise<R>, ...args: A): Greenlet<R> {
    const g = new Greenlet<R>(run, ...args);
    g.start();
    return g;
  }

  /**
   * Creates a greenlet and starts it after `seconds`. Ports
   * `Greenlet.spawn_later(seconds, run, *args)`.
   * @param seconds Delay in seconds.
   * @param run The function.
   * @param args Its arguments.
   */
  // deno-lint-ignore no-explicit-any
  static spawnLater<R, A extends any[]>(
    seconds: number,
    run: (...args: A) => R | Promise<R>,
    ...args: A
  ): Greenlet<R> {
    const g = new Greenlet<R>(run, ...args);
    g.startLater(seconds);
    return g;
  }

  /** Schedules the greenlet to run as soon as the current code awaits. Ports `start()`. */
  start(): void {
    if (this.#state !== "new") return;
    this.#state = "scheduled";
    live.add(this as Greenlet<unknown>);
    queueMicrotask(() => this.#launch());
  }

  /**
   * Schedules the greenlet to run after `seconds`. Ports `start_later(seconds)`.
   * @param seconds Delay in seconds.
   */
  startLater(seconds: number): void {
    if (this.#state !== "new") return;
    if (typeof seconds !== "number" || Number.isNaN(seconds)) {
      throw new TypeError(`'seconds' must be a number: current value is ${String(seconds)}`);
    }
    this.#state = "scheduled";
    live.add(this as Greenlet<unknown>);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#launch();
    }, waitMs(seconds));
  }

  #launch(): void {
    if (this.#state !== "scheduled") return; // killed before it started
    this.#state = "running";
    runAs(this.#runner, async () => {
      try {
        if (!this.run) {
          throw new TypeError(`Cannot run ${this.name}: it has no run function`);
        }
        const value = await this.run(...this.args);
        this.#finish(value, null, false);
      } catch (error) {
        if (error instanceof GreenletExit) this.#finish(error, null, false);
        else this.#finish(null, error, true);
      }
    });
  }

  #finish(value: T | GreenletExit | null, exception: unknown, failed: boolean): void {
    if (this.#state === "dead") return;
    this.#state = "dead";
    this.#value = value;
    this.#exception = exception;
    live.delete(this as Greenlet<unknown>);
    if (failed) {
      // gevent's hub prints every greenlet that dies of an error.
      const error = exception as { stack?: string; name?: string };
      console.error(
        `${error?.stack ?? String(exception)}\n${this} failed with ${
          error?.name ?? typeof exception
        }\n`,
      );
    }
    for (const link of this.#links.splice(0)) {
      try {
        link(this);
      } catch (error) {
        console.error(error);
      }
    }
  }

  /** True once scheduled (started, running or dead after running). */
  get started(): boolean {
    return this.#state !== "new";
  }

  /** True once it has finished, or was killed before it ran. */
  get dead(): boolean {
    return this.#state === "dead";
  }

  /** True once it has finished. Ports `ready()`. */
  ready(): boolean {
    return this.#state === "dead";
  }

  /** True if it finished without an error (a `GreenletExit` kill counts). Ports `successful()`. */
  successful(): boolean {
    return this.#state === "dead" && this.#exception === null;
  }

  /** What `run` returned (the `GreenletExit` if killed), or null. */
  get value(): T | GreenletExit | null {
    return this.#value;
  }

  /** The error that ended it, or null. */
  get exception(): unknown {
    return this.#exception;
  }

  /** Aborts when the greenlet is killed: hand it to `fetch` and other foreign I/O. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /**
   * Calls `callback(greenlet)` once it has finished (at once if it has).
   * Ports `link(callback)`.
   * @param callback Called with this greenlet.
   */
  link(callback: (greenlet: Greenlet<T>) => void): void {
    if (this.#state === "dead") queueMicrotask(() => callback(this));
    else this.#links.push(callback);
  }

  /**
   * Removes a callback added by `link`. Ports `unlink(callback)`.
   * @param callback The callback.
   */
  unlink(callback: (greenlet: Greenlet<T>) => void): void {
    const i = this.#links.indexOf(callback);
    if (i >= 0) this.#links.splice(i, 1);
  }

  /** Resolves true when finished, false after `timeout` seconds; a gevent wait. */
  #waitDone(timeout: number | null | undefined): Promise<boolean> {
    if (this.#state === "dead") return Promise.resolve(true);
    return block<boolean>((resolve) => {
      const onDone = () => resolve(true);
      this.#links.push(onDone);
      const timer = timeout === null || timeout === undefined
        ? undefined
        : setTimeout(() => resolve(false), waitMs(timeout));
      return () => {
        if (timer !== undefined) clearTimeout(timer);
        this.unlink(onDone);
      };
    });
  }

  /**
   * Waits until it has finished, or `timeout` seconds; never raises the
   * greenlet's error. Ports `join(timeout=None)`.
   * @param timeout Seconds to wait at most.
   */
  async join(timeout?: number | null): Promise<void> {
    await this.#waitDone(timeout);
  }

  /**
   * Resolves to the value, or raises the error that ended the greenlet;
   * waits for it unless `block` is false. Raises `Timeout` when not ready in
   * time. Ports `get(block=True, timeout=None)`.
   * @param block Wait for the greenlet (default true).
   * @param timeout Seconds to wait at most.
   */
  async get(block = true, timeout?: number | null): Promise<T | GreenletExit> {
    if (this.#state !== "dead") {
      if (!block) throw new Timeout();
      if (!(await this.#waitDone(timeout))) throw new Timeout(timeout ?? null);
    }
    if (this.#exception !== null) throw this.#exception;
    return this.#value as T | GreenletExit;
  }

  /**
   * Raises `exception` (default `GreenletExit`) in the greenlet; one that has
   * not started yet never runs. Waits for it to die unless `block` is false.
   * Ports `kill(exception=GreenletExit, block=True, timeout=None)`.
   * @param exception An error class or instance.
   * @param options `block` and `timeout` (seconds).
   */
  async kill(exception: KillException = GreenletExit, options: KillOptions = {}): Promise<void> {
    const error = toError(exception);
    if (this.#state === "dead") return;
    if (this.#state === "new" || (this.#state === "scheduled")) {
      if (this.#timer !== undefined) clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#abort.abort(error);
      if (error instanceof GreenletExit) this.#finish(error, null, false);
      else this.#finish(null, error, true);
      return;
    }
    this.#abort.abort(error);
    this.#runner.throwIn(error);
    if (options.block ?? true) await this.join(options.timeout);
  }

  /** gevent's repr: `<Greenlet "Greenlet-0": download('url') [running]>`. */
  toString(): string {
    const fn = this.run?.name || "run";
    const args = this.args.map((a) => typeof a === "string" ? `'${a}'` : String(a)).join(", ");
    return `<Greenlet "${this.name}": ${fn}(${args}) [${this.#state}]>`;
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
 * Creates a greenlet running `run(...args)` and starts it. Ports
 * `gevent.spawn(function, *args)`.
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * const order: string[] = [];
 * const a = gevent.spawn(async () => { order.push("a"); await gevent.sleep(0); order.push("a2"); });
 * const b = gevent.spawn(() => { order.push("b"); });
 * await gevent.joinall([a, b]);
 * console.assert(order.join() === "a,b,a2");
 * ```
 *
 * @param run The function.
 * @param args Its arguments.
 */
// deno-lint-ignore no-explicit-any
export function spawn<R, A extends any[]>(
  run: (...args: A) => R | Promise<R>,
  ...args: A
): Greenlet<R> {
  return Greenlet.spawn(run, ...args);
}

/**
 * Creates a greenlet and starts it after `seconds`. Ports
 * `gevent.spawn_later(seconds, function, *args)`.
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * const g = gevent.spawnLater(0.01, (x: string) => x.toUpperCase(), "late");
 * console.assert((await g.get()) === "LATE");
 * ```
 *
 * @param seconds Delay in seconds.
 * @param run The function.
 * @param args Its arguments.
 */
// deno-lint-ignore no-explicit-any
export function spawnLater<R, A extends any[]>(
  seconds: number,
  run: (...args: A) => R | Promise<R>,
  ...args: A
): Greenlet<R> {
  return Greenlet.spawnLater(seconds, run, ...args);
}

/**
 * Suspends the current greenlet for `seconds`, letting the others run;
 * `sleep(0)` just yields. Ports `gevent.sleep(seconds=0)`.
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * await gevent.sleep(0.01);
 * ```
 *
 * @param seconds Seconds to sleep.
 */
export function sleep(seconds = 0): Promise<void> {
  if (typeof seconds !== "number" || Number.isNaN(seconds)) {
    return Promise.reject(
      new TypeError(`'seconds' must be a number: current value is ${String(seconds)}`),
    );
  }
  return block<void>((resolve) => {
    const timer = setTimeout(() => resolve(), waitMs(seconds));
    return () => clearTimeout(timer);
  });
}

/**
 * The gevent greenlet running the caller, or null in the main program. Ports
 * `gevent.getcurrent()` (whose main-program answer is the hub's parent).
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * const g = gevent.spawn(() => gevent.getcurrent());
 * console.assert((await g.get()) === g && gevent.getcurrent() === null);
 * ```
 */
export function getcurrent(): Greenlet | null {
  return (currentRunner().owner as Greenlet | undefined) ?? null;
}

/** Options of {@linkcode wait} and {@linkcode iwait}. */
export interface WaitOptions {
  /** Seconds to wait at most. */
  timeout?: number | null;
  /** Stop after this many have finished. */
  count?: number | null;
}

/**
 * Yields greenlets as they finish (in that order), until all have, `count`
 * have, or `timeout` seconds pass. Ports `gevent.iwait(objects, timeout, count)`.
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * const slow = gevent.spawn(() => gevent.sleep(0.02));
 * const fast = gevent.spawn(() => gevent.sleep(0.01));
 * const order = [];
 * for await (const g of gevent.iwait([slow, fast])) order.push(g);
 * console.assert(order[0] === fast && order[1] === slow);
 * ```
 *
 * @param objects The greenlets.
 * @param options `timeout` (seconds) and `count`.
 */
export async function* iwait<G extends Greenlet<unknown>>(
  objects: Iterable<G>,
  options: WaitOptions = {},
): AsyncGenerator<G, void, undefined> {
  const list = [...objects];
  for (const g of list) {
    if (!(g instanceof Greenlet)) {
      throw new TypeError(`Cannot wait: expected Greenlet objects, got ${String(g)}`);
    }
  }
  const count = options.count ?? list.length;
  const finished: G[] = [];
  let wake: (() => void) | undefined;
  const onDone = (g: Greenlet<unknown>) => {
    finished.push(g as G);
    wake?.();
  };
  for (const g of list) g.link(onDone);
  const deadline = options.timeout === null || options.timeout === undefined
    ? undefined
    : performance.now() + waitMs(options.timeout);
  try {
    let yielded = 0;
    while (yielded < count) {
      if (finished.length === 0) {
        const left = deadline === undefined ? undefined : Math.max(0, deadline - performance.now());
        const ok = await block<boolean>((resolve) => {
          wake = () => resolve(true);
          const timer = left === undefined ? undefined : setTimeout(() => resolve(false), left);
          return () => {
            wake = undefined;
            if (timer !== undefined) clearTimeout(timer);
          };
        });
        if (!ok) return;
        // The links run in a microtask: let them land.
        if (finished.length === 0) continue;
      }
      yield finished.shift()!;
      yielded++;
    }
  } finally {
    for (const g of list) g.unlink(onDone);
  }
}

/**
 * Waits for greenlets to finish and resolves to those that did, in the order
 * they finished. With no objects it waits until every spawned greenlet has
 * finished and resolves to true (false if `timeout` passed first). Ports
 * `gevent.wait(objects=None, timeout=None, count=None)`.
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * const g = gevent.spawn(() => 1);
 * const done = await gevent.wait([g]);
 * console.assert(done[0] === g);
 * ```
 *
 * @param objects The greenlets (omit to wait for all).
 * @param options `timeout` (seconds) and `count`.
 */
export function wait<G extends Greenlet<unknown>>(
  objects: Iterable<G>,
  options?: WaitOptions,
): Promise<G[]>;
/**
 * Waits until every spawned greenlet has finished: true, or false if
 * `timeout` passed first.
 * @param objects Omitted (undefined or null).
 * @param options `timeout` (seconds).
 */
export function wait(objects?: null, options?: WaitOptions): Promise<boolean>;
export async function wait<G extends Greenlet<unknown>>(
  objects?: Iterable<G> | null,
  options: WaitOptions = {},
): Promise<G[] | boolean> {
  if (objects === undefined || objects === null) {
    const deadline = options.timeout === null || options.timeout === undefined
      ? undefined
      : performance.now() + waitMs(options.timeout);
    while (live.size > 0) {
      const left = deadline === undefined ? null : Math.max(0, deadline - performance.now());
      const batch = [...live];
      const done = await wait(batch, {
        timeout: left === null ? null : left / waitMs(1),
        count: 1,
      });
      if (done.length === 0) return false;
    }
    return true;
  }
  const done: G[] = [];
  for await (const g of iwait(objects, options)) done.push(g);
  return done;
}

/** Options of {@linkcode joinall}. */
export interface JoinallOptions extends WaitOptions {
  /** Raise the first error a greenlet ended with (default false). */
  raiseError?: boolean;
}

/**
 * Waits for the greenlets to finish (or `timeout` seconds) and resolves to
 * those that did; with `raiseError`, the first error one of them ended with
 * is raised. Ports `gevent.joinall(greenlets, timeout=None, raise_error=False, count=None)`.
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * const gs = [1, 2, 3].map((n) => gevent.spawn(async () => { await gevent.sleep(0.01 * n); return n; }));
 * const done = await gevent.joinall(gs);
 * console.assert(done.length === 3 && gs.every((g) => g.successful()));
 * ```
 *
 * @param greenlets The greenlets.
 * @param options `timeout` (seconds), `raiseError`, `count`.
 */
export async function joinall<G extends Greenlet<unknown>>(
  greenlets: Iterable<G>,
  options: JoinallOptions = {},
): Promise<G[]> {
  const { raiseError, ...waitOptions } = options;
  if (!raiseError) return await wait(greenlets, waitOptions);
  const done: G[] = [];
  for await (const g of iwait(greenlets, waitOptions)) {
    if (g.exception !== null) throw g.exception;
    done.push(g);
  }
  return done;
}

/**
 * Kills every greenlet (see `Greenlet.kill`) and, unless `block` is false,
 * waits for them to die. Ports `gevent.killall(greenlets, exception=GreenletExit, block=True, timeout=None)`.
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * const gs = [gevent.spawn(() => gevent.sleep(10)), gevent.spawn(() => gevent.sleep(10))];
 * await gevent.sleep(0);
 * await gevent.killall(gs);
 * console.assert(gs.every((g) => g.dead && g.successful()));
 * ```
 *
 * @param greenlets The greenlets.
 * @param exception An error class or instance (default `GreenletExit`).
 * @param options `block` and `timeout` (seconds).
 */
export async function killall(
  greenlets: Iterable<Greenlet<unknown>>,
  exception: KillException = GreenletExit,
  options: KillOptions = {},
): Promise<void> {
  const list = [...greenlets];
  await Promise.all(list.map((g) => g.kill(exception, { block: false })));
  if (options.block ?? true) await joinall(list, { timeout: options.timeout });
}
