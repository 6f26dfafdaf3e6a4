/**
 * Shipping a `Thread`/`Process` target to a worker the way Python's `spawn`
 * start method does: the worker imports the module that exports the function
 * (or class) and looks it up by name.
 *
 * In the parent, {@linkcode shipFunction} decides how: if the module's source
 * exports the name, by module + name, with the function's source text kept so
 * the worker can check that the export is the very function that was passed
 * (pickle's identity check); otherwise as source text, which works only for a
 * self-contained function. In the worker, {@linkcode resolveShipped} does the
 * lookup and turns every failure into an error that says what to export.
 *
 * @module
 */

import { mainModuleUrl } from "./runtime.ts";

/** A function or class on its way to a worker. */
export interface Shipped {
  /** Its name in the parent (for messages). */
  readonly name: string;
  /** The module that should export it (undefined where unknown). */
  readonly module?: string;
  /** Look it up by this exported name; absent: evaluate `source`. */
  readonly exportName?: string;
  /** Its source text (identity check, or what to evaluate). */
  readonly source: string;
}

// deno-lint-ignore no-explicit-any
const g = globalThis as any;
const fs = typeof g.process?.getBuiltinModule === "function"
  ? g.process.getBuiltinModule("node:fs")
  : undefined;
const url = typeof g.process?.getBuiltinModule === "function"
  ? g.process.getBuiltinModule("node:url")
  : undefined;

const sourceCache = new Map<string, string | null>();

/** The text of a local module, or null where it cannot be read synchronously. */
function moduleText(module: string): string | null {
  if (sourceCache.has(module)) return sourceCache.get(module)!;
  let text: string | null = null;
  try {
    if (fs && url && module.startsWith("file:")) {
      text = fs.readFileSync(url.fileURLToPath(module), "utf8");
    }
  } catch {
    text = null;
  }
  sourceCache.set(module, text);
  return text;
}

function escape(name: string): string {
  return name.replace(/[$]/g, "\\$");
}

/**
 * Whether `module`'s text exports `name`: true, false, or undefined when the
 * text cannot be read (then the worker finds out).
 */
export function moduleExports(module: string, name: string): boolean | undefined {
  const text = moduleText(module);
  if (text === null) return undefined;
  const n = escape(name);
  const patterns = [
    new RegExp(`export\\s+(?:default\\s+)?(?:async\\s+)?function\\s*\\*?\\s*${n}\\b`),
    new RegExp(`export\\s+(?:default\\s+)?(?:abstract\\s+)?class\\s+${n}\\b`),
    new RegExp(`export\\s+(?:const|let|var)\\s+${n}\\b`),
    new RegExp(`export\\s*\\{[^}]*\\b${n}\\b[^}]*\\}`),
  ];
  return patterns.some((p) => p.test(text));
}

/** The module a target is looked up in by default: the program's entry module. */
export function defaultModule(): string | undefined {
  return mainModuleUrl();
}

function sourceOf(fn: unknown): string {
  return Function.prototype.toString.call(fn);
}

function isClassSource(source: string): boolean {
  return /^class\b/.test(source);
}

/**
 * Decides how `fn` travels to a worker. Throws a `TypeError` that says what
 * to export when it cannot travel at all.
 * @param fn The target function or the `Thread`/`Process` subclass.
 * @param role "target" or "class", for messages.
 * @param module The module that exports it (default: the entry module).
 */
export function shipFunction(
  fn: unknown,
  role: "target" | "class",
  module: string | URL | undefined,
): Shipped {
  if (typeof fn !== "function") {
    throw new TypeError(
      `Cannot send the ${role} to a worker: it must be a function: got ${typeof fn}`,
    );
  }
  const name = fn.name;
  const source = sourceOf(fn);
  const where = module !== undefined ? String(module) : defaultModule();
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) {
    throw new TypeError(
      `Cannot send ${role} '${name}' to a worker: it is a built-in or bound function; pass a function exported by your module`,
    );
  }
  const exported = name && where ? moduleExports(where, name) : false;
  if (exported !== false && name && where) return { name, module: where, exportName: name, source };
  const exportHint = where
    ? `export it from ${where} (\`export ${isClassSource(source) ? "class" : "function"} ${
      name || "name"
    } …\`)${
      module === undefined ? ", or pass the module that exports it as the 'module' option" : ""
    }`
    : "pass the module that exports it as the 'module' option";
  if (role === "class" || isClassSource(source)) {
    throw new TypeError(
      `Cannot send ${role} '${name}' to a worker: a worker imports its class by name, so ${exportHint}`,
    );
  }
  // Not exported: ship the text, which must compile on its own.
  try {
    new Function(`"use strict"; return (${source});`);
  } catch {
    throw new TypeError(
      `Cannot send ${role} '${
        name || "(anonymous)"
      }' to a worker: it is not exported and its source is not a standalone function; ${exportHint}`,
    );
  }
  return { name: name || "(anonymous)", module: where, source };
}

type AnyFunction = (...args: unknown[]) => unknown;

const modules = new Map<string, Promise<Record<string, unknown>>>();

function importModule(module: string): Promise<Record<string, unknown>> {
  let loading = modules.get(module);
  if (!loading) {
    loading = import(module) as Promise<Record<string, unknown>>;
    modules.set(module, loading);
  }
  return loading;
}

function evaluate(shipped: Shipped): AnyFunction {
  const fn = new Function(`"use strict"; return (${shipped.source});`)() as AnyFunction;
  if (typeof fn !== "function") {
    throw new TypeError(`The shipped ${shipped.name} is not a function`);
  }
  return wrapOutsideUse(fn, shipped);
}

/** A shipped function that uses a name from outside fails with a ReferenceError: explain it. */
function wrapOutsideUse(fn: AnyFunction, shipped: Shipped): AnyFunction {
  const explain = (error: unknown): unknown => {
    if (!(error instanceof ReferenceError)) return error;
    const hint = shipped.module
      ? `export '${shipped.name}' from ${shipped.module} so the worker imports it with its module`
      : `export '${shipped.name}' and pass its module as the 'module' option`;
    const wrapped = new ReferenceError(
      `The target '${shipped.name}' was sent to the worker as source text because it is not exported, and it uses something defined outside it (${error.message}): ${hint}`,
    );
    wrapped.stack = `${wrapped.name}: ${wrapped.message}\n${
      (error.stack ?? "").split("\n").slice(1).join("\n")
    }`;
    return wrapped;
  };
  return function (this: unknown, ...args: unknown[]) {
    try {
      const result = fn.apply(this, args);
      if (result instanceof Promise) return result.catch((e) => Promise.reject(explain(e)));
      return result;
    } catch (error) {
      throw explain(error);
    }
  };
}

/**
 * In the worker: the function or class that was shipped. Imports its module
 * and checks that the export is the function the parent passed.
 */
export async function resolveShipped(shipped: Shipped): Promise<AnyFunction> {
  if (shipped.exportName === undefined || shipped.module === undefined) return evaluate(shipped);
  const mod = await importModule(shipped.module);
  const value = mod[shipped.exportName];
  if (typeof value !== "function") {
    if (!isClassSource(shipped.source)) {
      try {
        return evaluate(shipped);
      } catch {
        // fall through to the clear error
      }
    }
    throw new TypeError(
      `Cannot find '${shipped.exportName}' in ${shipped.module} from the worker: export it (\`export function ${shipped.exportName} …\`) so the worker can import it`,
    );
  }
  if (sourceOf(value) !== shipped.source) {
    throw new TypeError(
      `'${shipped.exportName}' exported by ${shipped.module} is not the function that was passed (pickle's identity check): pass the exported function itself, or give the 'module' option that exports it`,
    );
  }
  return value as AnyFunction;
}
