/**
 * The parts of Python's `os` that concurrent programs print: `getpid`,
 * `getppid`, `cpuCount`.
 *
 * Inside a pyconc `Process` (a worker), `getpid()` returns that process's
 * pid, a worker id unique in the program (the same as
 * `multiprocessing.currentProcess().pid`) and `getppid()` its parent's; a
 * thread returns its process's. On the main thread they are the OS ids.
 *
 * @example Usage
 * ```ts
 * import { os } from "@pyconc/pyconc";
 *
 * console.log(`pid ${os.getpid()}, parent ${os.getppid()}, ${os.cpuCount()} CPUs`);
 * ```
 *
 * @module
 */

import { self } from "../_internal/identity.ts";
import { cpuCount as runtimeCpuCount } from "../_internal/runtime.ts";

/**
 * This process's id (Python's `os.getpid`).
 *
 * @example Usage
 * ```ts
 * import { os } from "@pyconc/pyconc";
 *
 * console.assert(os.getpid() > 0);
 * ```
 */
export function getpid(): number {
  return self.pid;
}

/**
 * The parent process's id (Python's `os.getppid`).
 *
 * @example Usage
 * ```ts
 * import { os } from "@pyconc/pyconc";
 *
 * console.assert(typeof os.getppid() === "number");
 * ```
 */
export function getppid(): number {
  return self.ppid;
}

/**
 * The number of logical CPUs (Python's `os.cpu_count`).
 *
 * @example Usage
 * ```ts
 * import { os } from "@pyconc/pyconc";
 *
 * console.assert(os.cpuCount() >= 1);
 * ```
 */
export function cpuCount(): number {
  return runtimeCpuCount();
}
