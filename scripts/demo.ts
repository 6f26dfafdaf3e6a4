/**
 * The seed tour: runs every example in `examples/` in inventory order, each as
 * its own program, printing its id and title and then what it prints. Sleeps
 * are scaled down (`PYCONC_TIME_SCALE=0.05`: a 2-second sleep takes 0.1 s, and
 * printed durations stay true), so the whole tour takes a minute or less.
 *
 *   npm run demo                  # every example, in inventory order
 *   npx deno task demo --list     # ids and titles
 *   npx deno task demo S0-19 S1-02  # just these
 *   npx deno task demo --scale 1  # real time
 *
 * The ids and titles come from `../shared/seeds/INVENTORY.md` when it is there;
 * otherwise the example files are toured in file-name order. Examples that
 * read standard input get canned input. Examples run a few at a time; each
 * one's output is printed whole, in order.
 *
 * @module
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { timeScale } from "../lib/_internal/clock.ts";
import { cpuCount, scriptCommand } from "../lib/_internal/runtime.ts";
import * as subprocess from "../lib/subprocess/mod.ts";

const root = new URL("../", import.meta.url);
const examplesDir = new URL("examples/", root);
const inventoryPath = fileURLToPath(new URL("../shared/seeds/INVENTORY.md", root));

/** Standard input for the examples that read it. */
const CANNED_INPUT: Record<string, string> = {
  "S0-13": "no\nnot yet\ntrue\n",
};

/** Real seconds one example may take before the tour gives up on it. */
const EXAMPLE_TIMEOUT = 120;

interface Entry {
  id: string;
  title: string;
  file?: string;
}

function plain(text: string): string {
  return text.replace(/`/g, "").trim();
}

function readInventory(): Entry[] {
  if (!existsSync(inventoryPath)) return [];
  const entries: Entry[] = [];
  for (const line of readFileSync(inventoryPath, "utf-8").split("\n")) {
    const match = /^\|\s*(S\d-\d\d)\s*\|\s*(.*?)\s*\|/.exec(line);
    if (match) entries.push({ id: match[1], title: plain(match[2]) });
  }
  return entries;
}

function exampleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(fileURLToPath(examplesDir))) return files;
  for (const name of readdirSync(fileURLToPath(examplesDir)).sort()) {
    const match = /^(S\d-\d\d)_.*\.(ts|js)$/.exec(name);
    if (match && !files.has(match[1])) files.set(match[1], name);
  }
  return files;
}

/** Inventory order, then any example the inventory does not list. */
function tour(): Entry[] {
  const files = exampleFiles();
  const entries = readInventory().map((e) => ({ ...e, file: files.get(e.id) }));
  const known = new Set(entries.map((e) => e.id));
  for (const [id, file] of files) {
    if (!known.has(id)) {
      entries.push({ id, title: file.replace(/^S\d-\d\d_/, "").replace(/\.(ts|js)$/, ""), file });
    }
  }
  return entries;
}

interface Options {
  list: boolean;
  ids: string[];
  scale: string;
  jobs: number;
}

function parseArgs(args: string[]): Options {
  const options: Options = {
    list: false,
    ids: [],
    scale: process.env.PYCONC_TIME_SCALE || "0.05",
    jobs: Math.max(1, Math.min(4, cpuCount())),
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--list" || arg === "-l") options.list = true;
    else if (arg === "--scale") options.scale = args[++i] ?? "";
    else if (arg === "--jobs" || arg === "-j") options.jobs = Number(args[++i]);
    else if (arg === "--help" || arg === "-h") {
      console.log(
        "usage: demo [--list] [--scale SECONDS_PER_SECOND] [--jobs N] [ID ...]\n" +
          "  runs the seed examples (all, or the ids given) in inventory order",
      );
      process.exit(0);
    } else if (/^S\d-\d\d$/i.test(arg)) options.ids.push(arg.toUpperCase());
    else {
      console.error(`demo: unknown argument ${JSON.stringify(arg)} (try --help)`);
      process.exit(2);
    }
  }
  if (!(Number(options.scale) > 0)) {
    console.error(`demo: --scale must be a positive number: got ${JSON.stringify(options.scale)}`);
    process.exit(2);
  }
  if (!Number.isInteger(options.jobs) || options.jobs < 1) {
    console.error(`demo: --jobs must be a positive integer: got ${options.jobs}`);
    process.exit(2);
  }
  return options;
}

interface Outcome {
  output: string;
  code: number | null;
  seconds: number;
  error?: string;
}

async function runOne(entry: Entry, scale: string): Promise<Outcome> {
  const { command, args } = scriptCommand(new URL(entry.file!, examplesDir));
  const started = performance.now();
  const input = CANNED_INPUT[entry.id] ?? "";
  try {
    const result = await subprocess.run([command, ...args], {
      input,
      stdout: subprocess.PIPE,
      stderr: subprocess.STDOUT,
      text: true,
      // This process's own clock may be scaled too: ask for real seconds.
      timeout: EXAMPLE_TIMEOUT / timeScale,
      env: { ...process.env, PYCONC_TIME_SCALE: scale, NO_COLOR: "1" } as Record<string, string>,
    });
    return {
      output: result.stdout ?? "",
      code: result.returncode,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    const output = error instanceof subprocess.TimeoutExpired ? String(error.stdout ?? "") : "";
    return {
      output,
      code: null,
      seconds: (performance.now() - started) / 1000,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

function banner(entry: Entry): string {
  const text = `── ${entry.id} · ${entry.title} `;
  return text + "─".repeat(Math.max(3, 78 - text.length));
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const entries = tour();
  if (entries.length === 0) {
    console.error("demo: no examples found in examples/");
    return 1;
  }
  if (options.list) {
    for (const e of entries) {
      console.log(`${e.id}  ${e.title}${e.file ? "" : "  (no example yet)"}`);
    }
    return 0;
  }
  let chosen = entries.filter((e) => e.file);
  if (options.ids.length > 0) {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const unknown = options.ids.filter((id) => !byId.get(id)?.file);
    if (unknown.length > 0) {
      console.error(`demo: no example for ${unknown.join(", ")} (see --list)`);
      return 2;
    }
    chosen = options.ids.map((id) => byId.get(id)!);
  }
  console.log(
    `pyconc seed tour: ${chosen.length} example${chosen.length === 1 ? "" : "s"}, ` +
      `time scale ${options.scale} (PYCONC_TIME_SCALE)\n`,
  );
  // Run a few at a time; print each one whole, in tour order.
  let next = 0;
  const slots: Promise<void>[] = [];
  const results = new Array<Outcome | undefined>(chosen.length);
  const waiters = new Map<number, () => void>();
  const worker = async () => {
    while (next < chosen.length) {
      const i = next++;
      results[i] = await runOne(chosen[i], options.scale);
      waiters.get(i)?.();
    }
  };
  for (let j = 0; j < options.jobs; j++) slots.push(worker());
  let failed = 0;
  const started = performance.now();
  for (let i = 0; i < chosen.length; i++) {
    if (!results[i]) await new Promise<void>((resolve) => waiters.set(i, resolve));
    const entry = chosen[i];
    const outcome = results[i]!;
    console.log(banner(entry));
    process.stdout.write(
      outcome.output.endsWith("\n") || outcome.output === ""
        ? outcome.output
        : outcome.output + "\n",
    );
    if (outcome.code !== 0) {
      failed++;
      console.log(`!! ${entry.id} ${outcome.error ?? `exited with code ${outcome.code}`}`);
    }
    console.log();
  }
  await Promise.all(slots);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`tour done: ${chosen.length} examples in ${seconds} s, ${failed} with errors`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
