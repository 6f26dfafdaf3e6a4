/**
 * The runtime side of `subprocess`: starting programs, their pipes, signals.
 *
 * One implementation serves Deno, Node and Bun: `node:child_process`, reached
 * synchronously through `process.getBuiltinModule` (Deno 2 implements it over
 * its own `Deno.Command`). Browsers have no processes; {@linkcode spawnChild}
 * throws there.
 *
 * A program that does not exist is found here, synchronously, by searching
 * `PATH` the way `execvp` does, so that `subprocess.Popen` can raise Python's
 * `FileNotFoundError` from its constructor as CPython does (the runtimes only
 * report it later, as an event).
 *
 * @module
 */

// deno-lint-ignore-file no-explicit-any

const g = globalThis as any;
const getBuiltin: ((id: string) => any) | undefined =
  typeof g.process?.getBuiltinModule === "function"
    ? (id: string) => g.process.getBuiltinModule(id)
    : undefined;

const childProcess: any = getBuiltin?.("node:child_process");
const fs: any = getBuiltin?.("node:fs");
const path: any = getBuiltin?.("node:path");
const os: any = getBuiltin?.("node:os");
const nodeUrl: any = getBuiltin?.("node:url");

/** Whether this runtime can start programs. */
export const hasChildProcesses: boolean = Boolean(childProcess?.spawn);

/** Where a child's standard stream goes. A number is a file descriptor of this process. */
export type StdioSpec = "pipe" | "inherit" | "ignore" | number;

/** Options for {@linkcode spawnChild}. */
export interface SpawnChildOptions {
  /** Working directory of the child (a path or a `file:` URL). */
  cwd?: string | URL;
  /** The child's whole environment (undefined: this process's environment). */
  env?: Record<string, string>;
  /** Standard input. */
  stdin: StdioSpec;
  /** Standard output. */
  stdout: StdioSpec;
  /** Standard error. */
  stderr: StdioSpec;
}

/** A pipe from the child: bytes arrive as events until the end. */
export interface ChildReadable {
  /** Adds a listener for each chunk of bytes. */
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Adds a listener called once, when the pipe reaches its end (or fails). */
  onEnd(listener: () => void): void;
  /** Stops reading and closes the pipe. */
  destroy(): void;
}

/** A pipe into the child. */
export interface ChildWritable {
  /** Writes bytes; resolves once they are handed to the OS. A closed pipe (EPIPE) is ignored. */
  write(chunk: Uint8Array): Promise<void>;
  /** Closes the pipe; resolves once it is closed. */
  end(): Promise<void>;
  /** True once `end()` was called or the pipe broke. */
  readonly closed: boolean;
}

/** How a child ended: an exit code, or the number of the signal that killed it. */
export interface ChildExit {
  /** The exit status, or null when a signal ended the child. */
  code: number | null;
  /** The signal number that ended the child, or null. */
  signal: number | null;
}

/** A started child process. */
export interface ChildHandle {
  /** The OS process id. */
  readonly pid: number;
  /** The pipe to its standard input, when `stdin` was "pipe". */
  readonly stdin: ChildWritable | null;
  /** The pipe from its standard output, when `stdout` was "pipe". */
  readonly stdout: ChildReadable | null;
  /** The pipe from its standard error, when `stderr` was "pipe". */
  readonly stderr: ChildReadable | null;
  /** Resolves when the process has exited (its pipes may still hold data). */
  readonly exited: Promise<ChildExit>;
  /** Sends a signal (a name such as "SIGTERM" or a number); false if the child is gone. */
  kill(signal: string | number): boolean;
}

/** An OS error raised while starting a program, with the errno facts Python's `OSError` carries. */
export interface SpawnFailure {
  /** The symbolic code: "ENOENT", "EACCES", … */
  code: string;
  /** The errno number (2 for ENOENT on every POSIX system). */
  errno: number;
  /** The OS's description ("No such file or directory"). */
  strerror: string;
  /** The file the error is about (the program, or the working directory). */
  filename: string;
}

const STRERROR: Record<string, string> = {
  ENOENT: "No such file or directory",
  EACCES: "Permission denied",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  ENOEXEC: "Exec format error",
};

/** The errno number for a symbolic code, as this OS defines it. */
export function errnoNumber(code: string): number {
  const n = os?.constants?.errno?.[code];
  if (typeof n === "number") return n;
  return ({ ENOENT: 2, EACCES: 13, ENOTDIR: 20, EISDIR: 21, ENOEXEC: 8 } as Record<string, number>)[
    code
  ] ?? 0;
}

function failure(code: string, filename: string): SpawnFailure {
  return { code, errno: errnoNumber(code), strerror: STRERROR[code] ?? code, filename };
}

/** The number of a signal given by name ("SIGKILL" → 9) or number; undefined if unknown. */
export function signalNumber(signal: string | number): number | undefined {
  if (typeof signal === "number") return Number.isInteger(signal) ? signal : undefined;
  const n = os?.constants?.signals?.[signal];
  return typeof n === "number" ? n : undefined;
}

/** The name of a signal number (9 → "SIGKILL"); undefined if unknown. */
export function signalName(signal: number): string | undefined {
  const table = os?.constants?.signals ?? {};
  for (const name of Object.keys(table)) if (table[name] === signal) return name;
  return undefined;
}

function isExecutableFile(file: string): "ok" | "ENOENT" | "EACCES" {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return "EACCES";
  } catch {
    return "ENOENT";
  }
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return "ok";
  } catch {
    return "EACCES";
  }
}

/**
 * Checks, as `execvp` would, that `command` names a program that can be run,
 * and that `cwd` is a directory. Returns the failure, or undefined when the
 * program can be started.
 */
export function checkProgram(
  command: string,
  cwd: string | undefined,
  env: Record<string, string> | undefined,
): SpawnFailure | undefined {
  if (!fs || !path) return undefined;
  if (cwd !== undefined) {
    try {
      if (!fs.statSync(cwd).isDirectory()) return failure("ENOTDIR", cwd);
    } catch {
      return failure("ENOENT", cwd);
    }
  }
  if (command === "") return failure("ENOENT", command);
  if (g.process?.platform === "win32") return undefined; // PATHEXT rules: let the runtime decide.
  if (command.includes("/")) {
    const result = isExecutableFile(path.resolve(cwd ?? g.process.cwd(), command));
    return result === "ok" ? undefined : failure(result, command);
  }
  const searchPath = env ? env.PATH : g.process?.env?.PATH;
  const dirs = (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(":");
  let denied = false;
  for (const dir of dirs) {
    const result = isExecutableFile(path.resolve(cwd ?? g.process.cwd(), dir || ".", command));
    if (result === "ok") return undefined;
    if (result === "EACCES") denied = true;
  }
  return failure(denied ? "EACCES" : "ENOENT", command);
}

function readable(stream: any): ChildReadable | null {
  if (!stream) return null;
  const endListeners: (() => void)[] = [];
  let ended = false;
  const finish = () => {
    if (ended) return;
    ended = true;
    for (const l of endListeners.splice(0)) l();
  };
  stream.on("end", finish);
  stream.on("close", finish);
  stream.on("error", finish);
  return {
    onData: (listener) =>
      stream.on("data", (chunk: Uint8Array) => {
        // A copy in a plain Uint8Array, not a Buffer that may share a pool.
        listener(new Uint8Array(chunk));
      }),
    onEnd: (listener) => {
      if (ended) queueMicrotask(listener);
      else endListeners.push(listener);
    },
    destroy: () => {
      stream.destroy();
      finish();
    },
  };
}

function writable(stream: any): ChildWritable | null {
  if (!stream) return null;
  let closed = false;
  let broken = false;
  // A child that exits without reading its input breaks the pipe: like
  // CPython's communicate(), that is not an error of the caller's.
  stream.on("error", () => {
    broken = true;
    closed = true;
  });
  return {
    write(chunk) {
      if (closed) return Promise.resolve();
      return new Promise((resolve) => {
        stream.write(chunk, () => resolve());
      });
    },
    end() {
      if (closed && broken) return Promise.resolve();
      closed = true;
      return new Promise((resolve) => {
        if (stream.writableFinished || stream.destroyed) resolve();
        else {
          stream.end(() => resolve());
          stream.once("error", () => resolve());
        }
      });
    },
    get closed() {
      return closed;
    },
  };
}

/**
 * Starts `command` with `args`. Throws a {@linkcode SpawnFailure} (a plain
 * object, not an Error: the caller turns it into Python's `OSError` subclass)
 * when the program or the working directory cannot be found.
 */
export function spawnChild(
  command: string,
  args: string[],
  options: SpawnChildOptions,
): ChildHandle {
  if (!childProcess) {
    throw new Error("Cannot start a program: this runtime has no child processes");
  }
  const cwd = options.cwd instanceof URL ? nodeUrl.fileURLToPath(options.cwd) : options.cwd;
  const problem = checkProgram(command, cwd, options.env);
  if (problem) throw problem;
  const child = childProcess.spawn(command, args, {
    cwd,
    env: options.env,
    stdio: [options.stdin, options.stdout, options.stderr],
    windowsHide: true,
  });
  let settle!: (exit: ChildExit) => void;
  let fail!: (error: unknown) => void;
  const exited = new Promise<ChildExit>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  child.on("exit", (code: number | null, signal: string | null) => {
    settle({ code, signal: signal === null ? null : signalNumber(signal) ?? 0 });
  });
  child.on("error", (error: any) => {
    // Only a failure to start arrives here before "exit"; a failed kill also
    // lands here and is harmless once the child has exited.
    if (child.pid === undefined) {
      const code = typeof error?.code === "string" ? error.code : "ENOENT";
      fail(failure(code, command));
    }
  });
  return {
    get pid() {
      return child.pid ?? 0;
    },
    stdin: writable(child.stdin),
    stdout: readable(child.stdout),
    stderr: readable(child.stderr),
    exited,
    kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return false;
      try {
        return child.kill(signal);
      } catch {
        return false;
      }
    },
  };
}

/** True if `value` is a {@linkcode SpawnFailure}. */
export function isSpawnFailure(value: unknown): value is SpawnFailure {
  return typeof value === "object" && value !== null && !(value instanceof Error) &&
    typeof (value as SpawnFailure).code === "string" &&
    typeof (value as SpawnFailure).errno === "number";
}
