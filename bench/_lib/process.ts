/**
 * Runs a benchmark child process and reads the JSON it prints on its last
 * line of standard output. Standard error passes through (progress lines).
 *
 * @module
 */

import { spawn } from "node:child_process";

/** Runs `command args…`, returns the parsed last stdout line; fails on a non-zero exit. */
export function runJson<T>(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...globalThis.process?.env, ...options.env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => out += chunk);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${out}`));
        return;
      }
      const last = out.trim().split("\n").at(-1) ?? "";
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${command} ${args.join(" ")} printed no JSON line:\n${out}`));
      }
    });
  });
}

/** Runs `command args…` and returns its trimmed stdout, or undefined if it cannot run. */
export function tryOutput(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => out += chunk);
    child.on("error", () => resolve(undefined));
    child.on("close", (code) => resolve(code === 0 ? out.trim() : undefined));
  });
}
