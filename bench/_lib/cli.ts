/**
 * What every bench suite's runner reads from its command line, and where the
 * repository is.
 *
 * @module
 */

import process from "node:process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const repoRoot: string = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const args = process.argv.slice(2);

/** True when `--name` was given. */
export function flag(name: string): boolean {
  return args.includes(`--${name}`);
}

/** The value of `--name=value`, or undefined. */
export function option(name: string): string | undefined {
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
