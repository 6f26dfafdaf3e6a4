/**
 * Makes a Node worker write its stdout and stderr straight to file
 * descriptors 1 and 2, as a Python thread does.
 *
 * Node forwards a worker's `process.stdout` through the main thread's event
 * loop, so a worker's `console.log` appears only when the main thread is free,
 * and after what the main thread printed meanwhile: a main thread that blocks
 * (`time.sleep`, `lock.acquire()`) or simply prints after `join()` would see
 * the seeds' output in another order. Deno's workers already write directly.
 *
 * @module
 */

import { isMainThread, runtimeName } from "./runtime.ts";

// deno-lint-ignore no-explicit-any
const g = globalThis as any;

let installed = false;

/** In a Node worker, sends `process.stdout`/`process.stderr` writes straight to fds 1 and 2. */
export function writeStdioDirectly(): void {
  if (installed || isMainThread || runtimeName !== "node") return;
  const fs = g.process?.getBuiltinModule?.("node:fs");
  if (!fs) return;
  installed = true;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const writeAll = (fd: number, bytes: Uint8Array) => {
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
      } catch (error) {
        // A non-blocking pipe that is full: wait a moment and retry.
        if ((error as { code?: string }).code !== "EAGAIN") throw error;
        Atomics.wait(pause, 0, 0, 1);
      }
    }
  };
  for (const [stream, fd] of [[g.process.stdout, 1], [g.process.stderr, 2]] as const) {
    if (!stream) continue;
    stream.write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
      const cb = typeof encoding === "function" ? encoding : callback;
      const bytes = typeof chunk === "string"
        ? g.Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8")
        : chunk as Uint8Array;
      writeAll(fd, bytes);
      if (typeof cb === "function") queueMicrotask(() => (cb as () => void)());
      return true;
    };
  }
}
