/**
 * The reduce protocol: pyconc's `pickle` for objects that live in shared memory.
 *
 * Workers share no JavaScript objects. A lock, event, `Value` or `SharedMemory`
 * is a view of a `SharedArrayBuffer`; when one is passed to a worker, it
 * travels as `{ tag, module, state }` (its buffers in `state` are shared, not
 * copied) and the receiving side rebuilds a live view of the same memory with
 * the reviver registered for `tag`. `module` is the URL of the module that
 * registers the reviver, so a worker that has not loaded it yet can import it.
 *
 * Everything else is structured-cloned as usual.
 *
 * @module
 */

/** Implemented by objects that can be sent to a worker as a live view. */
export const reduceSymbol: unique symbol = Symbol.for("pyconc.reduce") as never;

/** What a shareable object turns into on its way to a worker. */
export interface Reduced {
  /** Names the reviver that rebuilds it. */
  readonly tag: string;
  /** URL of the module that registers the reviver for `tag`. */
  readonly module: string;
  /** Structured-cloneable state (SharedArrayBuffers are shared). */
  readonly state: unknown;
}

/** An object that can be sent to a worker as a live view of shared memory. */
export interface Shareable {
  /** Returns the state another worker needs to rebuild this object. */
  [reduceSymbol](): Reduced;
}

const MARK = "__pyconcReduced";

interface Envelope {
  readonly [MARK]: true;
  readonly tag: string;
  readonly module: string;
  readonly state: unknown;
}

type Reviver = (state: unknown) => unknown;

const REGISTRY_KEY = Symbol.for("pyconc.revivers");
// Kept on globalThis so that two copies of pyconc in one worker (sources and
// the npm build, say) share one registry.
const revivers: Map<string, Reviver> =
  ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] as Map<string, Reviver>) ??
    ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] = new Map<string, Reviver>());

/**
 * Registers how to rebuild objects reduced with `tag`.
 * @param tag The tag the object's `[reduceSymbol]()` returns.
 * @param revive Builds a live object from the reduced state.
 */
export function registerReviver(tag: string, revive: Reviver): void {
  revivers.set(tag, revive);
}

function isShareable(value: object): value is Shareable {
  return typeof (value as Partial<Shareable>)[reduceSymbol] === "function";
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Replaces every shareable object inside `value` (arrays, plain objects, Maps
 * and Sets are searched) with its envelope. Returns `value` itself when
 * nothing needed replacing, so the common case allocates nothing.
 */
export function reduceValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (isShareable(value)) {
    const { tag, module, state } = value[reduceSymbol]();
    return { [MARK]: true, tag, module, state: reduceValue(state) } satisfies Envelope;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const reduced = reduceValue(item);
      if (reduced !== item) (copy ??= value.slice())[i] = reduced;
    }
    return copy ?? value;
  }
  if (value instanceof Map) {
    let changed = false;
    const entries = [...value].map(([k, v]) => {
      const rk = reduceValue(k), rv = reduceValue(v);
      if (rk !== k || rv !== v) changed = true;
      return [rk, rv] as const;
    });
    return changed ? new Map(entries) : value;
  }
  if (value instanceof Set) {
    let changed = false;
    const items = [...value].map((v) => {
      const r = reduceValue(v);
      if (r !== v) changed = true;
      return r;
    });
    return changed ? new Set(items) : value;
  }
  if (isPlainObject(value)) {
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      const reduced = reduceValue(item);
      if (reduced !== item) (copy ??= { ...value })[key] = reduced;
    }
    return copy ?? value;
  }
  return value;
}

function isEnvelope(value: object): value is Envelope {
  return (value as Partial<Envelope>)[MARK] === true;
}

/** Collects the modules that must be imported before `value` can be revived. */
function missingModules(value: unknown, out: Set<string>): Set<string> {
  if (typeof value !== "object" || value === null) return out;
  if (isEnvelope(value)) {
    if (!revivers.has(value.tag)) out.add(value.module);
    missingModules(value.state, out);
  } else if (Array.isArray(value)) {
    for (const item of value) missingModules(item, out);
  } else if (value instanceof Map) {
    for (const [k, v] of value) missingModules(k, out), missingModules(v, out);
  } else if (value instanceof Set) {
    for (const v of value) missingModules(v, out);
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      missingModules((value as Record<string, unknown>)[key], out);
    }
  }
  return out;
}

function reviveSync(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (isEnvelope(value)) {
    const revive = revivers.get(value.tag);
    if (!revive) {
      throw new Error(
        `Cannot rebuild a shared object tagged '${value.tag}': no reviver registered (module ${value.module})`,
      );
    }
    return revive(reviveSync(value.state));
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const revived = reviveSync(value[i]);
      if (revived !== value[i]) (copy ??= value.slice())[i] = revived;
    }
    return copy ?? value;
  }
  if (value instanceof Map) {
    return new Map([...value].map(([k, v]) => [reviveSync(k), reviveSync(v)]));
  }
  if (value instanceof Set) return new Set([...value].map(reviveSync));
  if (isPlainObject(value)) {
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      const revived = reviveSync(item);
      if (revived !== item) (copy ??= { ...value })[key] = revived;
    }
    return copy ?? value;
  }
  return value;
}

/**
 * Rebuilds the shareable objects inside a received value, importing the
 * modules of tags not registered yet. Synchronous (returns the value, not a
 * promise) when no import is needed, which is the common case.
 */
export function reviveValue(value: unknown): unknown | Promise<unknown> {
  if (typeof value !== "object" || value === null) return value;
  const modules = missingModules(value, new Set());
  if (modules.size === 0) return reviveSync(value);
  return Promise.all([...modules].map((m) => import(m))).then(() => reviveSync(value));
}

/**
 * Checks that `value` can be sent to a worker; throws a `TypeError` naming
 * `label` (for example "args[1]") and what could not be cloned.
 */
export function assertSendable(value: unknown, label: string): void {
  try {
    structuredClone(reduceValue(value));
  } catch (error) {
    const what = error instanceof Error ? error.message : String(error);
    throw new TypeError(`Cannot send ${label} to a worker: ${what}`);
  }
}
