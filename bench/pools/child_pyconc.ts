// Runs one pyconc workload and prints {"runs_ms": [...]} on its last line.
//
//   deno run -A bench/pools/child_pyconc.ts <subject> <workload> <n> <runs> <warmup>
import process from "node:process";
import { concurrent, multiprocessing } from "../../mod.ts";
import { add, isPrime, produce, square } from "./tasks.ts";

const [subject, workload, nText, runsText, warmupText] = process.argv.slice(2);
const n = Number(nText);
const runs = Number(runsText);
const warmup = Number(warmupText);
const WORKERS = 2;
const module = new URL("./tasks.ts", import.meta.url);

async function measure(once: () => Promise<number | void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t = performance.now();
    const own = await once();
    if (i >= warmup) times.push(typeof own === "number" ? own : performance.now() - t);
  }
  return times;
}

/** The prime batches: PRIMES (the seed's six numbers) and 64 tasks. */
export const PRIMES = [
  112272535095293,
  112582705942171,
  112272535095293,
  115280095190773,
  115797848077099,
  1099726899285419,
];
const BATCH = Array.from({ length: 64 }, (_, i) => PRIMES[i % 5]);
const batchFor = (w: string) => w === "primes" ? PRIMES : BATCH;

let times: number[];
if (workload === "calls" && subject === "pyconc ThreadPoolExecutor.submit") {
  await using ex = new concurrent.futures.ThreadPoolExecutor({ maxWorkers: WORKERS, module });
  await Promise.all([ex.submit(add, 1, 1).result(), ex.submit(add, 1, 1).result()]);
  times = await measure(async () => {
    const fs = new Array(n);
    for (let i = 0; i < n; i++) fs[i] = ex.submit(add, i, 1).result();
    await Promise.all(fs);
  });
} else if (workload === "calls" && subject === "pyconc Pool.applyAsync") {
  await using pool = new multiprocessing.Pool(WORKERS, { module });
  await pool.map(add as never, [1, 2]);
  times = await measure(async () => {
    const rs = new Array(n);
    for (let i = 0; i < n; i++) rs[i] = pool.applyAsync(add, [i, 1]).get();
    await Promise.all(rs);
  });
} else if (workload === "map" && subject === "pyconc Pool.map") {
  await using pool = new multiprocessing.Pool(WORKERS, { module });
  const items = Array.from({ length: n }, (_, i) => i);
  await pool.map(square, [1, 2, 3, 4]);
  times = await measure(async () => void await pool.map(square, items));
} else if (workload === "map" && subject === "pyconc ProcessPoolExecutor.map") {
  await using ex = new concurrent.futures.ProcessPoolExecutor({ maxWorkers: WORKERS, module });
  const items = Array.from({ length: n }, (_, i) => i);
  const chunksize = Math.ceil(n / (WORKERS * 4));
  for await (const _ of ex.map(square, [1, 2, 3, 4])) { /* warm */ }
  times = await measure(async () => {
    for await (const _ of ex.map(square, items, { chunksize })) { /* drain */ }
  });
} else if ((workload === "primes" || workload === "batch64") && subject === "pyconc sequential") {
  times = await measure(() => Promise.resolve(void batchFor(workload).map(isPrime)));
} else if (
  (workload === "primes" || workload === "batch64") && subject === "pyconc ProcessPoolExecutor"
) {
  await using ex = new concurrent.futures.ProcessPoolExecutor({ maxWorkers: WORKERS, module });
  for await (const _ of ex.map(isPrime, [3, 5])) { /* warm */ }
  times = await measure(async () => {
    for await (const _ of ex.map(isPrime, batchFor(workload))) { /* drain */ }
  });
} else if (workload === "queue" && subject === "pyconc multiprocessing.Queue") {
  await using pool = new multiprocessing.Pool(1, { module });
  await pool.apply(add, [1, 1]);
  times = await measure(async () => {
    const q = new multiprocessing.Queue<number>(0, { capacity: 1 << 22 });
    const t = performance.now();
    const producer = pool.applyAsync(produce, [q, n]);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += q.get();
    const elapsed = performance.now() - t;
    await producer.get();
    if (sum !== (n * (n - 1)) / 2) throw new Error("queue lost items");
    return elapsed;
  });
} else {
  throw new Error(`unknown subject/workload ${subject} ${workload}`);
}
console.log(JSON.stringify({ runs_ms: times }));
