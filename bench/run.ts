/**
 * Runs every benchmark suite: each `bench/<suite>/run.ts`, one after the
 * other, with the same arguments (`--quick` for a smoke run).
 *
 *     npx deno task bench [--quick]
 *
 * @module
 */

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const benchDir = fileURLToPath(new URL(".", import.meta.url));
const suites = readdirSync(benchDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith("_") && !d.name.startsWith("."))
  .map((d) => d.name)
  .filter((name) => existsSync(join(benchDir, name, "run.ts")))
  .sort();

let failed = 0;
for (const suite of suites) {
  process.stderr.write(`\n== bench/${suite} ==\n`);
  const result = spawnSync(
    process.execPath,
    ["run", "-A", join(benchDir, suite, "run.ts"), ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  if (result.status !== 0) {
    failed++;
    process.stderr.write(`bench/${suite} failed (exit ${result.status})\n`);
  }
}
process.stderr.write(`\n${suites.length - failed} suites ran, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
