/**
 * The workers benchmark: pyconc's threads and shared-memory primitives
 * against a raw Worker, a raw `Atomics` mutex, the `multithreading` npm
 * package and CPython, side by side in one run on one machine.
 *
 *     npx deno run -A bench/workers/run.ts            # full sizes: results + README
 *     npx deno run -A bench/workers/run.ts --quick    # smoke run (bench/.cache/)
 *
 * Workloads:
 * - start → first result: `new Thread({ target }).start()` (and `Process`)
 *   until the target has run and the parent sees it (an `Event` it sets),
 *   against a raw `node:worker_threads` Worker posting one message (same
 *   runtime), and CPython's `multiprocessing` with the spawn start method;
 * - Lock uncontended: N acquire+release inside one worker (pyconc `Lock`
 *   with `acquire()/release()` and with `using`, a raw `Atomics` futex mutex,
 *   `multithreading`'s `Mutex.blockingLock()`), CPython's `threading.Lock`;
 * - Lock contended: two workers, N each, incrementing a shared counter;
 * - Event wake-up: ping-pong between two workers (set → the other wakes →
 *   sets back), pyconc `Event` against raw `Atomics.wait`/`notify` and CPython
 *   `threading.Event` between two threads (`multithreading` has no Event).
 *
 * Options: `--quick`, `--runs=N` (default 7), `--no-python`.
 *
 * @module
 */

import { mkdirSync } from "node:fs";
import { Worker } from "node:worker_threads";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
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
import { Event } from "../../lib/threading/event.ts";
import { Thread } from "../../lib/threading/thread.ts";
import { Process } from "../../lib/multiprocessing/process.ts";
import * as bodies from "./bodies.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const runsArg = args.find((a) => a.startsWith("--runs="));
const RUNS = runsArg ? Number(runsArg.slice(7)) : quick ? 3 : 7;
const N_UNCONTENDED = quick ? 100_000 : 1_000_000;
const N_CONTENDED = quick ? 20_000 : 200_000;
const ROUNDS = quick ? 1000 : 10_000;
const runtime = `deno ${process.versions.deno}`;

const W_START = "start → first result";
const W_UNCONTENDED = `Lock uncontended: ${N_UNCONTENDED} acquire+release`;
const W_CONTENDED = `Lock contended: 2 workers × ${N_CONTENDED}`;
const W_EVENT = `Event wake-up: ${ROUNDS} ping-pong round trips`;

const rows: Row[] = [];
function record(workload: string, subject: string, values: number[], rt = runtime): void {
  rows.push({ workload, subject, runtime: rt, median_ms: median(values), runs_ms: values });
  process.stderr.write(`${workload} | ${subject}: ${formatMs(median(values))} ms\n`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function times(n: number, once: () => Promise<number>): Promise<number[]> {
  await once(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await once());
  return out;
}

// --- start → first result --------------------------------------------------

for (const [subject, Cls] of [["pyconc Thread", Thread], ["pyconc Process", Process]] as const) {
  record(
    W_START,
    subject,
    await times(RUNS, async () => {
      const ready = new Event();
      const t0 = performance.now();
      const task = new Cls({ target: bodies.ping, args: [ready], module: bodies.here });
      task.start();
      await ready.waitAsync();
      const elapsed = performance.now() - t0;
      await task.join();
      return elapsed;
    }),
  );
}

const rawWorkerUrl = new URL("./raw_worker.ts", import.meta.url);
record(
  W_START,
  "raw Worker",
  await times(RUNS, async () => {
    const t0 = performance.now();
    const worker = new Worker(rawWorkerUrl);
    await new Promise((resolve) => worker.once("message", resolve));
    const elapsed = performance.now() - t0;
    await worker.terminate();
    return elapsed;
  }),
);

// --- locks -----------------------------------------------------------------

const subjects: bodies.LockSubject[] = ["pyconc", "pyconc-using", "raw-atomics", "multithreading"];
const subjectName = (s: bodies.LockSubject) =>
  s === "pyconc" ? "pyconc" : s === "pyconc-using" ? "pyconc (using)" : s;

for (const subject of subjects) {
  record(
    W_UNCONTENDED,
    subjectName(subject),
    await times(RUNS, async () => {
      const out = new Float64Array(new SharedArrayBuffer(8));
      const go = new Event();
      go.set();
      const t = new Thread({
        target: bodies.lockBench,
        args: [subject, N_UNCONTENDED, bodies.makeLock(subject), go, out, 0],
        module: bodies.here,
      });
      t.start();
      await t.join();
      return out[0];
    }),
  );
}

for (const subject of subjects) {
  record(
    W_CONTENDED,
    subjectName(subject),
    await times(RUNS, async () => {
      const out = new Float64Array(new SharedArrayBuffer(16));
      const counter = new Int32Array(new SharedArrayBuffer(4));
      const go = new Event();
      const lock = bodies.makeLock(subject);
      const threads = [0, 1].map((slot) =>
        new Thread({
          target: bodies.lockBench,
          args: [subject, N_CONTENDED, lock, go, out, slot, counter],
          module: bodies.here,
        })
      );
      for (const t of threads) t.start();
      await sleep(quick ? 100 : 300); // both started and warmed up
      go.set();
      for (const t of threads) await t.join();
      if (counter[0] !== 2 * N_CONTENDED) {
        throw new Error(`${subject}: the counter is ${counter[0]}, not ${2 * N_CONTENDED}`);
      }
      return Math.max(out[0], out[1]);
    }),
  );
}

// --- event wake-up -----------------------------------------------------------

for (const subject of ["pyconc", "raw-atomics"] as const) {
  record(
    W_EVENT,
    subject,
    await times(RUNS, async () => {
      const out = new Float64Array(new SharedArrayBuffer(16));
      const go = new Event();
      const pair = subject === "pyconc"
        ? [new Event(), new Event()]
        : [new Int32Array(new SharedArrayBuffer(8))];
      const threads = ([0, 1] as const).map((side) =>
        new Thread({
          target: subject === "pyconc" ? bodies.eventPingPong : bodies.rawPingPong,
          args: [side, ROUNDS, ...pair, go, out],
          module: bodies.here,
        })
      );
      for (const t of threads) t.start();
      await sleep(quick ? 100 : 300);
      go.set();
      for (const t of threads) await t.join();
      return Math.max(out[0], out[1]);
    }),
  );
}

// --- CPython -------------------------------------------------------------------

let pythonRuntime: string | undefined;
if (!args.includes("--no-python") && await tryOutput("python3", ["--version"])) {
  const py = await runJson<{ runtime: string; rows: { workload: string; runs_ms: number[] }[] }>(
    "python3",
    [join(here, "python_workers.py"), ...(quick ? ["--quick"] : [])],
  );
  pythonRuntime = py.runtime;
  const names = [W_START, W_UNCONTENDED, W_EVENT];
  py.rows.forEach((row, i) => {
    const subject = i === 0 ? "CPython multiprocessing (spawn)" : "CPython threading";
    record(names[i], subject, row.runs_ms, py.runtime);
  });
}

// --- results ---------------------------------------------------------------------

const date = new Date().toISOString().slice(0, 10);
const results = { suite: "workers", date, rows };
if (quick || runsArg) {
  mkdirSync(join(root, "bench", ".cache"), { recursive: true });
  writeResults(join(root, "bench", ".cache", "workers-quick.json"), results);
  process.stderr.write("quick run: wrote bench/.cache/workers-quick.json\n");
} else {
  writeResults(join(root, "bench", "results", "workers.json"), results);
  replaceSection(join(root, "README.md"), "bench:workers", report());
  process.stderr.write("wrote bench/results/workers.json and README's bench:workers section\n");
}

function cell(workload: string, subject: string): number | undefined {
  return rows.find((r) => r.workload === workload && r.subject === subject)?.median_ms;
}

function report(): string {
  const body: string[][] = [];
  const line = (workload: string, ours: string, anchors: string[]) => {
    const mine = cell(workload, ours);
    if (mine === undefined) return;
    const others = anchors
      .map((a) => [a, cell(workload, a)] as const)
      .filter(([, v]) => v !== undefined)
      .map(([a, v]) => `${a} ${formatMs(v!)} ms (${formatRatio(v! / mine)})`);
    body.push([workload, ours, formatMs(mine), others.join("; ")]);
  };
  line(W_START, "pyconc Thread", ["raw Worker", "CPython multiprocessing (spawn)"]);
  line(W_START, "pyconc Process", ["raw Worker", "CPython multiprocessing (spawn)"]);
  for (const ours of ["pyconc", "pyconc (using)"]) {
    line(W_UNCONTENDED, ours, ["raw-atomics", "multithreading", "CPython threading"]);
  }
  line(W_CONTENDED, "pyconc", ["raw-atomics", "multithreading"]);
  line(W_EVENT, "pyconc", ["raw-atomics", "CPython threading"]);
  const table = markdownTable(["workload", "subject", "ms", "anchors: ms (anchor ÷ pyconc)"], body);
  const text = `### workers

Medians of ${RUNS} runs (after 1 warm-up) in one run on one machine, ${date}: ${runtime}${
    pythonRuntime ? `, ${pythonRuntime}` : ""
  }. A ratio is the anchor's time divided by pyconc's: above 1× pyconc is faster. Targets: start ≤
1.3× a raw Worker (ratio ≥ 0.77×); uncontended Lock within 2× the raw Atomics loop (ratio ≥ 0.5×).

${table}

- Loops run inside workers (\`bench/workers/bodies.ts\`) and time themselves, so worker start-up is
  left out of the lock and event rows. "raw-atomics" is a futex mutex (Drepper's) written inline;
  \`multithreading\` is the npm package (\`Mutex.blockingLock()\`); CPython runs
  \`python_workers.py\` (threads for Lock and Event, \`multiprocessing\` spawn for start-up). Raw
  medians: \`bench/results/workers.json\`.
`;
  return formatMarkdown(text);
}
