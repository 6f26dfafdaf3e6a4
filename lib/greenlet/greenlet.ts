/**
 * Python's `greenlet`: coroutines that hand control to each other explicitly
 * with `switch()`.
 *
 * JavaScript has no stack switching, so this port is cooperative over
 * promises: a greenlet's `run` is an `async` function, and `switch()` returns a
 * promise that the caller awaits. Awaiting it suspends the caller exactly where
 * CPython's greenlet would suspend it, and the values passed to `switch()`
 * travel both ways as in Python. Everything else follows the greenlet docs:
 * the first `switch()` starts `run` with its arguments; when `run` returns,
 * its value goes to the parent; an error raised in `run` is raised in the
 * parent; `GreenletExit` is a normal way out; switching to a dead greenlet goes
 * to its parent.
 *
 * @module
 */

/**
 * Raised inside a greenlet to end it (what `throw()` sends by default); when
 * it escapes `run`, it is not an error: the parent receives the exception
 * object as the greenlet's return value. Ports `greenlet.GreenletExit`.
 *
 * @example Usage
 * ```ts
 * import { greenlet } from "@pyconc/pyconc";
 *
 * const g = new greenlet.greenlet(async () => {
 *   await greenlet.getcurrent().parent!.switch("paused");
 * });
 * await g.switch();
 * const result = await g.throw();
 * console.assert(result instanceof greenlet.GreenletExit && g.dead);
 * ```
 */
export class GreenletExit extends Error {
  /**
   * Creates the exception.
   * @param message An optional message.
   */
  constructor(message?: string) {
    super(message ?? "");
  }
}
Object.defineProperty(GreenletExit.prototype, "name", {
  value: "GreenletExit",
  writable: true,
  configurable: true,
});

/** What one greenlet hands another: values, or an error to raise there. */
type Message = { value: unknown } | { error: unknown };

// The greenlet whose code is running. Only one runs at a time: the others are
// suspended in an awaited switch(), or not started yet, or dead.
let current: greenlet | undefined;

/** The function a greenlet runs: any arguments, a value or a promise of one. */
// deno-lint-ignore no-explicit-any
export type GreenletRun = (...args: any[]) => unknown;

/**
 * A coroutine that runs when something switches to it. Ports
 * `greenlet.greenlet(run=None, parent=None)` (the class keeps its Python
 * name). Subclasses may override `run` instead of passing it.
 *
 * `switch()` and `throw()` return promises: always `await` them, since the
 * awaiting caller is the greenlet being suspended. A greenlet left suspended
 * when the program ends is simply dropped (CPython throws `GreenletExit` into
 * it when it is garbage-collected; JavaScript cannot).
 *
 * @example Usage (seed 001: an A → B → C → A ring)
 * ```ts
 * import { greenlet } from "@pyconc/pyconc";
 *
 * const order: string[] = [];
 * const ga: greenlet.greenlet = new greenlet.greenlet(async () => {
 *   for (let i = 0; i < 2; i++) {
 *     order.push(`A + ${i}`);
 *     await gb.switch();
 *   }
 * });
 * const gb: greenlet.greenlet = new greenlet.greenlet(async () => {
 *   for (let i = 0; i < 2; i++) {
 *     order.push(`B + ${i}`);
 *     await ga.switch();
 *   }
 * });
 * await ga.switch();
 * console.assert(order.join(",") === "A + 0,B + 0,A + 1,B + 1");
 * ```
 */
export class greenlet {
  #run: GreenletRun | undefined;
  #parent: greenlet | null;
  #started: boolean;
  #dead = false;
  #isMain: boolean;
  /** Resolves the awaited switch() this greenlet is suspended in. */
  #resume: ((message: Message) => void) | undefined;

  /**
   * Creates a greenlet; nothing runs until the first `switch()`.
   * @param run The function to run (an async function, to be able to switch).
   * @param parent Where control goes when `run` ends; by default the greenlet
   * that creates this one.
   */
  constructor(run?: GreenletRun | null, parent?: greenlet | null) {
    if (run !== undefined && run !== null && typeof run !== "function") {
      throw new TypeError(
        `Cannot create greenlet as 'run' must be a function: got ${typeof run}`,
      );
    }
    this.#run = run ?? undefined;
    this.#isMain = mainMarker;
    this.#started = mainMarker;
    this.#parent = mainMarker ? null : parent ?? getcurrent();
  }

  /**
   * What the greenlet runs: the function given to the constructor; a subclass
   * may override it instead. Python raises `AttributeError` for a greenlet
   * with neither; this raises TypeError when such a greenlet is started.
   * @param args The arguments of the first `switch()`.
   */
  run(...args: unknown[]): unknown {
    if (this.#run) return this.#run(...args);
    throw new TypeError("Cannot start greenlet: it has no run function (pass one or override run)");
  }

  /** The greenlet control goes to when this one ends (null for the main greenlet). */
  get parent(): greenlet | null {
    return this.#parent;
  }

  /** Changes the parent; a cycle is refused as in Python ("cyclic parent chain"). */
  set parent(value: greenlet | null) {
    if (!(value instanceof greenlet)) {
      throw new TypeError("Cannot set parent as it must be a greenlet");
    }
    for (let g: greenlet | null = value; g; g = g.#parent) {
      if (g === this) throw new RangeError("Cannot set parent: cyclic parent chain");
    }
    this.#parent = value;
  }

  /** True once `run` has finished (returned, raised, or was thrown out of). */
  get dead(): boolean {
    return this.#dead;
  }

  /** True once the greenlet has been switched to at least once (the main one always). */
  get started(): boolean {
    return this.#started;
  }

  /** Python's `bool(g)`: started and not dead. */
  get active(): boolean {
    return this.#started && !this.#dead;
  }

  /**
   * Suspends the current greenlet and runs this one: the first time, `run`
   * starts with `args`; later, the `switch()` this greenlet is suspended in
   * resolves to the values passed (one value as itself, several as an array,
   * none as an empty array, as Python's tuple rules). Resolves, when control
   * comes back to the caller, to what was passed to it then. Ports
   * `greenlet.switch(*args)`.
   * @param args The values to hand over.
   */
  switch(...args: unknown[]): Promise<unknown> {
    return transfer(this, args, undefined);
  }

  /**
   * Switches to this greenlet and raises `error` there at once (by default a
   * new `GreenletExit`, which ends the greenlet quietly). Resolves, when
   * control comes back, to what was passed to the caller. Ports
   * `greenlet.throw(typ=GreenletExit, ...)`.
   * @param error The error to raise inside the greenlet.
   */
  throw(error: unknown = new GreenletExit()): Promise<unknown> {
    return transfer(this, [], { error });
  }

  /** Python-style description: `<greenlet A [started, suspended]>`. */
  toString(): string {
    const state = this.#isMain
      ? "main"
      : this.#dead
      ? "dead"
      : !this.#started
      ? "unstarted"
      : this === current
      ? "current"
      : "suspended";
    const cls = (this.constructor as { name: string }).name;
    const name = this.#run?.name;
    return `<${cls}${name ? " " + name : ""} [${state}]>`;
  }

  /** Deno's inspect hook. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  /** Node's inspect hook. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  // ---- the scheduler (static so it can reach every instance's #private state)

  /** Hands `message` to `target` (already resolved past dead greenlets). */
  static deliver(target: greenlet, message: Message): void {
    current = target;
    if (!target.#started) {
      target.#started = true;
      if ("error" in message) {
        // Thrown into before it ever ran: it dies without running.
        finish(target, { error: message.error });
        return;
      }
      const args = message.value as unknown[];
      let result: unknown;
      try {
        result = target.run(...args);
      } catch (error) {
        finish(target, { error });
        return;
      }
      Promise.resolve(result).then(
        (value) => finish(target, { value }),
        (error) => finish(target, { error }),
      );
      return;
    }
    const resume = target.#resume;
    target.#resume = undefined;
    resume!(message);
  }

  /** Suspends `from`: the promise its awaited switch() returns. */
  static suspend(from: greenlet): Promise<unknown> {
    return new Promise((resolve, reject) => {
      from.#resume = (message) => {
        if ("error" in message) reject(message.error);
        else resolve(message.value);
      };
    });
  }

  /** Whether `g` can be handed control now (suspended in a switch, or unstarted). */
  static ready(g: greenlet): boolean {
    return !g.#started || g.#resume !== undefined;
  }

  /** Marks `g` dead. */
  static kill(g: greenlet): void {
    g.#dead = true;
  }

  /** The first live greenlet among `g` and its ancestors. */
  static live(g: greenlet): greenlet {
    let target = g;
    while (target.#dead && target.#parent) target = target.#parent;
    return target;
  }
}

// Set only while the main greenlet is being built.
let mainMarker = false;

let mainGreenlet: greenlet | undefined;

/**
 * The greenlet that is running now; outside every greenlet, the main greenlet
 * (created on first use). Ports `greenlet.getcurrent()`.
 *
 * @example Usage
 * ```ts
 * import { greenlet } from "@pyconc/pyconc";
 *
 * const main = greenlet.getcurrent();
 * const g = new greenlet.greenlet(() => greenlet.getcurrent());
 * console.assert((await g.switch()) === g && g.parent === main);
 * ```
 */
export function getcurrent(): greenlet {
  if (!mainGreenlet) {
    mainMarker = true;
    try {
      mainGreenlet = new greenlet();
    } finally {
      mainMarker = false;
    }
  }
  return current ?? mainGreenlet;
}

function valueOf(args: unknown[]): unknown {
  return args.length === 1 ? args[0] : args;
}

function transfer(target: greenlet, args: unknown[], thrown: { error: unknown } | undefined) {
  const from = getcurrent();
  // Switching to a dead greenlet goes to its parent (and so on up).
  const to = greenlet.live(target);
  if (to === from) {
    return thrown ? Promise.reject(thrown.error) : Promise.resolve(valueOf(args));
  }
  if (!greenlet.ready(to)) {
    return Promise.reject(
      new RangeError(
        `Cannot switch to ${to}: it is running but not suspended in an awaited switch() ` +
          "(await every switch() and throw())",
      ),
    );
  }
  const suspended = greenlet.suspend(from);
  const message: Message = thrown ?? { value: started(to) ? valueOf(args) : args };
  greenlet.deliver(to, message);
  return suspended;
}

function started(g: greenlet): boolean {
  return g.started;
}

/** A greenlet's run ended: it is dead, and its parent gets the result. */
function finish(g: greenlet, outcome: Message): void {
  greenlet.kill(g);
  if ("error" in outcome && outcome.error instanceof GreenletExit) {
    outcome = { value: outcome.error };
  }
  const parent = greenlet.live(g.parent ?? getcurrent());
  if (!greenlet.ready(parent)) {
    // The parent is not waiting in a switch (a caller that did not await):
    // nobody can receive the result; an error must not vanish silently.
    current = parent;
    if ("error" in outcome) {
      const error = outcome.error;
      queueMicrotask(() => {
        throw error;
      });
    }
    return;
  }
  greenlet.deliver(
    parent,
    parent.started ? outcome : "error" in outcome ? outcome : {
      value: [outcome.value],
    },
  );
}
