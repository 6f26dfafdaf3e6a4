/**
 * What a pool worker runs (loaded into a pyconc worker by the pool engine):
 * the initializer once, then tasks and chunks of tasks.
 *
 * Each task has a word in a shared status array. The parent writes a QUEUED
 * token before sending; the worker swaps that exact token for its RUNNING
 * form just before calling the function. A parent that cancels a task still
 * QUEUED (Python's `Future.cancel()` before the task starts), or takes it back
 * to give it to an idle worker, swaps the word first; the worker then skips
 * the task and answers {@linkcode SKIPPED}. The token's upper bits count the
 * sends, so a word reused for a later send never matches an earlier one.
 *
 * @module
 */

import { resolveShipped, type Shipped } from "./spawn.ts";
import { macrotask } from "./async_context.ts";
import { self } from "./identity.ts";
import { BaseTask, setCurrentTask } from "../threading/_task.ts";
import { Thread } from "../threading/thread.ts";
import { Process } from "../multiprocessing/process.ts";

type AnyFunction = (...args: unknown[]) => unknown;

/** Status words (one per task slot): the state in the low two bits, a send count above. */
export const FREE = 0, QUEUED = 1, RUNNING = 2, CANCELLED = 3, STATE_BITS = 3;

/** The answer of a task that was cancelled before it started. */
export const SKIPPED = "__pyconc_pool_skipped__";

/**
 * A chunk of numbers in one of the worker's mailboxes: a `SharedArrayBuffer`
 * of doubles this worker shares with the parent (sent once, in the first such
 * chunk, and again when it grows). The parent writes the chunk's `length`
 * numbers there and sends only this small object; the worker writes the
 * results back in place when they are all numbers and answers the same shape.
 * Large messages are slow to arrive on Deno's `node:worker_threads` (about
 * 2 ms for 100 KB, even for a `SharedArrayBuffer`), small ones are not.
 */
export interface MailboxChunk {
  readonly [MAILBOX]: number;
  /** Which of the worker's mailboxes (a few chunks may be in flight). */
  readonly box: number;
  readonly buffer?: SharedArrayBuffer;
}

/** The key that marks a {@linkcode MailboxChunk}. */
export const MAILBOX = "__pyconc_mailbox__";

/** True for a {@linkcode MailboxChunk}. */
export function isMailboxChunk(value: unknown): value is MailboxChunk {
  return typeof value === "object" && value !== null && MAILBOX in value;
}

const mailboxes: Float64Array[] = [];

let status: Int32Array | undefined;
let initError: { error: unknown } | undefined;
const functions = new Map<number, AnyFunction | Promise<AnyFunction>>();

function resolveRef(ref: Shipped): Promise<AnyFunction> {
  return resolveShipped(ref);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown>)?.then === "function";
}

/**
 * Receives the status array and runs the initializer. Tasks that arrive before
 * it has finished wait for it; if it fails, every task fails with its error.
 */
export function setup(
  statusBuffer: SharedArrayBuffer,
  initializer: Shipped | null,
  initargs: unknown[],
): Promise<void> | void {
  status = new Int32Array(statusBuffer);
  // This worker is a pool thread or process: currentThread() / currentProcess()
  // return an object with its name, as Python's pool threads and processes are.
  const proto = self.kind === "thread" ? Thread.prototype : Process.prototype;
  setCurrentTask(BaseTask._adopt(proto, self.kind, self.name, self));
  if (!initializer) return;
  const ready = (async () => {
    const fn = await resolveRef(initializer);
    await fn(...initargs);
  })().catch((error) => {
    initError = { error };
    throw error;
  });
  busy = true;
  ready.then(release, release);
  return ready;
}

// Tasks run one at a time, like a Python thread, even when they are async.
// The bootstrap sends the replies of a turn together at its end, so a task
// that runs in the same turn after another one holds that one's reply back
// for as long as it runs. A task therefore runs at once only when the worker
// is idle and either nothing else ran in this turn, or its function has been
// reliably quick (every one of at least 3 earlier calls under 0.1 ms) and the
// turn is young: many tiny tasks then share one reply message. Otherwise it
// waits in `waiting` and starts in a later macrotask, after the earlier
// replies have gone out. A quick function's rare slow call can still delay the
// replies batched before it by that call's duration; it then runs alone until
// it has been quick 3 times in a row again (one slow call — a GC pause, a
// preempted thread — must not turn batching off for good).
interface Waiting {
  id: number;
  start(): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}
const waiting: Waiting[] = [];
let head = 0;
let busy = false;
let ranThisTurn = false;
let turnStart = 0;
let drainScheduled = false;
const QUICK_MS = 0.1;
const TURN_MS = 1;
const QUICK_STREAK = 3;
/** Per function id: how many of its latest calls in a row were quick (-1: async, never). */
const quickStreaks = new Map<number, number>();

function endTurn(): void {
  ranThisTurn = false;
}

function reliablyQuick(id: number): boolean {
  return (quickStreaks.get(id) ?? 0) >= QUICK_STREAK &&
    performance.now() - turnStart < TURN_MS;
}

function timed(id: number, start: () => unknown): unknown {
  const resolved = typeof functions.get(id) === "function";
  const t0 = performance.now();
  const result = start();
  if (!resolved) return result; // The first call waits for the import: not timed.
  if (isThenable(result)) {
    quickStreaks.set(id, -1); // Async: never batched behind.
  } else {
    const streak = quickStreaks.get(id) ?? 0;
    if (streak >= 0) quickStreaks.set(id, performance.now() - t0 < QUICK_MS ? streak + 1 : 0);
  }
  return result;
}

function release(): void {
  busy = false;
  scheduleDrain();
}

function scheduleDrain(): void {
  if (drainScheduled || head >= waiting.length) return;
  drainScheduled = true;
  macrotask(drain);
}

function drain(): void {
  drainScheduled = false;
  turnStart = performance.now();
  if (!ranThisTurn) {
    ranThisTurn = true;
    queueMicrotask(endTurn);
  }
  runWaiting(true);
}

function runWaiting(first: boolean): void {
  if (busy || head >= waiting.length) return;
  if (!first && !reliablyQuick(waiting[head].id)) {
    scheduleDrain();
    return;
  }
  const task = waiting[head];
  waiting[head++] = undefined as never;
  if (head === waiting.length) {
    waiting.length = 0;
    head = 0;
  }
  let result: unknown;
  try {
    result = timed(task.id, task.start);
  } catch (error) {
    task.reject(error);
    runWaiting(false);
    return;
  }
  if (isThenable(result)) {
    busy = true;
    Promise.resolve(result).then((v) => {
      task.resolve(v);
      release();
    }, (e) => {
      task.reject(e);
      release();
    });
  } else {
    task.resolve(result);
    runWaiting(false);
  }
}

/** Names a function for later {@linkcode run} calls. */
export function define(id: number, ref: Shipped): void {
  try {
    const fn = resolveRef(ref);
    functions.set(id, fn);
    if (isThenable(fn)) {
      fn.then((f) => functions.set(id, f), () => {});
    }
  } catch (error) {
    functions.set(id, Promise.reject(error));
    (functions.get(id) as Promise<AnyFunction>).catch(() => {});
  }
}

function claim(slot: number, token: number): boolean {
  if (slot < 0 || !status) return true;
  // QUEUED → RUNNING keeps the send count: token + 1.
  return Atomics.compareExchange(status, slot, token, token + 1) === token;
}

function invoke(id: number, args: unknown[], star: boolean, chunk: boolean): unknown {
  const fn = functions.get(id);
  if (fn === undefined) throw new Error(`Unknown pool function ${id}`);
  if (typeof fn !== "function") {
    return fn.then((f) => {
      functions.set(id, f);
      return chunk ? runChunk(f, args, star) : f(...args);
    });
  }
  return chunk ? runChunk(fn, args, star) : fn(...args);
}

function runChunk(
  fn: AnyFunction,
  items: unknown[],
  star: boolean,
): unknown[] | Float64Array | Promise<unknown[]> {
  const results = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const result = star ? fn(...(items[i] as unknown[])) : fn(items[i]);
    if (isThenable(result)) return finishChunk(fn, items, star, results, i, result);
    results[i] = result;
  }
  return packNumbers(results);
}

/**
 * A chunk's results as a `Float64Array` when they are all numbers: it is
 * copied in one piece, where an array of numbers is cloned item by item (the
 * parent's readers index or iterate it like the array).
 */
export function packNumbers(values: unknown[]): unknown[] | Float64Array {
  if (values.length < 64) return values;
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== "number") return values;
  return Float64Array.from(values as number[]);
}

/** Chunk results that are all numbers go back through the mailbox. */
function toMailbox(results: unknown, box: number): unknown {
  const mailbox = mailboxes[box];
  if (!(results instanceof Float64Array) || results.length > mailbox.length) return results;
  mailbox.set(results);
  return { [MAILBOX]: results.length, box } satisfies MailboxChunk;
}

async function finishChunk(
  fn: AnyFunction,
  items: unknown[],
  star: boolean,
  results: unknown[],
  at: number,
  pending: PromiseLike<unknown>,
): Promise<unknown[]> {
  results[at] = await pending;
  for (let i = at + 1; i < items.length; i++) {
    const result = star ? fn(...(items[i] as unknown[])) : fn(items[i]);
    results[i] = isThenable(result) ? await result : result;
  }
  return packNumbers(results) as unknown[];
}

/**
 * Runs one task (`chunk` false: `fn(...args)`) or a chunk (`fn(item)` for
 * each item, or `fn(...item)` with `star`), unless it was cancelled first.
 * Tasks run one at a time, in the order they arrived. `slot` and `token`
 * name the task's status word and the QUEUED value it must still hold. The
 * first task of a function carries its reference (`ref`).
 */
export function run(
  slot: number,
  token: number,
  id: number,
  args: unknown[],
  chunk: boolean,
  star: boolean,
  ref?: Shipped,
): unknown {
  if (ref) define(id, ref);
  let start = () => {
    if (initError) throw initError.error;
    return claim(slot, token) ? invoke(id, args, star, chunk) : SKIPPED;
  };
  if (isMailboxChunk(args)) {
    const { box, buffer } = args;
    if (buffer) mailboxes[box] = new Float64Array(buffer);
    const length = args[MAILBOX];
    start = () => {
      if (initError) throw initError.error;
      if (!claim(slot, token)) return SKIPPED;
      const items = mailboxes[box].subarray(0, length) as unknown as unknown[];
      const result = invoke(id, items, false, true);
      return isThenable(result)
        ? Promise.resolve(result).then((r) => toMailbox(r, box))
        : toMailbox(result, box);
    };
  }
  if (!busy && head >= waiting.length && (!ranThisTurn || reliablyQuick(id))) {
    if (!ranThisTurn) {
      ranThisTurn = true;
      turnStart = performance.now();
      queueMicrotask(endTurn);
    }
    const result = timed(id, start);
    if (isThenable(result)) {
      busy = true;
      const running = Promise.resolve(result);
      running.then(release, release);
      return running;
    }
    return result;
  }
  return new Promise((resolve, reject) => {
    waiting.push({ id, start, resolve, reject });
    if (!busy) scheduleDrain();
  });
}
