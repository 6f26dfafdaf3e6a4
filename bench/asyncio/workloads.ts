/**
 * The asyncio benchmark workloads, written once per subject so that every
 * subject does the same work (python_asyncio.py is the CPython twin of the
 * `pyconc` functions here, line for line):
 *
 * | id                 | work                                                        |
 * | ------------------ | ----------------------------------------------------------- |
 * | `tasks`            | create N tasks of a trivial coroutine, then await each      |
 * | `queue_unbounded`  | one producer puts N items, one consumer gets them           |
 * | `queue_bounded`    | the same through a queue of maxsize 100                     |
 * | `lock_uncontended` | N × acquire + release of a free lock                        |
 * | `lock_contended`   | T tasks × R rounds: acquire, yield one loop turn, release   |
 * | `event`            | W tasks wait on one event; set it; await them all           |
 *
 * In `lock_contended` the holder yields one full event-loop turn while it
 * holds the lock (`asyncio.sleep(0)` in pyconc and CPython, `setImmediate`
 * for the JavaScript anchors), so every acquisition but the first finds the
 * lock taken and waits in line.
 *
 * This module runs under Deno and, transpiled, under Node: it imports nothing
 * runtime-specific; libraries are handed in.
 *
 * @module
 */

// deno-lint-ignore-file require-await

import type * as Pyconc from "../../mod.ts";

/** Workload sizes. */
export interface Sizes {
  tasks: number;
  queue: number;
  lock: number;
  contendedTasks: number;
  contendedRounds: number;
  waiters: number;
  /** maxsize of the bounded queue. */
  queueMaxsize: number;
}

/** Full sizes, as issue 3 names them. */
export const FULL: Sizes = {
  tasks: 100_000,
  queue: 1_000_000,
  lock: 1_000_000,
  contendedTasks: 100,
  contendedRounds: 1_000,
  waiters: 10_000,
  queueMaxsize: 100,
};

/** Smoke-test sizes (`--quick`). */
export const QUICK: Sizes = {
  tasks: 10_000,
  queue: 50_000,
  lock: 100_000,
  contendedTasks: 100,
  contendedRounds: 50,
  waiters: 10_000,
  queueMaxsize: 100,
};

/** The workload ids, in table order. */
export const WORKLOAD_IDS = [
  "tasks",
  "queue_unbounded",
  "queue_bounded",
  "lock_uncontended",
  "lock_contended",
  "event",
] as const;

/** One workload id. */
export type WorkloadId = typeof WORKLOAD_IDS[number];

/** A readable name for a workload at the given sizes. */
export function workloadName(id: WorkloadId, s: Sizes): string {
  const n = (x: number) =>
    x >= 1_000_000 && x % 1_000_000 === 0
      ? `${x / 1_000_000}M`
      : x >= 1000 && x % 1000 === 0
      ? `${x / 1000}k`
      : String(x);
  switch (id) {
    case "tasks":
      return `tasks: ${n(s.tasks)} create + await`;
    case "queue_unbounded":
      return `queue: ${n(s.queue)} items, unbounded`;
    case "queue_bounded":
      return `queue: ${n(s.queue)} items, maxsize ${s.queueMaxsize}`;
    case "lock_uncontended":
      return `lock: ${n(s.lock)} uncontended acquire/release`;
    case "lock_contended":
      return `lock: ${s.contendedTasks} tasks × ${n(s.contendedRounds)} contended`;
    case "event":
      return `event: set → ${n(s.waiters)} waiters`;
  }
}

/** One timed run of a workload: resolves to its duration in milliseconds. */
export type Workload = () => Promise<number>;

/** The workloads one subject implements. */
export type SubjectWorkloads = Partial<Record<WorkloadId, Workload>>;

function check(label: string, got: number, want: number): void {
  if (got !== want) throw new Error(`${label}: computed ${got}, expected ${want}`);
}

const triangle = (n: number) => (n * (n - 1)) / 2;

// ---------------------------------------------------------------------------
// pyconc

/** pyconc's asyncio: each run is one `asyncio.run(main)`, timed inside main. */
export function pyconcWorkloads(lib: typeof Pyconc, s: Sizes): SubjectWorkloads {
  const { asyncio } = lib;
  const timed = (body: () => Promise<void>): Workload => () =>
    asyncio.run(async () => {
      const start = performance.now();
      await body();
      return performance.now() - start;
    });

  async function work(i: number): Promise<number> {
    return i;
  }

  async function queueRun(maxsize: number): Promise<void> {
    const q = new asyncio.Queue<number>(maxsize);
    const producer = asyncio.createTask(async () => {
      for (let i = 0; i < s.queue; i++) await q.put(i);
    });
    const consumer = asyncio.createTask(async () => {
      let sum = 0;
      for (let i = 0; i < s.queue; i++) sum += await q.get();
      return sum;
    });
    await producer;
    check("queue", await consumer, triangle(s.queue));
  }

  return {
    tasks: timed(async () => {
      const tasks = new Array<Pyconc.asyncio.Task<number>>(s.tasks);
      for (let i = 0; i < s.tasks; i++) tasks[i] = asyncio.createTask(() => work(i));
      let sum = 0;
      for (const t of tasks) sum += await t;
      check("tasks", sum, triangle(s.tasks));
    }),
    queue_unbounded: timed(() => queueRun(0)),
    queue_bounded: timed(() => queueRun(s.queueMaxsize)),
    lock_uncontended: timed(async () => {
      const lock = new asyncio.Lock();
      for (let i = 0; i < s.lock; i++) {
        await lock.acquire();
        lock.release();
      }
    }),
    lock_contended: timed(async () => {
      const lock = new asyncio.Lock();
      let count = 0;
      const tasks = Array.from({ length: s.contendedTasks }, () =>
        asyncio.createTask(async () => {
          for (let r = 0; r < s.contendedRounds; r++) {
            await lock.acquire();
            await asyncio.sleep(0);
            count++;
            lock.release();
          }
        }));
      await asyncio.gather(...tasks);
      check("lock", count, s.contendedTasks * s.contendedRounds);
    }),
    event: timed(async () => {
      const event = new asyncio.Event();
      let woken = 0;
      const tasks = Array.from({ length: s.waiters }, () =>
        asyncio.createTask(async () => {
          await event.wait();
          woken++;
        }));
      await asyncio.sleep(0);
      event.set();
      await asyncio.gather(...tasks);
      check("event", woken, s.waiters);
    }),
  };
}

// ---------------------------------------------------------------------------
// JavaScript anchors

const timedJs = (body: () => Promise<void>): Workload => async () => {
  const start = performance.now();
  await body();
  return performance.now() - start;
};

/** One full event-loop turn, the JavaScript counterpart of `asyncio.sleep(0)`. */
function loopTurn(): Promise<void> {
  // deno-lint-ignore no-explicit-any
  return new Promise((resolve) => (globalThis as any).setImmediate(resolve));
}

/**
 * A plain promise queue written for this benchmark (not a library): a growable
 * ring of items plus FIFO lists of waiting getters and putters. It is the
 * "raw promises" baseline for the queue rows.
 */
export class RawQueue<T> {
  #items: T[] = [];
  #head = 0;
  #getters: ((item: T) => void)[] = [];
  #getHead = 0;
  #putters: (() => void)[] = [];
  #putHead = 0;
  constructor(readonly maxsize = 0) {}

  get size(): number {
    return this.#items.length - this.#head;
  }

  async put(item: T): Promise<void> {
    while (this.maxsize > 0 && this.size >= this.maxsize) {
      await new Promise<void>((resolve) => this.#putters.push(resolve));
    }
    if (this.#getHead < this.#getters.length) {
      const getter = this.#getters[this.#getHead];
      this.#getters[this.#getHead++] = undefined as never;
      if (this.#getHead > 1024 && this.#getHead * 2 > this.#getters.length) {
        this.#getters = this.#getters.slice(this.#getHead);
        this.#getHead = 0;
      }
      getter(item);
      return;
    }
    this.#items.push(item);
  }

  async get(): Promise<T> {
    if (this.size === 0) {
      return new Promise<T>((resolve) => this.#getters.push(resolve));
    }
    const item = this.#items[this.#head];
    this.#items[this.#head++] = undefined as never;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    if (this.#putHead < this.#putters.length) {
      this.#putters[this.#putHead++]();
      if (this.#putHead === this.#putters.length) {
        this.#putters = [];
        this.#putHead = 0;
      }
    }
    return item;
  }
}

async function jsWork(i: number): Promise<number> {
  return i;
}

/** Raw promises: `Promise.all` of async functions, a promise as the event, RawQueue. */
export function rawPromiseWorkloads(s: Sizes): SubjectWorkloads {
  async function queueRun(maxsize: number): Promise<void> {
    const q = new RawQueue<number>(maxsize);
    const producer = (async () => {
      for (let i = 0; i < s.queue; i++) await q.put(i);
    })();
    const consumer = (async () => {
      let sum = 0;
      for (let i = 0; i < s.queue; i++) sum += await q.get();
      return sum;
    })();
    await producer;
    check("queue", await consumer, triangle(s.queue));
  }
  return {
    tasks: timedJs(async () => {
      const results = await Promise.all(Array.from({ length: s.tasks }, (_, i) => jsWork(i)));
      check("tasks", results.reduce((a, b) => a + b, 0), triangle(s.tasks));
    }),
    queue_unbounded: timedJs(() => queueRun(0)),
    queue_bounded: timedJs(() => queueRun(s.queueMaxsize)),
    event: timedJs(async () => {
      let set!: () => void;
      const event = new Promise<void>((resolve) => set = resolve);
      let woken = 0;
      const waiters = Array.from({ length: s.waiters }, async () => {
        await event;
        woken++;
      });
      await loopTurn();
      set();
      await Promise.all(waiters);
      check("event", woken, s.waiters);
    }),
  };
}

/** Minimal `AsyncLocalStorage` surface. */
export interface AsyncLocalStorageLike {
  run<R>(store: unknown, fn: () => R): R;
}

/**
 * Raw promises with an `AsyncLocalStorage` in use: what tracking "the current
 * task" in async context costs by itself, without any of pyconc. In `tasks`
 * each async function starts inside its own `AsyncLocalStorage.run`; the other
 * raw-promise workloads run whole inside one `run` (on Node 20 an enabled
 * `AsyncLocalStorage` installs promise hooks that slow every promise).
 */
export function asyncLocalStorageWorkloads(
  AsyncLocalStorage: new () => AsyncLocalStorageLike,
  s: Sizes,
): SubjectWorkloads {
  const storage = new AsyncLocalStorage();
  const raw = rawPromiseWorkloads(s);
  const inside = (w: Workload | undefined): Workload | undefined =>
    w && (() => storage.run("bench", w));
  return {
    tasks: timedJs(async () => {
      const results = await Promise.all(
        Array.from({ length: s.tasks }, (_, i) => storage.run(i, () => jsWork(i))),
      );
      check("tasks", results.reduce((a, b) => a + b, 0), triangle(s.tasks));
    }),
    queue_unbounded: inside(raw.queue_unbounded),
    queue_bounded: inside(raw.queue_bounded),
    event: inside(raw.event),
  };
}

/** The async-mutex `Mutex` surface used here. */
export interface MutexLike {
  acquire(): Promise<() => void>;
}

/** async-mutex's `Mutex` on the lock rows. */
export function asyncMutexWorkloads(Mutex: new () => MutexLike, s: Sizes): SubjectWorkloads {
  return {
    lock_uncontended: timedJs(async () => {
      const mutex = new Mutex();
      for (let i = 0; i < s.lock; i++) {
        const release = await mutex.acquire();
        release();
      }
    }),
    lock_contended: timedJs(async () => {
      const mutex = new Mutex();
      let count = 0;
      await Promise.all(Array.from({ length: s.contendedTasks }, async () => {
        for (let r = 0; r < s.contendedRounds; r++) {
          const release = await mutex.acquire();
          await loopTurn();
          count++;
          release();
        }
      }));
      check("lock", count, s.contendedTasks * s.contendedRounds);
    }),
  };
}

/** The async-channel `Channel` surface used here. */
export interface ChannelLike<T> {
  push(value: T): Promise<void>;
  get(): Promise<T>;
}

/** async-channel's `Channel` on the queue rows (capacity Infinity = unbounded). */
export function asyncChannelWorkloads(
  Channel: new (capacity: number) => ChannelLike<number>,
  s: Sizes,
): SubjectWorkloads {
  async function queueRun(capacity: number): Promise<void> {
    const chan = new Channel(capacity);
    const producer = (async () => {
      for (let i = 0; i < s.queue; i++) await chan.push(i);
    })();
    const consumer = (async () => {
      let sum = 0;
      for (let i = 0; i < s.queue; i++) sum += await chan.get();
      return sum;
    })();
    await producer;
    check("queue", await consumer, triangle(s.queue));
  }
  return {
    queue_unbounded: timedJs(() => queueRun(Infinity)),
    queue_bounded: timedJs(() => queueRun(s.queueMaxsize)),
  };
}
