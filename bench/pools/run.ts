/**
 * The pools benchmark: pyconc's worker pools and cross-worker queue against
 * piscina, tinypool, workerpool, poolifier, raw `postMessage`, and CPython's
 * `multiprocessing.Pool` / `ProcessPoolExecutor` / `multiprocessing.Queue`,
 * side by side in one run on one machine. Every pool has 2 workers.
 *
 *     npx deno run -A bench/pools/run.ts            # full sizes: results + README section
 *     npx deno run -A bench/pools/run.ts --quick    # small sizes (writes bench/.cache/)
 *
 * Workloads:
 * - `calls`: N tiny tasks (`a + b`), one call each (`submit` / `applyAsync` /
 *   `run` / `exec` / `execute`; raw postMessage with 1 and 64 messages in
 *   flight per worker);
 * - `map`: N items through `map` with the default chunking;
 * - `primes`: the seeds' `is_prime` over PRIMES (6 numbers), sequential and
 *   in a 2-process pool; `batch64`: 64 such tasks (pyconc only: CPython
 *   needs about 20 s per run there);
 * - `queue`: N small items (numbers) from a worker to the main thread through
 *   a queue (`multiprocessing.Queue`, a postMessage stream).
 *
 * Each subject runs in its own process (child_pyconc.ts on Deno;
 * child_anchors.mjs on Deno and Node; python_pools.py under `python3` when
 * installed). Options: `--quick`, `--runs=N` (default 3), `--warmup=N`
 * (default 1), `--only=calls,map,…`, `--no-node`, `--no-python`,
 * `--report-only` (rewrite README's section from bench/results/pools.json).
 *
 * @module
 */

import { flag, option, repoRoot } from "../_lib/cli.ts";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { availableParallelism, loadavg } from "node:os";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { median } from "../_lib/stats.ts";
import { tryOutput } from "../_lib/process.ts";
import { spawn } from "node:child_process";
import {
  formatMarkdown,
  formatMs,
  formatRatio,
  markdownTable,
  replaceSection,
  type Row,
  writeResults,
} from "../_lib/results.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = repoRoot;

const quick = flag("quick");
const runs = Number(option("runs") ?? (quick ? 1 : 3));
const warmup = Number(option("warmup") ?? (quick ? 0 : 1));
const only = option("only")?.split(",");
const SIZES: Record<string, number> = quick
  ? { calls: 5_000, map: 5_000, primes: 1, batch64: 1, queue: 20_000 }
  : { calls: 100_000, map: 100_000, primes: 1, batch64: 1, queue: 200_000 };

const WORKLOADS: Record<string, string> = {
  calls: `calls: ${SIZES.calls / 1000}k tiny tasks, one call each`,
  map: `map: ${SIZES.map / 1000}k items, default chunking`,
  primes: "is_prime over PRIMES (6 numbers)",
  batch64: "is_prime batch: 64 tasks",
  queue: `queue: ${SIZES.queue / 1000}k numbers, worker → main`,
};

type Kind = "pyconc" | "anchor" | "python";
interface Subject {
  workload: string;
  subject: string;
  kind: Kind;
}

const subjects: Subject[] = [
  ...["pyconc ThreadPoolExecutor.submit", "pyconc Pool.applyAsync"].map((s) => ({
    workload: "calls",
    subject: s,
    kind: "pyconc" as Kind,
  })),
  ...["piscina", "tinypool", "workerpool", "poolifier", "postMessage 1", "postMessage 64"].map((
    s,
  ) => ({ workload: "calls", subject: s, kind: "anchor" as Kind })),
  ...["cpython ProcessPoolExecutor.submit", "cpython Pool.apply_async"].map((s) => ({
    workload: "calls",
    subject: s,
    kind: "python" as Kind,
  })),
  { workload: "map", subject: "pyconc Pool.map", kind: "pyconc" },
  { workload: "map", subject: "pyconc ProcessPoolExecutor.map", kind: "pyconc" },
  { workload: "map", subject: "cpython Pool.map", kind: "python" },
  ...["primes", "batch64"].flatMap((w) => [
    { workload: w, subject: "pyconc sequential", kind: "pyconc" as Kind },
    { workload: w, subject: "pyconc ProcessPoolExecutor", kind: "pyconc" as Kind },
  ]),
  // CPython takes about 20 s per run on the 64-task batch: PRIMES only.
  { workload: "primes", subject: "cpython sequential", kind: "python" },
  { workload: "primes", subject: "cpython ProcessPoolExecutor", kind: "python" },
  { workload: "queue", subject: "pyconc multiprocessing.Queue", kind: "pyconc" },
  { workload: "queue", subject: "postMessage stream", kind: "anchor" },
  { workload: "queue", subject: "cpython multiprocessing.Queue", kind: "python" },
];

const denoVersion = `deno ${
  (globalThis as { Deno?: { version: { deno: string } } }).Deno?.version
    .deno
}`;
const nodeVersion = flag("no-node") ? undefined : await tryOutput("node", ["--version"]);
const pythonVersion = flag("no-python")
  ? undefined
  : (await tryOutput("python3", ["--version"]))?.replace(/^Python /, "");

const resultsPath = join(root, "bench", "results", "pools.json");
const CHILD_TIMEOUT_MS = quick ? 120_000 : 300_000;

/** Runs a child, returns the JSON of its last stdout line; kills it after the timeout. */
function runChild(command: string, argv: string[]): Promise<{ runs_ms: number[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (c: string) => out += c);
    child.stderr.on("data", (c: string) => err += c);
    const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (signal === "SIGKILL") {
        return reject(new Error(`no result within ${CHILD_TIMEOUT_MS / 1000} s`));
      }
      if (code !== 0) return reject(new Error(`exit ${code}: ${err.trim().split("\n").at(-1)}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? ""));
      } catch {
        reject(new Error(`no JSON line: ${out.slice(-200)}`));
      }
    });
  });
}

const failures: string[] = [];
/** The 1-minute load average before each measured subject (the machine is shared). */
const loads: number[] = [];

async function measureAll(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const s of subjects) {
    if (only && !only.includes(s.workload)) continue;
    const n = String(SIZES[s.workload]);
    const common = [s.subject, s.workload, n, String(runs), String(warmup)];
    const targets: { runtime: string; command: string; argv: string[] }[] = [];
    if (s.kind === "pyconc") {
      targets.push({
        runtime: denoVersion,
        command: process.execPath,
        argv: ["run", "-A", join(here, "child_pyconc.ts"), ...common],
      });
    } else if (s.kind === "anchor") {
      if (s.subject === "tinypool") {
        // Measured: tinypool 2.2 never answers on Deno 2.9 (a 2000-call run
        // made no progress in 30 s); it runs on Node only.
        failures.push(`tinypool on ${denoVersion}: hangs (no answer), skipped`);
      } else {
        targets.push({
          runtime: denoVersion,
          command: process.execPath,
          argv: ["run", "-A", join(here, "child_anchors.mjs"), ...common],
        });
      }
      if (nodeVersion) {
        targets.push({
          runtime: `node ${nodeVersion.replace(/^v/, "")}`,
          command: "node",
          argv: [join(here, "child_anchors.mjs"), ...common],
        });
      }
    } else if (pythonVersion) {
      targets.push({
        runtime: `python ${pythonVersion}`,
        command: "python3",
        argv: [join(here, "python_pools.py"), ...common],
      });
    }
    for (const t of targets) {
      loads.push(loadavg()[0]);
      process.stderr.write(`${s.workload.padEnd(8)} ${s.subject} (${t.runtime}) … `);
      try {
        const { runs_ms } = await runChild(t.command, t.argv);
        const row: Row = {
          workload: WORKLOADS[s.workload],
          subject: s.subject,
          runtime: t.runtime,
          median_ms: Number(median(runs_ms).toFixed(3)),
          runs_ms: runs_ms.map((x) => Number(x.toFixed(3))),
        };
        rows.push(row);
        process.stderr.write(`${formatMs(row.median_ms)} ms\n`);
      } catch (error) {
        const why = (error as Error).message.split("\n")[0];
        process.stderr.write(`failed: ${why}\n`);
        failures.push(`${s.subject} on ${t.runtime}: ${why}`);
      }
    }
  }
  return rows;
}

function find(rows: Row[], workload: string, subject: string, runtime?: string): Row | undefined {
  return rows.find((r) =>
    r.workload === WORKLOADS[workload] && r.subject === subject &&
    (runtime === undefined || r.runtime === runtime)
  );
}

/** What the report says of the machine's load during the run. */
function loadNote(load: { min: number; max: number } | undefined, cores: number): string {
  if (!load) return "The load on the machine was not recorded for this run";
  return `The 1-minute load average was ${load.min.toFixed(1)}–${load.max.toFixed(1)} on its ` +
    `${cores} cores during the run (the machine is shared${
      load.max > cores ? ", and was busy" : ""
    })`;
}

function report(rows: Row[], date: string, load?: { min: number; max: number }): string {
  const cores = availableParallelism();
  const measured = rows[0]?.runs_ms?.length ?? runs;
  const parts: string[] = [];
  parts.push(
    `Pools (\`bench/pools\`, ${date.slice(0, 10)}, ${cores} cores, every pool 2 workers, ` +
      `${measured === 1 ? "one measured run" : `median of ${measured} runs`} per cell; ` +
      "ratio = the subject's time / pyconc's, so above 1× means pyconc is faster). " +
      `${loadNote(load, cores)}: treat these as rough numbers, and compare ratios. ` +
      "Targets: per call ≥ 3× piscina, map ≥ CPython's chunked " +
      "`Pool.map`, queue ≥ 10× CPython's `multiprocessing.Queue`, CPU-bound speedup ≥ 0.9 × cores.",
  );
  const table = (workload: string, ours: string) => {
    const base = find(rows, workload, ours);
    if (!base) return;
    const body = rows.filter((r) => r.workload === WORKLOADS[workload]).map((r) => [
      r.subject,
      r.runtime,
      formatMs(r.median_ms),
      r === base ? "—" : formatRatio(r.median_ms / base.median_ms),
    ]);
    parts.push(`**${WORKLOADS[workload]}** (against ${ours})`);
    parts.push(markdownTable(["subject", "runtime", "median ms", "ratio"], body));
  };
  table("calls", "pyconc ThreadPoolExecutor.submit");
  table("map", "pyconc Pool.map");
  table("queue", "pyconc multiprocessing.Queue");
  const speedups: string[][] = [];
  for (const w of ["primes", "batch64"]) {
    for (const who of ["pyconc", "cpython"]) {
      const seq = find(rows, w, `${who} sequential`);
      const pool = find(rows, w, `${who} ProcessPoolExecutor`);
      if (!seq || !pool) continue;
      speedups.push([
        WORKLOADS[w],
        who,
        formatMs(seq.median_ms),
        formatMs(pool.median_ms),
        formatRatio(seq.median_ms / pool.median_ms),
      ]);
    }
  }
  if (speedups.length) {
    parts.push(
      `**CPU-bound speedup** (sequential / 2-process pool; this machine has ${cores} cores, ` +
        "so the ceiling is 2×, and other jobs shared the cores during the run)",
    );
    parts.push(
      markdownTable(["workload", "who", "sequential ms", "pool ms", "speedup"], speedups),
    );
  }
  if (failures.length) parts.push(`Not measured: ${failures.join("; ")}.`);
  return parts.join("\n\n");
}

if (flag("report-only")) {
  const saved = JSON.parse(readFileSync(resultsPath, "utf8"));
  failures.push(...(saved.notMeasured ?? []));
  replaceSection(
    join(root, "README.md"),
    "bench:pools",
    formatMarkdown(report(saved.rows, saved.date, saved.load_avg)),
  );
} else {
  const rows = await measureAll();
  const date = new Date().toISOString();
  const load = loads.length ? { min: Math.min(...loads), max: Math.max(...loads) } : undefined;
  const results = {
    suite: "pools",
    date,
    quick,
    runs,
    warmup,
    workers: 2,
    cores: availableParallelism(),
    notMeasured: failures,
    load_avg: load,
    rows,
  };
  if (quick || only) {
    const cache = join(root, "bench", ".cache");
    if (!existsSync(cache)) mkdirSync(cache, { recursive: true });
    writeResults(join(cache, "pools-quick.json"), results);
    console.log(report(rows, date, load));
  } else {
    writeResults(resultsPath, results);
    replaceSection(
      join(root, "README.md"),
      "bench:pools",
      formatMarkdown(report(rows, date, load)),
    );
    console.log(report(rows, date, load));
  }
}
