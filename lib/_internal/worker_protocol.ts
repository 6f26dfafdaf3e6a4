/**
 * The messages between a parent and a pyconc worker (the bootstrap).
 *
 * Parent → worker: `call` (run a function, or a batch of argument lists),
 * `calls` (several calls in one flat array),
 * `def` (name a function once, so calls carry a number instead of a module URL),
 * `exit` (flush and stop). Several parent messages may travel as one array.
 * Worker → parent: `ready` once the bootstrap listens, `replies` (results and
 * errors, batched), `fatal` when something outside any call went wrong.
 *
 * @module
 */

import type { SerializedError } from "./remote_error.ts";

/** Where a worker finds a function: an export of a module, or source text. */
export type FunctionRef =
  | { readonly module: string; readonly name: string }
  | { readonly source: string };

/** Data a pyconc worker receives at start-up. */
export interface BootstrapData {
  /** Opaque to the bootstrap: what threading/multiprocessing record for this worker. */
  readonly info?: unknown;
  /**
   * A call the worker runs as soon as it loads, before reading any message;
   * the number it returns is the worker's exit code. This is how a `Thread` or
   * `Process` runs its target: the work travels with the spawn, so it starts
   * even while the parent blocks right after `start()` (`t.start();
   * event.wait()`), and costs no message round trip.
   */
  readonly main?: { readonly fn: FunctionRef; readonly args: readonly unknown[] };
}

/** Run `fn` with `args`; with `batch`, `args` is a list of argument lists. */
export interface CallMessage {
  readonly t: "call";
  readonly id: number;
  readonly fn: FunctionRef | number;
  readonly args: readonly unknown[];
  readonly batch?: boolean;
}

/**
 * Several calls flattened into one array, `[id, fn, argc, ...args, id, …]`:
 * cheaper to clone than one object per call (the pool engine's calls).
 */
export interface CallsMessage {
  readonly t: "calls";
  readonly c: readonly unknown[];
}

/** The calls of a {@linkcode CallsMessage}, one `call` message each. */
export function unpackCalls(message: CallsMessage): CallMessage[] {
  const out: CallMessage[] = [];
  const c = message.c;
  for (let i = 0; i < c.length;) {
    const argc = c[i + 2] as number;
    out.push({
      t: "call",
      id: c[i] as number,
      fn: c[i + 1] as number,
      args: c.slice(i + 3, i + 3 + argc),
    });
    i += 3 + argc;
  }
  return out;
}

/** Names a function once: later calls may pass `key` as their `fn`. */
export interface DefineMessage {
  readonly t: "def";
  readonly key: number;
  readonly fn: FunctionRef;
}

/** Flush pending replies and end the worker with `code`. */
export interface ExitMessage {
  readonly t: "exit";
  readonly code: number;
}

/** Anything a parent sends. */
export type ToWorker = CallMessage | CallsMessage | DefineMessage | ExitMessage;

/** The bootstrap is listening. */
export interface ReadyMessage {
  readonly t: "ready";
}

/**
 * Finished calls, flattened as `[id, ok, value, id, ok, value, …]`; `ok` is 1
 * for a result and 0 for a serialized error.
 */
export interface RepliesMessage {
  readonly t: "replies";
  readonly r: unknown[];
}

/** An error outside any call (a failed `def` import, say). */
export interface FatalMessage {
  readonly t: "fatal";
  readonly error: SerializedError;
}

/** Anything a worker sends. */
export type FromWorker = ReadyMessage | RepliesMessage | FatalMessage;

/** The key under which a worker's start-up info is kept on `globalThis`. */
export const WORKER_INFO_KEY: unique symbol = Symbol.for("pyconc.workerInfo") as never;

/** The info the parent gave this worker, or undefined on the main thread. */
export function currentWorkerInfo(): unknown {
  return (globalThis as Record<symbol, unknown>)[WORKER_INFO_KEY];
}
