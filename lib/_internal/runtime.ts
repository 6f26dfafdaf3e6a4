/**
 * The runtime adapter: the only module that asks which runtime it runs on and
 * touches `Deno.*`, `process`, `node:*` or `globalThis.Worker`.
 *
 * Workers: on Deno and Node (and Bun) pyconc uses `node:worker_threads`, reached
 * synchronously through `process.getBuiltinModule` (Node ≥ 20.16, Deno 2, Bun):
 * it has `unref()` (daemon workers) and an `exit` event with a code, where a Deno
 * Web Worker that ends by itself sends nothing. Browsers get Web Workers; the
 * bootstrap then reports its own exit.
 *
 * Stopping a worker, measured on Deno 2.9.6: `terminate()` (of either kind of
 * worker) stops its event loop — timers and promise callbacks no longer run —
 * but not JavaScript that is running: a worker spinning in `while (true)` keeps
 * a core busy until the program ends, and one looping around a blocking
 * `Atomics.wait` keeps looping. Node's `terminate()` interrupts both. So every
 * worker also gets a shared *stop word*: `terminate()` sets it, and pyconc's
 * blocking waits (futex waits, `time.sleep`) wait in short slices, check it,
 * and end the worker themselves ({@linkcode exitIfStopped}). What remains on
 * Deno: a loop that never calls a pyconc wait cannot be stopped before the
 * program exits.
 *
 * @module
 */

// deno-lint-ignore-file no-explicit-any

/** The runtimes pyconc knows. */
export type RuntimeName = "deno" | "node" | "bun" | "browser";

const g = globalThis as any;

/** The runtime this module is running on. */
export const runtimeName: RuntimeName = g.Deno?.version?.deno
  ? "deno"
  : g.Bun
  ? "bun"
  : g.process?.versions?.node
  ? "node"
  : "browser";

const getBuiltin: ((id: string) => any) | undefined = typeof g.process?.getBuiltinModule ===
    "function"
  ? (id: string) => g.process.getBuiltinModule(id)
  : undefined;

/** `node:worker_threads` where the runtime has it (Deno, Node, Bun), else undefined. */
const workerThreads: any = getBuiltin?.("node:worker_threads");
const nodeOs: any = getBuiltin?.("node:os");
const nodeUrl: any = getBuiltin?.("node:url");

/** True on the program's main thread, false inside any worker. */
export const isMainThread: boolean = workerThreads
  ? workerThreads.isMainThread
  : typeof g.WorkerGlobalScope === "undefined";

/** The worker_threads id of this thread (0 on the main thread). */
export const threadId: number = workerThreads?.threadId ?? 0;

/** Number of logical CPUs (Python's `os.cpu_count()`). */
export function cpuCount(): number {
  if (typeof nodeOs?.availableParallelism === "function") return nodeOs.availableParallelism();
  if (nodeOs?.cpus) return nodeOs.cpus().length || 1;
  return g.navigator?.hardwareConcurrency ?? 1;
}

/** The operating-system process id, or 0 where the runtime has none (browsers). */
export function osPid(): number {
  return g.process?.pid ?? g.Deno?.pid ?? 0;
}

/** The operating-system parent process id, or 0 where unknown. */
export function osPpid(): number {
  return g.process?.ppid ?? g.Deno?.ppid ?? 0;
}

/** Reads an environment variable; undefined when unset or not permitted. */
export function getEnv(name: string): string | undefined {
  try {
    if (g.Deno?.env) return g.Deno.env.get(name);
    return g.process?.env?.[name];
  } catch {
    return undefined;
  }
}

/** URL of the program's entry module, when the runtime knows it. */
export function mainModuleUrl(): string | undefined {
  if (runtimeName === "deno") return g.Deno.mainModule;
  const script = g.process?.argv?.[1];
  if (script && nodeUrl) {
    try {
      return nodeUrl.pathToFileURL(script).href;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Path of the running runtime's executable (`deno`, `node`, `bun`). */
export function execPath(): string | undefined {
  if (runtimeName === "deno") return g.Deno.execPath();
  return g.process?.execPath;
}

/** Writes text to standard error without a trailing newline. */
export function writeStderr(text: string): void {
  if (g.process?.stderr?.write) g.process.stderr.write(text);
  else console.error(text.replace(/\n$/, ""));
}

/** True when `Atomics.wait` may block this thread (false on a browser main thread). */
export const canBlock: boolean = runtimeName !== "browser" || !isMainThread;

// ---------------------------------------------------------------------------
// Keeping the program alive while nothing but a promise is pending.

let keepAliveCount = 0;
let keepAliveTimer: ReturnType<typeof setInterval> | undefined;

/**
 * Holds the program open until the returned function is called. The runtimes do
 * not count a pending `Atomics.waitAsync` (or a promise settled only from a
 * worker) as work, so without this a program waiting on a cross-worker
 * primitive would exit. Calls nest; the release function is idempotent.
 */
export function keepAlive(): () => void {
  if (keepAliveCount++ === 0) {
    // One long interval keeps the loop alive; it never fires in practice.
    keepAliveTimer = setInterval(() => {}, 1 << 30);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--keepAliveCount === 0) {
      clearInterval(keepAliveTimer);
      keepAliveTimer = undefined;
    }
  };
}

// ---------------------------------------------------------------------------
// Workers.

/** Options for {@linkcode spawnWorker}. */
export interface SpawnWorkerOptions {
  /** A name for debuggers and `threadName`. */
  name?: string;
  /** Whether the worker may keep the program alive (default true). */
  ref?: boolean;
  /** Data the worker reads synchronously at start-up (`workerData`). */
  workerData?: unknown;
}

/** A started worker, the same on every runtime. */
export interface WorkerHandle {
  /** Sends a message; `transfer` lists objects to move rather than copy. */
  postMessage(message: unknown, transfer?: unknown[]): void;
  /** Adds a listener for messages from the worker. */
  onMessage(listener: (message: any) => void): void;
  /** Adds a listener for an error the worker did not catch (it then exits). */
  onError(listener: (error: Error) => void): void;
  /** Adds a listener called exactly once when the worker has stopped. */
  onExit(listener: (code: number) => void): void;
  /** Stops the worker; resolves once it has stopped. */
  terminate(): Promise<void>;
  /** Lets the worker keep the program alive (the default). */
  ref(): void;
  /** Stops the worker from keeping the program alive (daemon workers). */
  unref(): void;
  /** True once the worker has stopped. */
  readonly exited: boolean;
  /** The exit code, null while running. */
  readonly exitCode: number | null;
}

/**
 * Starts a module worker running `url` (normally the pyconc bootstrap).
 * @param url The module the worker runs.
 * @param options Name, ref and start-up data.
 */
export function spawnWorker(url: URL, options: SpawnWorkerOptions = {}): WorkerHandle {
  if (workerThreads?.Worker) return spawnThreadsWorker(url, options);
  if (typeof g.Worker === "function") return spawnWebWorker(url, options);
  throw new Error(`Cannot start a worker: this runtime (${runtimeName}) has no workers`);
}

function makeExitNotifier() {
  const listeners: ((code: number) => void)[] = [];
  const state = { exited: false, code: null as number | null };
  return {
    state,
    add(listener: (code: number) => void) {
      if (state.exited) queueMicrotask(() => listener(state.code!));
      else listeners.push(listener);
    },
    fire(code: number) {
      if (state.exited) return;
      state.exited = true;
      state.code = code;
      for (const l of listeners.splice(0)) l(code);
    },
  };
}

/** How a spawned worker's start-up data travels: the caller's data and the stop word. */
interface Envelope {
  readonly data: unknown;
  readonly stop: SharedArrayBuffer;
}

function spawnThreadsWorker(url: URL, options: SpawnWorkerOptions): WorkerHandle {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  // Node cannot run .ts files in a worker; Deno and Bun can. The npm build
  // rewrites the bootstrap URL to .js, so this holds on every runtime.
  const worker = new workerThreads.Worker(url, {
    name: options.name,
    workerData: { data: options.workerData, stop: stop.buffer } satisfies Envelope,
    stdout: false,
    stderr: false,
  });
  const exit = makeExitNotifier();
  worker.on("exit", (code: number) => exit.fire(code));
  if (options.ref === false) worker.unref();
  let terminated: Promise<void> | undefined;
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer as any),
    onMessage: (listener) => worker.on("message", listener),
    onError: (listener) =>
      worker.on("error", (e: unknown) => listener(e instanceof Error ? e : new Error(String(e)))),
    onExit: (listener) => exit.add(listener),
    terminate() {
      if (exit.state.exited) return Promise.resolve();
      Atomics.store(stop, 0, 1);
      Atomics.notify(stop, 0);
      terminated ??= worker.terminate().then(() => {
        // Node fires "exit" after terminate() resolves; fire now for determinism.
        exit.fire(1);
      });
      return terminated!;
    },
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    get exited() {
      return exit.state.exited;
    },
    get exitCode() {
      return exit.state.code;
    },
  };
}

function spawnWebWorker(url: URL, options: SpawnWorkerOptions): WorkerHandle {
  const worker: Worker = new g.Worker(url, { type: "module", name: options.name });
  const exit = makeExitNotifier();
  const messageListeners: ((m: unknown) => void)[] = [];
  const errorListeners: ((e: Error) => void)[] = [];
  const stop = new Int32Array(new SharedArrayBuffer(4));
  // Web Workers cannot read workerData synchronously: it is the first message.
  worker.postMessage({ t: "__workerData", data: options.workerData, stop: stop.buffer });
  worker.onmessage = (event: MessageEvent) => {
    const data = event.data;
    // A Web Worker that ends by itself sends no event: the bootstrap says so.
    if (data && typeof data === "object" && data.t === "__exit") {
      worker.terminate();
      exit.fire(data.code ?? 0);
      return;
    }
    for (const l of messageListeners) l(data);
  };
  worker.onerror = (event: ErrorEvent) => {
    // Unhandled, a worker error would also be thrown in the parent.
    event.preventDefault();
    // ErrorEvent.error is null on Deno and Chromium: rebuild from the fields.
    const error = event.error instanceof Error ? event.error : new Error(
      `${event.message} (${event.filename}:${event.lineno}:${event.colno})`,
    );
    for (const l of errorListeners) l(error);
    worker.terminate();
    exit.fire(1);
  };
  return {
    postMessage: (message, transfer) => worker.postMessage(message, (transfer ?? []) as any),
    onMessage: (listener) => void messageListeners.push(listener),
    onError: (listener) => void errorListeners.push(listener),
    onExit: (listener) => exit.add(listener),
    terminate() {
      if (!exit.state.exited) {
        Atomics.store(stop, 0, 1);
        worker.terminate();
        exit.fire(1);
      }
      return Promise.resolve();
    },
    ref: () => {},
    unref: () => {},
    get exited() {
      return exit.state.exited;
    },
    get exitCode() {
      return exit.state.code;
    },
  };
}

/** The parent side of a worker, seen from inside it. */
export interface ParentPort {
  /** Sends a message to the parent. */
  postMessage(message: unknown, transfer?: unknown[]): void;
  /** Adds a listener for messages from the parent. */
  onMessage(listener: (message: any) => void): void;
  /** Ends this worker with an exit code, without running further code. */
  exit(code: number): void;
  /** Data the parent gave at spawn time (undefined on the main thread). */
  readonly workerData: unknown;
}

let cachedParentPort: ParentPort | undefined;

// This worker's stop word (see the module comment); undefined on the main thread.
const givenStop = workerThreads && !workerThreads.isMainThread
  ? (workerThreads.workerData as Partial<Envelope> | undefined)?.stop
  : undefined;
let stopWord: Int32Array | undefined = givenStop instanceof SharedArrayBuffer
  ? new Int32Array(givenStop)
  : undefined;

/**
 * Ends this worker at once if its parent asked it to stop. Blocking waits call
 * it between slices, because on Deno `terminate()` does not interrupt
 * running JavaScript.
 */
export function exitIfStopped(): void {
  if (stopWord === undefined || Atomics.load(stopWord, 0) === 0) return;
  if (g.process?.exit) g.process.exit(1);
  else g.close?.();
}

/**
 * The longest real time (ms) a blocking wait may sleep before it checks the
 * stop word again. Only Deno's workers need it (Node and browsers interrupt a
 * blocked worker themselves; nobody stops the main thread), and it is not
 * free there: an `Atomics.wait` with a timeout wakes a few µs slower than one
 * without, measured on a 10k-round Event ping-pong.
 */
export const blockingSliceMs: number = !isMainThread && runtimeName === "deno" ? 50 : Infinity;

/**
 * The channel to the parent, or undefined on the main thread. On Web Workers the
 * start-up data arrives as the first message, so this resolves once it has.
 */
export function parentPort(): Promise<ParentPort | undefined> {
  if (cachedParentPort) return Promise.resolve(cachedParentPort);
  if (workerThreads && !workerThreads.isMainThread) {
    const port = workerThreads.parentPort;
    cachedParentPort = {
      postMessage: (m, t) => port.postMessage(m, t as any),
      onMessage: (l) => port.on("message", l),
      exit: (code) => g.process.exit(code),
      workerData: (workerThreads.workerData as Envelope | undefined)?.data,
    };
    return Promise.resolve(cachedParentPort);
  }
  if (typeof g.WorkerGlobalScope !== "undefined") {
    return new Promise((resolve) => {
      const listeners: ((m: unknown) => void)[] = [];
      g.onmessage = (event: MessageEvent) => {
        const data = event.data;
        if (data && data.t === "__workerData") {
          stopWord = new Int32Array(data.stop);
          cachedParentPort = {
            postMessage: (m, t) => g.postMessage(m, (t ?? []) as any),
            onMessage: (l) => void listeners.push(l),
            exit: (code) => {
              g.postMessage({ t: "__exit", code });
              g.close();
            },
            workerData: data.data,
          };
          resolve(cachedParentPort);
          return;
        }
        for (const l of listeners) l(data);
      };
    });
  }
  return Promise.resolve(undefined);
}

/**
 * The command line that runs the script at `scriptUrl` with the current
 * runtime: `deno run -A file.ts` on Deno, `node file.js` on Node, `bun file`.
 * Used by the seed tests and the demo to run examples as programs.
 */
export function scriptCommand(scriptUrl: URL | string): { command: string; args: string[] } {
  const exe = execPath();
  if (!exe) throw new Error(`Cannot run a script: this runtime (${runtimeName}) has no executable`);
  const path = nodeUrl ? nodeUrl.fileURLToPath(scriptUrl) : String(scriptUrl);
  if (runtimeName === "deno") return { command: exe, args: ["run", "-A", "--quiet", path] };
  return { command: exe, args: [path] };
}
