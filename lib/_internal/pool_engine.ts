/**
 * The one worker-pool engine behind `multiprocessing.Pool`,
 * `concurrent.futures.ThreadPoolExecutor` / `ProcessPoolExecutor` and
 * asyncio's `runInExecutor` / `toThread`.
 *
 * - Jobs wait in a FIFO queue and go to the least busy worker that has started
 *   (the first worker ready takes the oldest job, as Python's pool threads pull
 *   from one queue). Several jobs may be in flight per worker when jobs are
 *   short (the worker still runs them one at a time): messages are then
 *   batched both ways, which is where the speed on many tiny tasks comes from.
 *   When jobs are slow, one job per worker is in flight; a worker that runs
 *   out of work takes back the oldest job still queued behind another one.
 * - A chunk of numbers (`map` over numbers) travels through one of its
 *   worker's shared mailboxes rather than in the message, and its results come
 *   back the same way (large messages are slow to arrive on Deno; see
 *   pool_worker.ts `MailboxChunk`).
 * - Before this thread blocks (`q.get()`, `time.sleep`, a lock), every job
 *   still waiting is handed to a worker, started or not: nothing else would
 *   send it while the thread is blocked (see before_block.ts).
 * - Each job has a word in a shared status array: a QUEUED token when sent, its
 *   RUNNING form once the worker starts it. `cancel()` succeeds until the
 *   worker has started the job (Python's `Future.cancel()`), even after it was
 *   sent. `abort()` also stops a running job: its worker is terminated and
 *   replaced, and the jobs queued behind it go back to the queue.
 * - Workers start lazily (executors) or all at once (`Pool`), run an
 *   initializer, retire after `maxTasksPerWorker` jobs and are replaced.
 * - A worker that dies fails the job it was running and is replaced (`onDeath:
 *   "replace"`, `Pool`; the jobs it had not started go back to the queue), or
 *   breaks the pool, failing every pending job (`"break"`,
 *   `ProcessPoolExecutor`'s `BrokenProcessPool`). Nothing waits forever.
 * - Idle workers do not keep the program alive; busy ones do, as Python waits
 *   for running executor work at exit but not for an idle pool.
 *
 * @module
 */

import { WorkerClient } from "./worker_client.ts";
import { shipFunction, type Shipped } from "./spawn.ts";
import { onBeforeBlock } from "./before_block.ts";
import { reduceValue } from "./reduce.ts";
import {
  CANCELLED,
  FREE,
  isMailboxChunk,
  MAILBOX,
  type MailboxChunk,
  QUEUED,
  RUNNING,
  SKIPPED,
  STATE_BITS,
} from "./pool_worker.ts";

// deno-lint-ignore no-explicit-any
type AnyFunction = (...args: any[]) => unknown;

const poolWorkerUrl = new URL("./pool_worker.ts", import.meta.url).href;

/** How the engine is set up. */
export interface EngineOptions {
  /** The most workers at once (at least 1). */
  maxWorkers: number;
  /** The name of the `index`-th worker started (0-based). */
  workerName(index: number): string;
  /** Start-up info the worker reads (`currentThread()`, `currentProcess()`). */
  workerInfo?(name: string, index: number): unknown;
  /** Runs once in each worker before its first job. */
  initializer?: AnyFunction | null;
  /** Arguments of the initializer. */
  initargs?: readonly unknown[];
  /** The module that exports the functions sent (default: the main module). */
  module?: string | URL;
  /** A worker is replaced after this many jobs (chunks count as one). */
  maxTasksPerWorker?: number | null;
  /** Start every worker at once, and keep `maxWorkers` running (Pool). */
  eager?: boolean;
  /** What a worker's death does: fail its jobs and replace it, or break the pool. */
  onDeath: "replace" | "break";
  /**
   * The error of jobs failed by a broken pool: `kind` says whether an
   * initializer failed or a worker died, `detail` which worker and how.
   */
  brokenError(kind: "initializer" | "death", detail: string, cause?: unknown): Error;
  /** The most jobs in flight per worker when jobs are short (default 128: fewer, larger messages). */
  maxDepth?: number;
}

/**
 * What a job settles with. A chunk's results may arrive as a `Float64Array`
 * (the worker packs all-number results); readers index or iterate it, which
 * saves converting it back.
 */
export type JobOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Options of {@linkcode PoolEngine.submit}. */
export interface SubmitOptions {
  /** `args` is a list of items; the job runs `fn` on each and returns the list. */
  chunk?: boolean;
  /** With `chunk`, each item is an argument list (`starmap`). */
  star?: boolean;
}

type JobState = "pending" | "sent" | "done";

let nextJobSeq = 0;

/** One unit of work: a call, or a chunk of calls. */
export class Job {
  readonly fn: AnyFunction;
  readonly args: unknown[];
  readonly chunk: boolean;
  readonly star: boolean;
  /** Submission order (the oldest job is taken back first). */
  readonly seq = nextJobSeq++;
  state: JobState = "pending";
  cancelled = false;
  /** The status word of the current send (-1: none, or no word was free). */
  slot = -1;
  /** The QUEUED value the worker must find in the word to start the job. */
  token = 0;
  worker: PoolWorker | undefined;
  /** Counts sends: a reply to an earlier send (taken back since) is ignored. */
  sends = 0;
  /** The worker mailbox that holds the current send's items (-1: none). */
  box = -1;
  fnId = 0;
  sentAt = 0;
  readonly #engine: PoolEngine;
  readonly #onSettle: (outcome: JobOutcome) => void;

  constructor(
    engine: PoolEngine,
    fn: AnyFunction,
    args: unknown[],
    options: SubmitOptions,
    onSettle: (outcome: JobOutcome) => void,
  ) {
    this.#engine = engine;
    this.fn = fn;
    // Shared objects are captured now, as a worker's call does: the caller may
    // close its own copy (a pipe end) before the job is sent.
    this.args = reduceValue(args) as unknown[];
    this.chunk = options.chunk ?? false;
    this.star = options.star ?? false;
    this.#onSettle = onSettle;
  }

  /** True once the worker has started the job (and it has not finished). */
  running(): boolean {
    return this.state === "sent" && !this.cancelled &&
      (this.#engine.slotWord(this.slot) & STATE_BITS) === RUNNING;
  }

  /**
   * Cancels the job if no worker has started it. Returns false once it runs or
   * has finished. A cancelled job's outcome is never delivered.
   */
  cancel(): boolean {
    if (this.cancelled) return true;
    if (this.state === "pending") {
      this.cancelled = true;
      this.state = "done";
      this.#engine.dropPending(this);
      return true;
    }
    if (this.state === "sent" && this.#engine.cancelSent(this)) {
      this.cancelled = true;
      return true;
    }
    return false;
  }

  /**
   * Cancels the job even if it is running: its worker is then terminated (and
   * replaced), and the jobs queued behind it go back to the queue. Returns
   * false only once the job has finished.
   */
  abort(): boolean {
    if (this.cancel()) return true;
    if (this.state !== "sent") return false;
    this.cancelled = true;
    this.#engine.stopWorker(this.worker!);
    return true;
  }

  /** @internal Delivers the outcome (once). */
  settle(outcome: JobOutcome): void {
    if (this.state === "done" && !this.cancelled) return;
    const wasCancelled = this.cancelled;
    this.state = "done";
    if (!wasCancelled) this.#onSettle(outcome);
  }
}

/** A worker of the pool. */
export interface PoolWorker {
  readonly client: WorkerClient;
  readonly name: string;
  readonly index: number;
  /** Jobs sent and not finished, in the order the worker runs them. */
  readonly jobs: Set<Job>;
  readonly defined: Set<number>;
  readonly runKey: number;
  sent: number;
  /** The worker has started (and run its initializer). */
  ready: boolean;
  /** Shared doubles for chunks of numbers (see pool_worker.ts `MailboxChunk`). */
  readonly mailboxes: Float64Array[];
  /** Which mailboxes a chunk in flight uses. */
  readonly mailboxBusy: boolean[];
  retiring: boolean;
  dead: boolean;
  lastReply: number;
}

interface FunctionEntry {
  id: number;
  ref: Shipped;
  error?: unknown;
}

/** True for a chunk of at least 64 plain numbers (`map` over numbers). */
function isNumberChunk(job: Job): boolean {
  const items = job.args;
  if (!job.chunk || job.star || items.length < 64) return false;
  for (let i = 0; i < items.length; i++) if (typeof items[i] !== "number") return false;
  return true;
}

/**
 * The largest mailbox, in numbers (2 MiB): a worker keeps its mailboxes, so
 * at most 8 MiB each; a larger chunk travels in its message.
 */
const MAX_MAILBOX = 1 << 18;
/** Mailboxes per worker: chunks of numbers in flight at once through shared memory. */
const MAILBOXES = 4;

// Engines with jobs waiting: handed out before this thread blocks.
const waitingEngines = new Set<PoolEngine>();
onBeforeBlock(() => {
  for (const engine of waitingEngines) engine.sendAllPending();
});

/** Status words beyond those the workers' depth needs (jobs handed out before a block). */
const SPARE_SLOTS = 256;

/** The pool engine. See the module documentation. */
export class PoolEngine {
  readonly #options: EngineOptions;
  #queue: Job[] = [];
  #head = 0;
  readonly #workers = new Set<PoolWorker>();
  readonly #status: Int32Array;
  readonly #freeSlots: number[] = [];
  readonly #functions = new Map<AnyFunction, FunctionEntry>();
  readonly #maxDepth: number;
  #initRef: Shipped | null = null;
  #nextFnId = 1;
  #spawned = 0;
  #sendCount = 0;
  #pendingCount = 0;
  #inflight = 0;
  #closing = false;
  #terminated = false;
  #broken: Error | undefined;
  // Starts at the threshold: one job per worker until replies show jobs are short.
  #serviceMs = 1;
  #referenced = false;
  #exitWaiters: (() => void)[] = [];

  constructor(options: EngineOptions) {
    this.#options = options;
    this.#maxDepth = Math.max(1, options.maxDepth ?? 128);
    const slots = options.maxWorkers * (this.#maxDepth + 1) + SPARE_SLOTS;
    this.#status = new Int32Array(new SharedArrayBuffer(slots * 4));
    for (let i = slots - 1; i >= 0; i--) this.#freeSlots.push(i);
    if (options.initializer) {
      this.#initRef = shipFunction(options.initializer, "target", options.module);
    }
    if (options.eager) this.#pump();
  }

  /** The number of live workers. */
  get workerCount(): number {
    return this.#workers.size;
  }

  /** The live workers' names. */
  get workerNames(): string[] {
    return [...this.#workers].map((w) => w.name);
  }

  /** Jobs waiting for a worker. */
  get pendingCount(): number {
    return this.#pendingCount;
  }

  /** Jobs sent to workers and not finished. */
  get inflightCount(): number {
    return this.#inflight;
  }

  /** The error that broke the pool, if it is broken. */
  get broken(): Error | undefined {
    return this.#broken;
  }

  /** True once shutdown or terminate was called. */
  get closed(): boolean {
    return this.#closing || this.#terminated;
  }

  /** @internal The status word of a slot (FREE for none). */
  slotWord(slot: number): number {
    return slot < 0 ? FREE : Atomics.load(this.#status, slot);
  }

  /**
   * Queues `fn(...args)` (or a chunk); `onSettle` receives the outcome unless
   * the job is cancelled. Throws if the pool is closed or broken.
   */
  submit(
    fn: AnyFunction,
    args: unknown[],
    options: SubmitOptions,
    onSettle: (outcome: JobOutcome) => void,
  ): Job {
    if (this.#broken) throw this.#broken;
    if (this.#closing || this.#terminated) {
      throw new Error("cannot schedule new futures after shutdown");
    }
    if (typeof fn !== "function") {
      throw new TypeError(`Expected a function to run in a worker: got ${String(fn)}`);
    }
    const job = new Job(this, fn, args, options, onSettle);
    this.#queue.push(job);
    this.#pendingCount++;
    this.#updateRef();
    this.#pump();
    return job;
  }

  /** @internal Removes a cancelled job from the queue. */
  dropPending(_job: Job): void {
    // Left in the queue; #peek() skips it.
    this.#pendingCount--;
    this.#maybeFinish();
  }

  /** @internal Marks a sent job cancelled if its worker has not started it. */
  cancelSent(job: Job): boolean {
    return job.slot >= 0 &&
      Atomics.compareExchange(this.#status, job.slot, job.token, CANCELLED) === job.token;
  }

  /**
   * @internal Terminates a worker on purpose (a job on it was aborted): the
   * jobs it has not started go back to the queue, and #onExit replaces it.
   */
  stopWorker(worker: PoolWorker): void {
    if (worker.dead || this.#terminated) return;
    worker.retiring = true;
    this.#takeBackQueued(worker);
    worker.client.terminate();
    this.#pump();
  }

  /**
   * @internal Before this thread blocks: sends every waiting job to a worker,
   * started or not (least loaded first, ignoring the depth limit), and sends
   * the messages now.
   */
  sendAllPending(): void {
    if (this.#terminated || this.#broken) return;
    const used = new Set<PoolWorker>();
    for (;;) {
      const job = this.#peekSendable();
      if (!job) break;
      let worker: PoolWorker | undefined;
      for (const w of this.#workers) {
        if (w.retiring || w.dead) continue;
        if (!worker || w.jobs.size < worker.jobs.size) worker = w;
      }
      if ((!worker || worker.jobs.size > 0) && this.#workers.size < this.#options.maxWorkers) {
        worker = this.#spawn();
      }
      if (!worker) break; // Every worker is retiring: the job waits for a replacement.
      this.#take();
      this.#send(job, worker);
      used.add(worker);
    }
    this.#trackWaiting();
    for (const w of used) w.client.flush();
  }

  /**
   * Stops taking jobs. With `cancelPending`, jobs not sent yet are cancelled
   * (their `onCancel` runs). Workers exit once every job has finished; the
   * promise resolves when they all have.
   */
  shutdown(cancelPending = false, onCancel?: (job: Job) => void): Promise<void> {
    this.#closing = true;
    if (cancelPending) {
      for (const job of this.#drain()) {
        job.cancelled = true;
        job.state = "done";
        onCancel?.(job);
      }
    }
    this.#maybeFinish();
    return this.whenStopped();
  }

  /** Resolves when every worker has stopped and no job is left. */
  whenStopped(): Promise<void> {
    if (this.#workers.size === 0 && this.#pendingCount === 0 && this.#inflight === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#exitWaiters.push(resolve));
  }

  /**
   * Stops every worker now. Jobs not finished fail with `error`.
   */
  terminate(error: Error): Promise<void> {
    this.#terminated = true;
    this.#closing = true;
    this.#failPending(error);
    const stops: Promise<void>[] = [];
    for (const w of this.#workers) {
      w.retiring = true;
      for (const job of w.jobs) job.settle({ ok: false, error });
      stops.push(w.client.terminate());
    }
    return Promise.all(stops).then(() => this.whenStopped());
  }

  // -------------------------------------------------------------------------

  #failPending(error: unknown): void {
    for (const job of this.#drain()) job.settle({ ok: false, error });
  }

  /** The next job not cancelled, left in the queue. */
  #peek(): Job | undefined {
    while (this.#head < this.#queue.length) {
      const job = this.#queue[this.#head];
      if (job.state === "pending") return job;
      this.#queue[this.#head++] = undefined as never;
    }
    this.#queue = [];
    this.#head = 0;
    return undefined;
  }

  #take(): Job {
    const job = this.#queue[this.#head];
    this.#queue[this.#head++] = undefined as never;
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    this.#pendingCount--;
    return job;
  }

  /** Puts jobs taken back from a worker at the front of the queue, oldest first. */
  #requeue(jobs: Job[]): void {
    if (jobs.length === 0) return;
    jobs.sort((a, b) => a.seq - b.seq);
    this.#queue = [...jobs, ...this.#queue.slice(this.#head)];
    this.#head = 0;
    this.#pendingCount += jobs.length;
  }

  /** Takes every pending job out of the queue. */
  #drain(): Job[] {
    const jobs = this.#queue.slice(this.#head).filter((job) => job.state === "pending");
    this.#queue = [];
    this.#head = 0;
    this.#pendingCount = 0;
    this.#trackWaiting();
    return jobs;
  }

  /**
   * Takes `job` back from its worker if the worker has not started it: the
   * worker will skip it, and its answer to that send is ignored.
   */
  #takeBack(job: Job): boolean {
    if (job.slot < 0 || job.cancelled) return false;
    if (Atomics.compareExchange(this.#status, job.slot, job.token, CANCELLED) !== job.token) {
      return false;
    }
    job.worker!.jobs.delete(job);
    if (job.box >= 0) job.worker!.mailboxBusy[job.box] = false;
    job.box = -1;
    this.#inflight--;
    this.#freeSlot(job.slot);
    job.slot = -1;
    job.worker = undefined;
    job.state = "pending";
    job.sends++;
    return true;
  }

  /** Takes back every job `worker` has not started and queues them again. */
  #takeBackQueued(worker: PoolWorker): void {
    const back: Job[] = [];
    for (const job of [...worker.jobs]) if (this.#takeBack(job)) back.push(job);
    this.#requeue(back);
  }

  /**
   * An idle worker with nothing in the queue takes the oldest job that waits
   * behind another one on a busy worker, or on a worker still starting.
   */
  #steal(thief: PoolWorker): void {
    let oldest: Job | undefined;
    for (const w of this.#workers) {
      if (w === thief || w.dead) continue;
      let first = w.ready;
      for (const job of w.jobs) {
        if (first) {
          first = false; // Running, or about to: the worker takes it next.
          continue;
        }
        if (job.cancelled || job.slot < 0) continue;
        if (!oldest || job.seq < oldest.seq) oldest = job;
        break; // The worker runs its jobs in order: later ones are younger.
      }
    }
    if (!oldest || !this.#takeBack(oldest)) return;
    this.#send(oldest, thief);
  }

  #freeSlot(slot: number): void {
    if (slot < 0) return;
    Atomics.store(this.#status, slot, FREE);
    this.#freeSlots.push(slot);
  }

  #breakAll(error: Error): void {
    if (this.#broken) return;
    this.#broken = error;
    this.#closing = true;
    this.#failPending(error);
    for (const w of this.#workers) {
      w.retiring = true;
      for (const job of w.jobs) job.settle({ ok: false, error });
      w.client.terminate();
    }
    this.#maybeFinish();
  }

  /** Keeps this engine in the before-block list exactly while jobs wait. */
  #trackWaiting(): void {
    if (this.#pendingCount > 0 && !this.#terminated && !this.#broken) waitingEngines.add(this);
    else waitingEngines.delete(this);
  }

  #updateRef(): void {
    // Busy, or stopping: the program waits for the workers' exit.
    const busy = this.#pendingCount + this.#inflight > 0 ||
      (this.#closing && this.#workers.size > 0);
    if (busy === this.#referenced) return;
    this.#referenced = busy;
    for (const w of this.#workers) {
      if (busy) w.client.ref();
      else w.client.unref();
    }
  }

  #depth(): number {
    return this.#serviceMs < 1 ? this.#maxDepth : 1;
  }

  #spawn(): PoolWorker {
    const index = this.#spawned++;
    const name = this.#options.workerName(index);
    const client = WorkerClient.start({
      name,
      info: this.#options.workerInfo?.(name, index),
      ref: this.#referenced,
    });
    const setupKey = client.define({ module: poolWorkerUrl, name: "setup" });
    const worker: PoolWorker = {
      client,
      name,
      index,
      jobs: new Set(),
      defined: new Set(),
      runKey: client.define({ module: poolWorkerUrl, name: "run" }),
      sent: 0,
      ready: false,
      mailboxes: [],
      mailboxBusy: [],
      retiring: false,
      dead: false,
      lastReply: 0,
    };
    this.#workers.add(worker);
    client.call(setupKey, [this.#status.buffer, this.#initRef, this.#options.initargs ?? []]).then(
      () => {
        worker.ready = true;
        if (worker.dead || worker.retiring) return;
        if (this.#pendingCount > 0) this.#pump();
        else if (worker.jobs.size === 0) this.#steal(worker);
      },
      (error) => {
        if (worker.dead) return;
        this.#breakAll(this.#options.brokenError(
          "initializer",
          `the initializer failed in worker '${name}': ${String(error)}`,
          error,
        ));
      },
    );
    client.onExit((code) => this.#onExit(worker, code));
    return worker;
  }

  #onExit(worker: PoolWorker, code: number): void {
    worker.dead = true;
    this.#workers.delete(worker);
    const expected = worker.retiring || this.#terminated;
    if (!expected && this.#options.onDeath === "break") {
      this.#breakAll(this.#options.brokenError(
        "death",
        `worker '${worker.name}' stopped with exit code ${code}`,
      ));
    }
    // Jobs it had not started run elsewhere; the one it was running rejects
    // through its call promise (the client rejects it with the reason), and
    // its slot is freed there.
    if (!this.#broken && !this.#terminated) this.#takeBackQueued(worker);
    if (!this.#closing || this.#pendingCount > 0) this.#pump();
    this.#maybeFinish();
  }

  #maybeFinish(): void {
    if (this.#closing && this.#pendingCount === 0) {
      for (const w of this.#workers) {
        if (!w.retiring) {
          w.retiring = true;
          w.client.exit(0);
        }
      }
    }
    if (this.#workers.size === 0 && this.#pendingCount === 0 && this.#inflight === 0) {
      for (const resolve of this.#exitWaiters.splice(0)) resolve();
    }
    this.#trackWaiting();
    this.#updateRef();
  }

  #entry(fn: AnyFunction): FunctionEntry {
    let entry = this.#functions.get(fn);
    if (!entry) {
      entry = { id: this.#nextFnId++, ref: undefined as never };
      try {
        entry.ref = shipFunction(fn, "target", this.#options.module);
      } catch (error) {
        entry.error = error;
      }
      this.#functions.set(fn, entry);
    }
    return entry;
  }

  /** The least busy started worker with room for another job. */
  #pickWorker(): PoolWorker | undefined {
    const depth = this.#depth();
    let best: PoolWorker | undefined;
    for (const w of this.#workers) {
      if (!w.ready || w.retiring || w.dead || w.jobs.size >= depth) continue;
      if (!best || w.jobs.size < best.jobs.size) best = w;
      if (w.jobs.size === 0) break;
    }
    return best;
  }

  /** Workers started and not ready yet (each will take a job when it is). */
  #starting(): number {
    let n = 0;
    for (const w of this.#workers) if (!w.ready && !w.retiring && !w.dead) n++;
    return n;
  }

  #pump(): void {
    if (this.#terminated || this.#broken) return;
    if (this.#options.eager && !this.#closing) {
      while (this.#workers.size < this.#options.maxWorkers) this.#spawn();
    }
    for (;;) {
      const job = this.#peekSendable();
      if (!job) break;
      const worker = this.#pickWorker();
      if (
        (!worker || worker.jobs.size > 0) && this.#workers.size < this.#options.maxWorkers &&
        this.#starting() < this.#pendingCount
      ) {
        this.#spawn(); // Python starts a thread when none is idle.
      }
      if (!worker || this.#freeSlots.length === 0) break;
      this.#take();
      this.#send(job, worker);
    }
    this.#maybeFinish();
  }

  /**
   * The oldest waiting job, left in the queue. A job whose function cannot be
   * shipped is taken and failed on the way.
   */
  #peekSendable(): Job | undefined {
    while (this.#pendingCount > 0) {
      const job = this.#peek();
      if (!job) return undefined;
      const { error } = this.#entry(job.fn);
      if (error === undefined) return job;
      this.#take();
      job.settle({ ok: false, error });
    }
    return undefined;
  }

  #send(job: Job, worker: PoolWorker): void {
    const entry = this.#entry(job.fn);
    const slot = this.#freeSlots.pop() ?? -1;
    const sends = ++job.sends;
    // The send count in the upper bits (kept positive), QUEUED in the low ones.
    const token = ((++this.#sendCount & 0x1fffffff) << 2) | QUEUED;
    if (slot >= 0) Atomics.store(this.#status, slot, token);
    job.slot = slot;
    job.token = token;
    job.worker = worker;
    job.state = "sent";
    job.fnId = entry.id;
    job.sentAt = performance.now();
    worker.jobs.add(job);
    this.#inflight++;
    const args: unknown[] = [
      slot,
      token,
      entry.id,
      this.#payload(job, worker),
      job.chunk,
      job.star,
    ];
    if (!worker.defined.has(entry.id)) {
      worker.defined.add(entry.id);
      args.push(entry.ref);
    }
    worker.client.callWith(
      worker.runKey,
      args,
      (ok, value) =>
        this.#finish(job, sends, worker, slot, ok ? { ok, value } : { ok, error: value }),
    );
    worker.sent++;
    const max = this.#options.maxTasksPerWorker;
    if (max && worker.sent >= max) {
      worker.retiring = true;
      worker.client.exit(0);
    }
  }

  /**
   * What travels as a job's items: a chunk of numbers goes through the
   * worker's mailbox when it is free (else as one `Float64Array`, copied in
   * one piece where an array of numbers is cloned item by item); anything
   * else as is.
   */
  #payload(job: Job, worker: PoolWorker): unknown {
    job.box = -1;
    if (!isNumberChunk(job)) return job.args;
    const items = job.args as number[];
    let box = 0;
    while (box < MAILBOXES && worker.mailboxBusy[box]) box++;
    if (box === MAILBOXES || items.length > MAX_MAILBOX) return Float64Array.from(items);
    let buffer: SharedArrayBuffer | undefined;
    if (!worker.mailboxes[box] || worker.mailboxes[box].length < items.length) {
      let size = 4096;
      while (size < items.length) size *= 2;
      buffer = new SharedArrayBuffer(size * 8);
      worker.mailboxes[box] = new Float64Array(buffer);
    }
    worker.mailboxes[box].set(items);
    worker.mailboxBusy[box] = true;
    job.box = box;
    const chunk: MailboxChunk = buffer
      ? { [MAILBOX]: items.length, box, buffer }
      : { [MAILBOX]: items.length, box };
    return chunk;
  }

  #finish(job: Job, sends: number, worker: PoolWorker, slot: number, outcome: JobOutcome): void {
    // A send taken back (its slot freed then): the job went elsewhere.
    if (job.sends !== sends) return;
    if (job.box >= 0) {
      const box = job.box;
      job.box = -1;
      worker.mailboxBusy[box] = false;
      if (outcome.ok && isMailboxChunk(outcome.value)) {
        outcome = { ok: true, value: worker.mailboxes[box].slice(0, outcome.value[MAILBOX]) };
      }
    }
    const now = performance.now();
    const service = now - Math.max(job.sentAt, worker.lastReply);
    worker.lastReply = now;
    this.#serviceMs = this.#serviceMs * 0.8 + service * 0.2;
    worker.jobs.delete(job);
    this.#inflight--;
    this.#freeSlot(slot);
    if (outcome.ok && outcome.value === SKIPPED) {
      job.state = "done";
    } else if (!outcome.ok && worker.dead && this.#broken) {
      job.settle({ ok: false, error: this.#broken });
    } else {
      job.settle(outcome);
    }
    if (this.#pendingCount > 0) this.#pump();
    else {
      if (worker.jobs.size === 0 && worker.ready && !worker.retiring && !worker.dead) {
        this.#steal(worker);
      }
      this.#maybeFinish();
    }
  }
}
