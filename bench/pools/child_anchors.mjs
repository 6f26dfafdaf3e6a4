// Runs one JavaScript anchor workload and prints {"runs_ms": [...]} on its
// last line. Plain JavaScript so that it runs unchanged on Deno and Node.
//
//   <runtime> bench/pools/child_anchors.mjs <subject> <workload> <n> <runs> <warmup>
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";

const [subject, workload, nText, runsText, warmupText] = process.argv.slice(2);
const n = Number(nText);
const runs = Number(runsText);
const warmup = Number(warmupText);
const WORKERS = 2;
const workerFile = new URL("./anchor_worker.mjs", import.meta.url);

async function measure(once) {
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t = performance.now();
    const own = await once();
    if (i >= warmup) times.push(typeof own === "number" ? own : performance.now() - t);
  }
  return times;
}

function allCalls(call) {
  const ps = new Array(n);
  for (let i = 0; i < n; i++) ps[i] = call(i);
  return Promise.all(ps);
}

async function rawWorkers() {
  const workers = Array.from(
    { length: WORKERS },
    () => new Worker(workerFile, { workerData: { kind: "raw" } }),
  );
  await Promise.all(workers.map((w) => new Promise((r) => w.once("online", r))));
  return workers;
}

let times;
if (workload === "calls" && subject === "piscina") {
  const { Piscina } = await import("piscina");
  const pool = new Piscina({ filename: workerFile.href, minThreads: WORKERS, maxThreads: WORKERS });
  times = await measure(() => allCalls((i) => pool.run({ a: i, b: 1 })));
  await pool.destroy();
} else if (workload === "calls" && subject === "tinypool") {
  const { Tinypool } = await import("tinypool");
  const pool = new Tinypool({
    filename: workerFile.href,
    minThreads: WORKERS,
    maxThreads: WORKERS,
  });
  times = await measure(() => allCalls((i) => pool.run({ a: i, b: 1 })));
  await pool.destroy();
} else if (workload === "calls" && subject === "workerpool") {
  const workerpool = (await import("workerpool")).default;
  const pool = workerpool.pool(new URL(workerFile).pathname, {
    maxWorkers: WORKERS,
    minWorkers: WORKERS,
    workerType: "thread",
    workerThreadOpts: { workerData: { kind: "workerpool" } },
  });
  times = await measure(() => allCalls((i) => pool.exec("add", [i, 1])));
  await pool.terminate();
} else if (workload === "calls" && subject === "poolifier") {
  const { FixedThreadPool } = await import("poolifier");
  const pool = new FixedThreadPool(
    WORKERS,
    fileURLToPath(new URL("./poolifier_worker.mjs", import.meta.url)),
  );
  await new Promise((r) => setTimeout(r, 200));
  times = await measure(() => allCalls((i) => pool.execute({ a: i, b: 1 })));
  await pool.destroy();
} else if (workload === "calls" && subject.startsWith("postMessage")) {
  // Raw worker_threads: each worker echoes a+b; `window` messages in flight per worker.
  const window = subject.endsWith("64") ? 64 : 1;
  const workers = await rawWorkers();
  times = await measure(() =>
    Promise.all(workers.map((w, k) =>
      new Promise((resolve) => {
        const share = Math.floor(n / WORKERS) + (k < n % WORKERS ? 1 : 0);
        let sent = 0, received = 0;
        const onMessage = () => {
          received++;
          if (sent < share) w.postMessage({ a: sent++, b: 1 });
          else if (received === share) {
            w.off("message", onMessage);
            resolve();
          }
        };
        w.on("message", onMessage);
        for (; sent < Math.min(window, share);) w.postMessage({ a: sent++, b: 1 });
      })
    ))
  );
  await Promise.all(workers.map((w) => w.terminate()));
} else if (workload === "queue" && subject === "postMessage stream") {
  times = await measure(async () => {
    const w = new Worker(workerFile, { workerData: { kind: "stream" } });
    await new Promise((r) => w.once("online", r));
    const t = performance.now();
    await new Promise((resolve) => {
      let got = 0;
      w.on("message", () => {
        if (++got === n) resolve();
      });
      w.postMessage(n);
    });
    const elapsed = performance.now() - t;
    await w.terminate();
    return elapsed;
  });
} else {
  throw new Error(`unknown subject/workload ${subject} ${workload}`);
}
console.log(JSON.stringify({ runs_ms: times }));
process.exit(0);
