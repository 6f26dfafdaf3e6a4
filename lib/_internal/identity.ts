/**
 * Who this worker is, for `threading.currentThread()`, `getIdent()`,
 * `multiprocessing.currentProcess()` and `os.getpid()`.
 *
 * The parent of a pyconc thread or process passes an {@linkcode Identity} in
 * the worker's start-up info (`WorkerClient.start({ info: { identity } })`);
 * pools that want their workers to have Python's names build theirs with
 * {@linkcode childIdentity}. A worker started without one is a thread of its
 * parent's process named after its worker id.
 *
 * Numbers: `ident` values come from one counter shared by the whole program
 * (the main thread is 1); a process's `pid` is the OS process id plus a
 * program-wide counter (workers are not OS processes: these are worker ids).
 * Threads share their process's pid, as in Python.
 *
 * @module
 */

import { isMainThread, osPid, osPpid, threadId } from "./runtime.ts";
import { currentWorkerInfo } from "./worker_protocol.ts";
import { writeStdioDirectly } from "./worker_stdio.ts";

// Program-wide counters: [next ident, next pid offset].
const IDENT = 0;
const PID = 1;
// Per-process counters: [threads named, child processes named].
const THREADS = 0;
const CHILDREN = 1;

/** What a pyconc worker knows about itself. */
export interface Identity {
  /** "thread": a `threading.Thread` (or pool thread); "process": a `Process` (or pool process). */
  readonly kind: "thread" | "process";
  /** The thread's name (`Thread-1 (f)`), or the process's (`Process-1`). */
  readonly name: string;
  /** This worker's thread ident. */
  readonly ident: number;
  /** Whether it was started as a daemon. */
  readonly daemon: boolean;
  /** Its process's pid (a thread's is its parent's). */
  readonly pid: number;
  /** The pid of its process's parent. */
  readonly ppid: number;
  /** Its process's name (`MainProcess`, `Process-1`). */
  readonly processName: string;
  /** The parent process's name (for a process). */
  readonly parentProcessName?: string;
  /** The `_identity` prefix for its process's children (`Process-1:2`). */
  readonly processIdentity: readonly number[];
  /** Program-wide counters. */
  readonly global: SharedArrayBuffer;
  /** Counters of its process (shared by the process's threads). */
  readonly process: SharedArrayBuffer;
  /** The program's shared-memory arena (`SharedMemory` by name), if made yet. */
  readonly arena?: SharedArrayBuffer | null;
}

function readIdentity(): Identity | undefined {
  const info = currentWorkerInfo() as { identity?: Identity } | undefined;
  const identity = info?.identity;
  if (identity && identity.global instanceof SharedArrayBuffer) return identity;
  return undefined;
}

const given = isMainThread ? undefined : readIdentity();
// A pyconc thread or process prints like a Python one: straight to the
// process's stdout, in the order the lines were written (see worker_stdio.ts).
if (given) writeStdioDirectly();

const globalCounters = new Int32Array(given?.global ?? new SharedArrayBuffer(8));
if (!given) Atomics.store(globalCounters, IDENT, 1);
const processCounters = new Int32Array(given?.process ?? new SharedArrayBuffer(8));

/** This worker's identity (the main thread's is made up here). */
export const self: Identity = given ?? (isMainThread
  ? {
    kind: "process",
    name: "MainThread",
    ident: 1,
    daemon: false,
    pid: osPid(),
    ppid: osPpid(),
    processName: "MainProcess",
    processIdentity: [],
    global: globalCounters.buffer as SharedArrayBuffer,
    process: processCounters.buffer as SharedArrayBuffer,
  }
  : {
    // A worker started without pyconc's info: a thread of its parent's process.
    kind: "thread",
    name: `Dummy-${threadId}`,
    ident: 1_000_000 + threadId,
    daemon: true,
    pid: osPid(),
    ppid: osPpid(),
    processName: "MainProcess",
    processIdentity: [],
    global: globalCounters.buffer as SharedArrayBuffer,
    process: processCounters.buffer as SharedArrayBuffer,
  });

let arena: SharedArrayBuffer | null | undefined = given?.arena;

/**
 * The program's arena for named shared memory: one growable
 * `SharedArrayBuffer` every pyconc worker receives, so that
 * `SharedMemory(name)` can attach synchronously anywhere. Made on first use;
 * null where growable shared buffers are not available.
 */
export function sharedArena(): SharedArrayBuffer | null {
  if (arena !== undefined) return arena;
  arena = null;
  for (const max of [2 ** 32, 2 ** 30, 2 ** 28]) {
    try {
      const buffer = new (SharedArrayBuffer as unknown as new (
        length: number,
        options: { maxByteLength: number },
      ) => SharedArrayBuffer)(65536, { maxByteLength: max });
      if ((buffer as unknown as { growable?: boolean }).growable) {
        arena = buffer;
        break;
      }
    } catch {
      // Try a smaller reservation.
    }
  }
  return arena;
}

/** True when this worker is a process's main thread (or the program's main thread). */
export const isProcessMain: boolean = isMainThread || self.kind === "process";

/** The next `Thread-N` number of this process. */
export function nextThreadNumber(): number {
  return Atomics.add(processCounters, THREADS, 1) + 1;
}

/** The `_identity` of the next child process of this process. */
export function nextChildIdentity(): number[] {
  return [...self.processIdentity, Atomics.add(processCounters, CHILDREN, 1) + 1];
}

/** Options of {@linkcode childIdentity}. */
export interface ChildIdentityOptions {
  /** "thread" (shares this process) or "process" (a new one). */
  kind: "thread" | "process";
  /** Its name (for a process, the default is `Process-N`). */
  name?: string;
  /** Started as a daemon. */
  daemon?: boolean;
  /** A process's `_identity`, if already drawn with {@linkcode nextChildIdentity}. */
  processIdentity?: readonly number[];
}

/**
 * The identity of a worker about to be started from this one. A thread gets
 * a new ident and shares this process; a process also gets a new pid and its
 * own per-process counters.
 */
export function childIdentity(options: ChildIdentityOptions): Identity {
  const ident = Atomics.add(globalCounters, IDENT, 1) + 1;
  if (options.kind === "thread") {
    return {
      kind: "thread",
      name: options.name ?? `Thread-${nextThreadNumber()}`,
      ident,
      daemon: options.daemon ?? false,
      pid: self.pid,
      ppid: self.ppid,
      processName: self.processName,
      parentProcessName: self.parentProcessName,
      processIdentity: self.processIdentity,
      global: self.global,
      process: self.process,
      arena: sharedArena(),
    };
  }
  const processIdentity = options.processIdentity ?? nextChildIdentity();
  return {
    kind: "process",
    name: options.name ?? `Process-${processIdentity.join(":")}`,
    ident,
    daemon: options.daemon ?? false,
    pid: osPid() + Atomics.add(globalCounters, PID, 1) + 1,
    ppid: self.pid,
    processName: options.name ?? `Process-${processIdentity.join(":")}`,
    parentProcessName: self.processName,
    processIdentity,
    global: self.global,
    process: new SharedArrayBuffer(8),
    arena: sharedArena(),
  };
}
