/**
 * The JavaScript side of the workers benchmark, run once per runtime (Deno
 * directly; Node transpiled, against a snapshot of the npm build). Prints one
 * JSON line: `{ runtime, rows: [{ workload, subject, runs_ms }] }`.
 *
 *     child.ts --runs=N --uncontended=N --contended=N --rounds=N [--quick]
 *
 * @module
 */

import { Worker } from "node:worker_threads";
import process from "node:process";
import { multiprocessing, threading } from "../../mod.ts";
import * as bodies from "./bodies.ts";
import * as ping from "./ping.ts";
import { workloads } from "./workloads.ts";

const option = (name: string, fallback: number) => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : fallback;
};
const RUNS = option("runs", 7);
const N_UNCONTENDED = option("uncontended", 1_000_000);
const N_CONTENDED = option("contended", 200_000);
const ROUNDS = option("rounds", 10_000);
const SETTLE_MS = option("settle", 300);
const runtime = process.versions.deno
  ? `deno ${process.versions.deno}`
  : `node ${process.versions.node}`;

const rows: { workload: string; subject: string; runs_ms: number[] }[] = [];
const notes: string[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function record(workload: string, subject: string, once: () => Promise<number>) {
  await once(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  rows.push({ workload, subject, runs_ms: runs });
  const sorted = [...runs].sort((a, b) => a - b);
  process.stderr.write(
    `${runtime} | ${workload} | ${subject}: ${sorted[sorted.length >> 1].toFixed(1)} ms\n`,
  );
}

// --- start → first result ---------------------------------------------------

const { Event, Thread } = threading;
const starters = [
  ["pyconc Thread", Thread, ping],
  ["pyconc Process", multiprocessing.Process, ping],
  ["pyconc Thread, target module imports the package", Thread, bodies],
] as const;

async function startOnce(
  Cls: typeof Thread | typeof multiprocessing.Process,
  mod: typeof ping,
): Promise<number> {
  const ready = new Event();
  const t0 = performance.now();
  const task = new Cls({ target: mod.ping, args: [ready], module: mod.here });
  task.start();
  await ready.waitAsync();
  const elapsed = performance.now() - t0;
  await task.join();
  return elapsed;
}

const rawWorkerUrl = new URL("./raw_worker.ts", import.meta.url);
async function rawOnce(): Promise<number> {
  const t0 = performance.now();
  const worker = new Worker(rawWorkerUrl);
  await new Promise((resolve) => worker.once("message", resolve));
  const elapsed = performance.now() - t0;
  await worker.terminate();
  return elapsed;
}

// Round-robin, so that a busy moment of the machine hits every subject alike.
const startRuns = new Map<string, number[]>();
for (let i = 0; i <= RUNS; i++) {
  for (const [subject, Cls, mod] of starters) {
    const ms = await startOnce(Cls, mod);
    if (i > 0) startRuns.set(subject, [...(startRuns.get(subject) ?? []), ms]);
  }
  const ms = await rawOnce();
  if (i > 0) startRuns.set("raw Worker", [...(startRuns.get("raw Worker") ?? []), ms]);
}
for (const [subject, runs] of startRuns) {
  rows.push({ workload: workloads.start, subject, runs_ms: runs });
  const sorted = [...runs].sort((a, b) => a - b);
  process.stderr.write(
    `${runtime} | ${workloads.start} | ${subject}: ${sorted[sorted.length >> 1].toFixed(1)} ms\n`,
  );
}

// --- locks -------------------------------------------------------------------

const subjects: bodies.LockSubject[] = ["pyconc", "pyconc-using", "raw-atomics"];
if (bodies.hasMultithreading) subjects.push("multithreading");
else notes.push(`multithreading does not load on ${runtime} (it reads \`navigator\`, Node ≥ 21).`);
const subjectName = (s: bodies.LockSubject) =>
  s === "pyconc" ? "pyconc" : s === "pyconc-using" ? "pyconc (using)" : s;

for (const subject of subjects) {
  await record(workloads.uncontended(N_UNCONTENDED), subjectName(subject), async () => {
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
  });
}

for (const subject of subjects) {
  await record(workloads.contended(N_CONTENDED), subjectName(subject), async () => {
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
    await sleep(SETTLE_MS); // both started and warmed up
    go.set();
    for (const t of threads) await t.join();
    if (counter[0] !== 2 * N_CONTENDED) {
      throw new Error(`${subject}: the counter is ${counter[0]}, not ${2 * N_CONTENDED}`);
    }
    return Math.max(out[0], out[1]);
  });
}

// --- event wake-up -------------------------------------------------------------

for (const subject of ["pyconc", "raw-atomics"] as const) {
  await record(workloads.event(ROUNDS), subject, async () => {
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
    await sleep(SETTLE_MS);
    go.set();
    for (const t of threads) await t.join();
    return Math.max(out[0], out[1]);
  });
}

console.log(JSON.stringify({ runtime, rows, notes }));
