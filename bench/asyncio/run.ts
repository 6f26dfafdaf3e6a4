/**
 * The asyncio benchmark: pyconc against CPython's asyncio and the JavaScript
 * anchors, side by side in one run on one machine.
 *
 *     npx deno run -A bench/asyncio/run.ts            # full sizes, writes results + README
 *     npx deno run -A bench/asyncio/run.ts --quick    # small sizes, smoke run (writes bench/.cache/)
 *
 * Subjects (each in its own process, see child.ts):
 * - `pyconc` on Deno, and on Node against the npm build in npm/ (built with
 *   scripts/build_npm.ts when missing, copied to bench/.cache/npm/ so that a
 *   rebuild elsewhere cannot change it mid-run; skipped with a note if there
 *   is none);
 * - `pyconc-async-context-off`: pyconc with `PYCONC_ASYNC_CONTEXT=off`, to
 *   measure what tracking the current task in async context costs;
 * - `cpython-asyncio`: python_asyncio.py under `python3`, when installed;
 * - `async-mutex` (lock rows), `async-channel` (queue rows), `raw-promises`
 *   (tasks, queues with a hand-written promise queue, event) on Deno and Node;
 * - `raw-promises+AsyncLocalStorage` (tasks row): what tracking the current
 *   task in async context costs by itself on each runtime.
 *
 * Options: `--quick`, `--runs=N` (default 5), `--warmup=N` (default 1),
 * `--only=id,id` (workload ids), `--subjects=a,b` (JavaScript subjects), `--no-node`,
 * `--no-python`, `--no-build`, `--report-only` (rewrite README's section from
 * bench/results/asyncio.json without measuring). A quick or partial run writes
 * bench/.cache/asyncio-quick.json and leaves bench/results and README alone.
 *
 * @module
 */

import { flag, option, repoRoot } from "../_lib/cli.ts";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { availableParallelism } from "node:os";
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
import {
  FULL,
  QUICK,
  type Sizes,
  WORKLOAD_IDS,
  type WorkloadId,
  workloadName,
} from "./workloads.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = repoRoot;

const quick = flag("quick");
const sizes: Sizes = quick ? QUICK : FULL;
const runs = Number(option("runs") ?? 5);
const warmup = Number(option("warmup") ?? 1);
const only = option("only");
const common = [
  `--sizes=${JSON.stringify(sizes)}`,
  `--runs=${runs}`,
  `--warmup=${warmup}`,
  ...(only ? [`--only=${only}`] : []),
];

const ALL_JS_SUBJECTS = [
  "pyconc",
  "pyconc-async-context-off",
  "raw-promises",
  "raw-promises+AsyncLocalStorage",
  "async-mutex",
  "async-channel",
];
const JS_SUBJECTS = option("subjects")?.split(",") ?? ALL_JS_SUBJECTS;

interface ChildResult {
  runtime: string;
  subject: string;
  results: Record<string, number[]>;
}

function log(line: string): void {
  process.stderr.write(line + "\n");
}

/** `pyconc-async-context-off` is pyconc with `PYCONC_ASYNC_CONTEXT=off` (no AsyncLocalStorage). */
function envFor(subject: string): Record<string, string> {
  return subject === "pyconc-async-context-off" ? { PYCONC_ASYNC_CONTEXT: "off" } : {};
}

async function measureAll(): Promise<{ children: ChildResult[]; notes: string[] }> {
  const notes: string[] = [];
  const children: ChildResult[] = [];

  log(`asyncio bench (${quick ? "quick" : "full"} sizes, ${runs} runs + ${warmup} warm-up)`);
  for (const subject of JS_SUBJECTS) {
    children.push(
      await runJson<ChildResult>(process.execPath, [
        "run",
        "-A",
        join(here, "child.ts"),
        `--subject=${subject}`,
        ...common,
      ], { cwd: root, env: envFor(subject) }),
    );
  }

  // --- Node -------------------------------------------------------------------

  /** Transpiles the child and what it imports into bench/.cache/node/ for Node. */
  function transpileForNode(): string {
    const outRoot = join(root, "bench", ".cache", "node");
    for (const rel of ["_lib/stats.ts", "asyncio/workloads.ts", "asyncio/child.ts"]) {
      const source = readFileSync(join(root, "bench", rel), "utf8");
      const { outputText } = ts.transpileModule(source, {
        fileName: rel,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          rewriteRelativeImportExtensions: true,
        },
      });
      const out = join(outRoot, rel.replace(/\.ts$/, ".js"));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, outputText);
    }
    return join(outRoot, "asyncio", "child.js");
  }

  /** The ESM entry of an npm build directory, if it has one. */
  function entryOf(dir: string): string | undefined {
    const manifest = join(dir, "package.json");
    if (!existsSync(manifest)) return undefined;
    const pkg = JSON.parse(readFileSync(manifest, "utf8"));
    const exp = pkg.exports?.["."];
    const entry = typeof exp === "string"
      ? exp
      : exp?.import?.default ?? exp?.import ?? exp?.default ?? pkg.module ?? pkg.main;
    if (typeof entry !== "string") return undefined;
    const path = join(dir, entry);
    return existsSync(path) ? path : undefined;
  }

  /**
   * A private snapshot of the npm build (npm/ is shared: a build or a Node test
   * run elsewhere may be rewriting it), built first when npm/ is missing.
   * Returns the snapshot's ESM entry once Node can import it.
   */
  async function npmEntry(): Promise<string | undefined> {
    const npmDir = join(root, "npm");
    const snapshot = join(root, "bench", ".cache", "npm");
    for (let attempt = 0; attempt < 4; attempt++) {
      if (!entryOf(npmDir) && attempt === 0 && !flag("no-build")) {
        log("npm/ is missing: building it (scripts/build_npm.ts)");
        const built = await tryOutput(process.execPath, [
          "run",
          "-A",
          join(root, "scripts", "build_npm.ts"),
        ]);
        if (built === undefined) log("the npm build failed");
      }
      if (entryOf(npmDir)) {
        rmSync(snapshot, { recursive: true, force: true });
        try {
          cpSync(npmDir, snapshot, { recursive: true });
        } catch {
          // npm/ changed while it was copied: try again.
        }
        const entry = entryOf(snapshot);
        const url = entry && pathToFileURL(entry).href;
        if (
          url &&
          await tryOutput("node", [
              "--input-type=module",
              "-e",
              `await import(${JSON.stringify(url)})`,
            ]) !==
            undefined
        ) {
          return entry;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
    return undefined;
  }

  const nodeVersion = flag("no-node") ? undefined : await tryOutput("node", ["--version"]);
  if (nodeVersion) {
    const child = transpileForNode();
    const entry = await npmEntry();
    if (!entry) {
      notes.push(
        "pyconc on Node was not measured: no npm build (`npx deno task build:npm`) was available.",
      );
    }
    for (const subject of JS_SUBJECTS) {
      const ours = subject.startsWith("pyconc");
      if (ours && !entry) continue;
      children.push(
        await runJson<ChildResult>("node", [
          child,
          `--subject=${subject}`,
          ...(ours ? [`--pyconc=${pathToFileURL(entry!).href}`] : []),
          ...common,
        ], { cwd: root, env: envFor(subject) }),
      );
    }
  } else {
    notes.push("Node was not measured (`node` not found or `--no-node`).");
  }

  // --- CPython ----------------------------------------------------------------

  const python = flag("no-python") ? undefined : await tryOutput("python3", ["--version"]);
  if (python) {
    children.push(
      await runJson<ChildResult>("python3", [join(here, "python_asyncio.py"), ...common], {
        cwd: root,
      }),
    );
  } else {
    notes.push("CPython was not measured (`python3` not found or `--no-python`).");
  }

  return { children, notes };
}

// --- Results ----------------------------------------------------------------

const resultsPath = join(root, "bench", "results", "asyncio.json");

/** Rows from fresh measurements, or (`--report-only`) from bench/results/asyncio.json. */
async function collect(): Promise<{ rows: Row[]; notes: string[]; date: string }> {
  if (flag("report-only")) {
    const saved = JSON.parse(readFileSync(resultsPath, "utf8"));
    return { rows: saved.rows, notes: saved.notes ?? [], date: saved.date };
  }
  const { children, notes } = await measureAll();
  const rows: Row[] = [];
  for (const child of children) {
    for (const id of WORKLOAD_IDS) {
      const times = child.results[id];
      if (!times) continue;
      rows.push({
        workload: workloadName(id, sizes),
        subject: child.subject,
        runtime: child.runtime,
        median_ms: Number(median(times).toFixed(3)),
        runs_ms: times.map((t) => Number(t.toFixed(3))),
      });
    }
  }
  return { rows, notes, date: new Date().toISOString() };
}

const { rows, notes, date } = await collect();
const runtimes = [...new Set(rows.map((r) => r.runtime))];
const denoRt = runtimes.find((r) => r.startsWith("deno"));
const nodeRt = runtimes.find((r) => r.startsWith("node"));
const pythonRt = runtimes.find((r) => r.startsWith("python"));

function cell(id: WorkloadId, subject: string, runtime: string | undefined): number | undefined {
  if (!runtime) return undefined;
  return rows.find((r) =>
    r.workload === workloadName(id, sizes) && r.subject === subject && r.runtime === runtime
  )?.median_ms;
}

/** Tracking the current task in async context, per runtime (tasks workload). */
const contextTracking = [denoRt, nodeRt].filter((r): r is string => !!r).map((runtime) => {
  const raw = cell("tasks", "raw-promises", runtime);
  const als = cell("tasks", "raw-promises+AsyncLocalStorage", runtime);
  const ours = cell("tasks", "pyconc", runtime);
  const oursOff = cell("tasks", "pyconc-async-context-off", runtime);
  const perTask = (ms: number | undefined) =>
    ms === undefined || raw === undefined
      ? undefined
      : Number((((ms - raw) * 1e6) / sizes.tasks).toFixed(0));
  const queueRaw = cell("queue_unbounded", "raw-promises", runtime);
  const queueAls = cell("queue_unbounded", "raw-promises+AsyncLocalStorage", runtime);
  return {
    runtime,
    tasks: sizes.tasks,
    queue_items: sizes.queue,
    queue_raw_promises_ms: queueRaw,
    queue_async_local_storage_ms: queueAls,
    raw_promises_ms: raw,
    async_local_storage_ms: als,
    async_local_storage_extra_ns_per_task: perTask(als),
    pyconc_ms: ours,
    pyconc_extra_ns_per_task: perTask(ours),
    pyconc_async_context_off_ms: oursOff,
    pyconc_tracking_ns_per_task: ours === undefined || oursOff === undefined
      ? undefined
      : Number((((ours - oursOff) * 1e6) / sizes.tasks).toFixed(0)),
  };
});

const ANCHOR: Record<WorkloadId, string | undefined> = {
  tasks: undefined,
  queue_unbounded: "async-channel",
  queue_bounded: "async-channel",
  lock_uncontended: "async-mutex",
  lock_contended: "async-mutex",
  event: undefined,
};

const ms = (x: number | undefined) => (x === undefined ? "–" : formatMs(x));
const ratio = (anchor: number | undefined, ours: number | undefined) =>
  anchor === undefined || ours === undefined ? "–" : formatRatio(anchor / ours);
const pair = (a: string, b: string) => (nodeRt ? `${a} / ${b}` : a);

const body = WORKLOAD_IDS.filter((id) => rows.some((r) => r.workload === workloadName(id, sizes)))
  .map((id) => {
    const ours = [cell(id, "pyconc", denoRt), cell(id, "pyconc", nodeRt)];
    const cpython = cell(id, "cpython-asyncio", pythonRt);
    const anchor = ANCHOR[id];
    return [
      workloadName(id, sizes),
      pair(ms(ours[0]), ms(ours[1])),
      ms(cpython),
      pair(ratio(cpython, ours[0]), ratio(cpython, ours[1])),
      anchor
        ? `${anchor} ${
          pair(ratio(cell(id, anchor, denoRt), ours[0]), ratio(cell(id, anchor, nodeRt), ours[1]))
        }`
        : "–",
      pair(
        ratio(cell(id, "raw-promises", denoRt), ours[0]),
        ratio(cell(id, "raw-promises", nodeRt), ours[1]),
      ),
    ];
  });

const rt = nodeRt ? "Deno / Node" : "Deno";
const table = markdownTable([
  "workload",
  `pyconc ms (${rt})`,
  "CPython ms",
  `× CPython`,
  `× JS library`,
  `× raw promises`,
], body);

const trackingTable = markdownTable(
  [
    "runtime",
    `${sizes.tasks / 1000}k async fns`,
    "each in `AsyncLocalStorage.run`",
    "pyconc tasks",
    "pyconc, `PYCONC_ASYNC_CONTEXT=off`",
    `raw queue ${workloadName("queue_unbounded", sizes).replace("queue: ", "")}`,
    "the same, AsyncLocalStorage active",
  ],
  contextTracking.map((c) => [
    c.runtime,
    ms(c.raw_promises_ms),
    ms(c.async_local_storage_ms),
    ms(c.pyconc_ms),
    ms(c.pyconc_async_context_off_ms),
    ms(c.queue_raw_promises_ms),
    ms(c.queue_async_local_storage_ms),
  ]),
);

const trackingLines = contextTracking.map((c) =>
  `- ${c.runtime}: \`AsyncLocalStorage.run\` adds ${
    c.async_local_storage_extra_ns_per_task ?? "–"
  } ns per async function; tracking adds ${
    c.pyconc_tracking_ns_per_task ?? "–"
  } ns per pyconc task (tracking on − off).`
);

const markdown = [
  `Medians of ${runs} runs (after ${warmup} warm-up) in one run on one ` +
  `${availableParallelism()}-core machine, ${date.slice(0, 10)}: ` +
  `${runtimes.join(", ")}; each subject in its own process. ` +
  "A ratio is the other subject's time divided by pyconc's: above 1× pyconc is faster. " +
  "Targets: ≥ 10× CPython on every row, ≥ 20× async-mutex on Lock.",
  "",
  table,
  "",
  "- Workloads: `bench/asyncio/workloads.ts` (CPython twin: `python_asyncio.py`). In the contended " +
  "Lock row each holder yields one loop turn (`asyncio.sleep(0)`, `setImmediate` for async-mutex). " +
  "The raw-promises queue is a hand-written baseline, not a library. Raw medians: " +
  "`bench/results/asyncio.json`.",
  "",
  "What tracking the current task in async context (`AsyncLocalStorage`) costs, in ms:",
  "",
  trackingTable,
  "",
  ...trackingLines,
  ...(notes.length ? ["", ...notes.map((n) => `- ${n}`)] : []),
].join("\n");

const results = {
  suite: "asyncio",
  date,
  quick,
  sizes,
  runs,
  warmup,
  rows,
  context_tracking: contextTracking,
  notes,
};

if (quick || only || option("subjects")) {
  const path = join(root, "bench", ".cache", "asyncio-quick.json");
  mkdirSync(dirname(path), { recursive: true });
  writeResults(path, results);
  log(`(quick/partial run: wrote ${path}; bench/results and README left alone)`);
} else {
  mkdirSync(dirname(resultsPath), { recursive: true });
  writeResults(resultsPath, results);
  replaceSection(
    join(root, "README.md"),
    "bench:asyncio",
    formatMarkdown("### asyncio\n\n" + markdown),
  );
  log("wrote bench/results/asyncio.json and README's bench:asyncio section");
}
console.log(markdown);
