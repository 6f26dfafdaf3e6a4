/**
 * The workers benchmark: pyconc's threads and shared-memory primitives
 * against a raw Worker, a raw `Atomics` mutex, the `multithreading` npm
 * package and CPython, side by side in one run on one machine.
 *
 *     npx deno run -A bench/workers/run.ts            # full sizes: results + README
 *     npx deno run -A bench/workers/run.ts --quick    # smoke run (bench/.cache/)
 *
 * Workloads (child.ts runs them on Deno, and on Node against a snapshot of
 * the npm build; python_workers.py on CPython):
 * - start → first result: `new Thread({ target }).start()` (and `Process`)
 *   until the target has run and the parent sees it (an `Event` it sets),
 *   against a raw `node:worker_threads` Worker posting one message on the
 *   same runtime, and CPython's `multiprocessing` with the spawn start method;
 * - Lock uncontended: N acquire+release inside one worker (pyconc `Lock`
 *   with `acquire()/release()` and with `using`, a raw `Atomics` futex mutex,
 *   `multithreading`'s `Mutex.blockingLock()`), CPython's `threading.Lock`;
 * - Lock contended: two workers, N each, incrementing a shared counter;
 * - Event wake-up: ping-pong between two workers, pyconc `Event` against raw
 *   `Atomics.wait`/`notify` and CPython's `threading.Event` between two
 *   threads (`multithreading` has no Event).
 *
 * Options: `--quick`, `--no-node`, `--no-python`, `--no-build`.
 *
 * @module
 */

import { flag, repoRoot } from "../_lib/cli.ts";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { median } from "../_lib/stats.ts";
import { runJson, tryOutput } from "../_lib/process.ts";
import {
  formatMarkdown,
  formatMs,
  formatRatio,
  markdownTable,
  replaceSection,
  type Row,
  writeResults,
} from "../_lib/results.ts";
import { FULL, QUICK, workloads } from "./workloads.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = repoRoot;
const quick = flag("quick");
const sizes = quick ? QUICK : FULL;
const childArgs = [
  `--runs=${sizes.runs}`,
  `--uncontended=${sizes.uncontended}`,
  `--contended=${sizes.contended}`,
  `--rounds=${sizes.rounds}`,
  `--settle=${sizes.settle}`,
];
const log = (line: string) => process.stderr.write(`${line}\n`);

interface ChildResult {
  runtime: string;
  notes?: string[];
  rows: { workload: string; subject: string; runs_ms: number[] }[];
}

const rows: Row[] = [];
const notes: string[] = [];
function add(result: ChildResult, rename?: (subject: string, i: number) => string): void {
  notes.push(...(result.notes ?? []));
  result.rows.forEach((r, i) =>
    rows.push({
      workload: r.workload,
      subject: rename ? rename(r.subject, i) : r.subject,
      runtime: result.runtime,
      median_ms: median(r.runs_ms),
      runs_ms: r.runs_ms,
    })
  );
}

// --- Deno --------------------------------------------------------------------

add(
  await runJson<ChildResult>(
    process.execPath,
    ["run", "-A", join(here, "child.ts"), ...childArgs],
    { cwd: root },
  ),
);

// --- Node (against a snapshot of the npm build) ------------------------------

function entryOf(dir: string): string | undefined {
  const path = join(dir, "esm", "mod.js");
  return existsSync(path) ? path : undefined;
}

async function npmSnapshot(): Promise<string | undefined> {
  const npmDir = join(root, "npm");
  const snapshot = join(root, "bench", ".cache", "npm-workers");
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!entryOf(npmDir) && attempt === 0 && !flag("no-build")) {
      log("npm/ is missing: building it (scripts/build_npm.ts)");
      await tryOutput(process.execPath, ["run", "-A", join(root, "scripts", "build_npm.ts")]);
    }
    if (entryOf(npmDir)) {
      rmSync(snapshot, { recursive: true, force: true });
      try {
        cpSync(join(npmDir, "esm"), join(snapshot, "esm"), { recursive: true });
        const entry = entryOf(snapshot);
        const ok = entry && await tryOutput("node", [
          "--input-type=module",
          "-e",
          `await import(${JSON.stringify(pathToFileURL(entry).href)})`,
        ]);
        if (ok !== undefined) return entry;
      } catch {
        // npm/ changed while it was copied: try again.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  return undefined;
}

/** Transpiles child.ts and what it imports for Node, pointing `../../mod.ts` at the snapshot. */
function transpileForNode(entry: string): string {
  const outDir = join(root, "bench", ".cache", "workers-node");
  for (const file of ["child.ts", "bodies.ts", "ping.ts", "workloads.ts", "raw_worker.ts"]) {
    const source = readFileSync(join(here, file), "utf8")
      .replaceAll('"../../mod.ts"', JSON.stringify(pathToFileURL(entry).href))
      .replaceAll('"./raw_worker.ts"', '"./raw_worker.js"');
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        rewriteRelativeImportExtensions: true,
      },
    });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, file.replace(/\.ts$/, ".js")), outputText);
  }
  return join(outDir, "child.js");
}

if (!flag("no-node") && await tryOutput("node", ["--version"])) {
  const entry = await npmSnapshot();
  if (entry) {
    add(await runJson<ChildResult>("node", [transpileForNode(entry), ...childArgs], { cwd: root }));
  } else {
    notes.push("Node was not measured: no npm build could be loaded.");
  }
} else {
  notes.push("Node was not measured (`node` not found or `--no-node`).");
}

// --- CPython -------------------------------------------------------------------

if (!flag("no-python") && await tryOutput("python3", ["--version"])) {
  add(
    await runJson<ChildResult>("python3", [
      join(here, "python_workers.py"),
      ...(quick ? ["--quick"] : []),
    ]),
    (_subject, i) => (i === 0 ? "CPython multiprocessing (spawn)" : "CPython threading"),
  );
} else {
  notes.push("CPython was not measured (`python3` not found or `--no-python`).");
}

// --- results ---------------------------------------------------------------------

const date = new Date().toISOString().slice(0, 10);
const results = { suite: "workers", date, rows, notes };
if (quick) {
  mkdirSync(join(root, "bench", ".cache"), { recursive: true });
  writeResults(join(root, "bench", ".cache", "workers-quick.json"), results);
  log("quick run: wrote bench/.cache/workers-quick.json");
} else {
  writeResults(join(root, "bench", "results", "workers.json"), results);
  replaceSection(join(root, "README.md"), "bench:workers", report());
  log("wrote bench/results/workers.json and README's bench:workers section");
}

function cell(workload: string, subject: string, runtime: string): number | undefined {
  return rows.find((r) => r.workload === workload && r.subject === subject && r.runtime === runtime)
    ?.median_ms;
}

function report(): string {
  const runtimes = [...new Set(rows.map((r) => r.runtime))];
  const js = runtimes.filter((r) => !r.startsWith("python"));
  const python = runtimes.find((r) => r.startsWith("python"));
  const body: string[][] = [];
  const line = (workload: string, ours: string, anchors: string[]) => {
    for (const rt of js) {
      const mine = cell(workload, ours, rt);
      if (mine === undefined) continue;
      const others = anchors.flatMap((a) => {
        const v = cell(workload, a, a.startsWith("CPython") ? python ?? "" : rt);
        return v === undefined ? [] : [`${a} ${formatMs(v)} (${formatRatio(v / mine)})`];
      });
      body.push([workload, `${ours} (${rt.split(" ")[0]})`, formatMs(mine), others.join("; ")]);
    }
  };
  const u = workloads.uncontended(sizes.uncontended);
  line(workloads.start, "pyconc Thread", ["raw Worker", "CPython multiprocessing (spawn)"]);
  line(workloads.start, "pyconc Process", ["raw Worker", "CPython multiprocessing (spawn)"]);
  line(workloads.start, "pyconc Thread, target module imports the package", ["raw Worker"]);
  line(u, "pyconc", ["raw-atomics", "multithreading", "CPython threading"]);
  line(u, "pyconc (using)", ["raw-atomics", "multithreading"]);
  line(workloads.contended(sizes.contended), "pyconc", ["raw-atomics", "multithreading"]);
  line(workloads.event(sizes.rounds), "pyconc", ["raw-atomics", "CPython threading"]);
  const table = markdownTable(["workload", "subject", "ms", "anchors: ms (anchor ÷ pyconc)"], body);
  const text = `### workers

Medians of ${sizes.runs} runs (after 1 warm-up) in one run on one machine, ${date}: ${
    runtimes.join(", ")
  }. A ratio is the anchor's time divided by pyconc's: above 1× pyconc is faster. Targets: start ≤
1.3× a raw Worker (ratio ≥ 0.77×); uncontended Lock within 2× the raw Atomics loop (ratio ≥ 0.5×).

${table}

- Start-up: the target's module imports nothing from pyconc (\`ping.ts\`); in the "imports the
  package" row it imports \`mod.ts\` (every module of pyconc), as a program usually does.
- Loops run inside workers (\`bench/workers/bodies.ts\`) and time themselves, so worker start-up is
  left out of the lock and event rows. "raw-atomics" is a futex mutex (Drepper's) written inline;
  \`multithreading\` is the npm package (\`Mutex.blockingLock()\`, which allocates a guard per lock);
  CPython runs \`python_workers.py\` (threads for Lock and Event, \`multiprocessing\` spawn for
  start-up). \`using _ = lock.acquire()\` costs more than \`acquire()\`/\`release()\` because the
  runtimes' \`using\` machinery runs per block. Raw medians: \`bench/results/workers.json\`.
${notes.map((n) => `- ${n}`).join("\n")}
`;
  return formatMarkdown(text);
}
