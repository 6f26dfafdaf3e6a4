/**
 * The module every pyconc worker runs.
 *
 * It stores the start-up info the parent gave (threading and multiprocessing
 * read it for `currentThread()`, `os.getpid()`), says `ready`, then runs the
 * calls it is sent: it imports the module that exports the function (Python's
 * `spawn` start method), or evaluates shipped source, revives shared objects in
 * the arguments, and replies with the result or the error and its stack.
 * Replies that finish in the same turn travel in one message.
 *
 * A worker spawned with a `main` call (threads and processes) runs it at once
 * and exits with the code it returns.
 *
 * @module
 */

import { parentPort } from "./runtime.ts";
import { reduceValue, reviveValue } from "./reduce.ts";
import { serializeError } from "./remote_error.ts";
import {
  type BootstrapData,
  type CallMessage,
  type FunctionRef,
  type ToWorker,
  unpackCalls,
  WORKER_INFO_KEY,
} from "./worker_protocol.ts";

type AnyFunction = (...args: unknown[]) => unknown;

const port = await parentPort();
if (!port) throw new Error("worker_bootstrap.ts must run inside a worker");

const data = (port.workerData ?? {}) as BootstrapData;
(globalThis as Record<symbol, unknown>)[WORKER_INFO_KEY] = data.info;

const modules = new Map<string, Promise<Record<string, unknown>>>();
const sources = new Map<string, AnyFunction>();
const defined = new Map<number, Promise<AnyFunction> | AnyFunction>();

function describe(ref: FunctionRef): string {
  return "source" in ref ? "the shipped function" : `'${ref.name}' from ${ref.module}`;
}

function fromSource(source: string): AnyFunction {
  let fn = sources.get(source);
  if (!fn) {
    // Shipped source is evaluated at global scope: a function that closed over
    // something in its module fails here or when it runs with a ReferenceError.
    fn = new Function(`"use strict"; return (${source});`)() as AnyFunction;
    if (typeof fn !== "function") throw new TypeError("The shipped source is not a function");
    sources.set(source, fn);
  }
  return fn;
}

function resolve(ref: FunctionRef): Promise<AnyFunction> | AnyFunction {
  if ("source" in ref) return fromSource(ref.source);
  let loading = modules.get(ref.module);
  if (!loading) {
    loading = import(ref.module) as Promise<Record<string, unknown>>;
    modules.set(ref.module, loading);
  }
  return loading.then((mod) => {
    let value: unknown = mod;
    for (const part of ref.name.split(".")) value = (value as Record<string, unknown>)?.[part];
    if (typeof value !== "function") {
      throw new TypeError(
        `Cannot find function ${describe(ref)} in the worker: got ${typeof value}`,
      );
    }
    return value as AnyFunction;
  });
}

// ---------------------------------------------------------------------------
// Replies are queued and flushed once per microtask checkpoint.

let replies: unknown[] = [];
let running = 0;
let exitCode: number | undefined;
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  if (replies.length === 0) return;
  const batch = replies;
  replies = [];
  try {
    port!.postMessage({ t: "replies", r: batch });
  } catch {
    // One value could not be cloned: send the batch one by one so that only
    // that call fails, with an error that says why.
    for (let i = 0; i < batch.length; i += 3) {
      try {
        port!.postMessage({ t: "replies", r: [batch[i], batch[i + 1], batch[i + 2]] });
      } catch (error) {
        const why = new TypeError(
          `Cannot send the result back from the worker: ${(error as Error).message}`,
        );
        port!.postMessage({ t: "replies", r: [batch[i], 0, serializeError(why)] });
      }
    }
  }
}

function reply(id: number, ok: 0 | 1, value: unknown): void {
  running--;
  replies.push(id, ok, ok ? reduceValue(value) : serializeError(value));
  if (exitCode !== undefined && running === 0) {
    flush();
    port!.exit(exitCode);
  }
  if (!flushScheduled) {
    flushScheduled = true;
    queueMicrotask(flush);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown>)?.then === "function";
}

async function runBatch(fn: AnyFunction, argLists: readonly unknown[][]): Promise<unknown[]> {
  const results = new Array(argLists.length);
  for (let i = 0; i < argLists.length; i++) {
    const result = fn(...argLists[i]);
    results[i] = isThenable(result) ? await result : result;
  }
  return results;
}

function runCall(fn: AnyFunction, message: CallMessage, args: readonly unknown[]): void {
  try {
    const result = message.batch ? runBatch(fn, args as unknown[][]) : fn(...args);
    if (isThenable(result)) {
      result.then((value) => reply(message.id, 1, value), (error) => reply(message.id, 0, error));
    } else {
      reply(message.id, 1, result);
    }
  } catch (error) {
    reply(message.id, 0, error);
  }
}

function handleCall(message: CallMessage): void {
  running++;
  let fn: Promise<AnyFunction> | AnyFunction;
  try {
    fn = typeof message.fn === "number"
      ? defined.get(message.fn) ?? Promise.reject(new Error(`Unknown function key ${message.fn}`))
      : resolve(message.fn);
  } catch (error) {
    reply(message.id, 0, error);
    return;
  }
  const args = reviveValue(message.args);
  if (typeof fn === "function" && !isThenable(args)) {
    runCall(fn, message, args as unknown[]); // The fast path: nothing to wait for.
    return;
  }
  Promise.all([fn, args]).then(
    ([f, a]) => runCall(f, message, a as unknown[]),
    (error) => reply(message.id, 0, error),
  );
}

function handle(message: ToWorker): void {
  switch (message.t) {
    case "call":
      handleCall(message);
      break;
    case "calls":
      for (const call of unpackCalls(message)) handleCall(call);
      break;
    case "def": {
      const fn = (() => {
        try {
          return resolve(message.fn);
        } catch (error) {
          return Promise.reject(error);
        }
      })();
      if (isThenable(fn)) {
        const pending = Promise.resolve(fn);
        pending.then((f) => defined.set(message.key, f), () => {});
        defined.set(message.key, pending);
      } else {
        defined.set(message.key, fn);
      }
      break;
    }
    case "exit":
      // Calls already sent finish first, as a pool's workers do after close().
      exitCode = message.code;
      if (running === 0) {
        flush();
        port!.exit(message.code);
      }
      break;
  }
}

async function runMain(main: NonNullable<BootstrapData["main"]>): Promise<never> {
  let code = 1;
  try {
    const [fn, args] = await Promise.all([resolve(main.fn), reviveValue(main.args)]);
    const result = await fn(...(args as unknown[]));
    code = typeof result === "number" ? result : 0;
  } catch (error) {
    console.error(error);
  }
  flush();
  port!.exit(code);
  // Nothing after the exit may run (a Web Worker's close() returns).
  return new Promise<never>(() => {});
}

if (data.main) await runMain(data.main);

port.onMessage((message: ToWorker | ToWorker[]) => {
  if (Array.isArray(message)) { for (const m of message) handle(m); }
  else handle(message);
});
port.postMessage({ t: "ready" });
