/**
 * Runs a seed example as its own program and returns what it printed.
 *
 * Examples live in `examples/<id>_<topic>.ts` (in the npm build: `.js` beside
 * the compiled tests). They run with `PYCONC_TIME_SCALE` so that sleeps are
 * short while printed durations stay true (see lib/_internal/clock.ts).
 *
 * @module
 */

import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scriptCommand } from "../../lib/_internal/runtime.ts";

/** What an example printed. */
export interface ExampleRun {
  /** Standard output, with `\r\n` turned into `\n`. */
  stdout: string;
  /** Standard error. */
  stderr: string;
  /** Exit code (null if killed by a signal). */
  code: number | null;
  /** Real seconds the program ran. */
  seconds: number;
}

/** Options for {@linkcode runExample}. */
export interface RunExampleOptions {
  /** Text written to the example's standard input. */
  stdin?: string;
  /** Real seconds per program second (default 0.05). */
  timeScale?: number;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Kill the program after this many real seconds (default 60). */
  timeout?: number;
}

const examplesDir = new URL("../../examples/", import.meta.url);

/** The file URL of the example with this id (`.ts` from sources, `.js` in the npm build). */
export function exampleUrl(id: string): URL {
  const files = readdirSync(fileURLToPath(examplesDir));
  const file = files.find((f) => f.startsWith(`${id}_`) && /\.(ts|js)$/.test(f));
  if (!file) throw new Error(`No example file for ${id} in ${fileURLToPath(examplesDir)}`);
  return new URL(file, examplesDir);
}

/**
 * Runs example `id` as a program and collects its output.
 * @param id The inventory id, e.g. "S0-19".
 * @param options stdin, time scale, environment, timeout.
 */
export function runExample(id: string, options: RunExampleOptions = {}): Promise<ExampleRun> {
  const { command, args } = scriptCommand(exampleUrl(id));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, {
      env: {
        ...globalThis.process?.env,
        NO_COLOR: "1",
        PYCONC_TIME_SCALE: String(options.timeScale ?? 0.05),
        ...options.env,
      },
      timeout: (options.timeout ?? 60) * 1000,
      maxBuffer: 64 * 1024 * 1024,
    }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      if (error && typeof error.code !== "number" && !error.killed) {
        reject(error);
        return;
      }
      resolve({
        stdout: String(stdout).replace(/\r\n/g, "\n"),
        stderr: String(stderr),
        code,
        seconds: (performance.now() - started) / 1000,
      });
    });
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
    else child.stdin?.end();
  });
}

/**
 * Masks what changes from run to run: hex addresses become `0x…`, and every
 * run of digits (pids, thread ids, timestamps, durations) becomes `N`.
 */
export function maskOutput(text: string): string {
  return text.replace(/0x[0-9a-fA-F]+/g, "0x…").replace(/\d+(\.\d+)?/g, "N");
}

/** The output's lines, without the empty last one. */
export function lines(text: string): string[] {
  const all = text.split("\n");
  if (all.at(-1) === "") all.pop();
  return all;
}
