// The worker of every JavaScript anchor: piscina / tinypool (default export),
// workerpool (workerpool.worker), poolifier (ThreadWorker) and raw postMessage.
import { isMainThread, parentPort, workerData } from "node:worker_threads";

export function add({ a, b }) {
  return a + b;
}

export function isPrime(n) {
  if (n < 2) return false;
  if (n === 2) return true;
  if (n % 2 === 0) return false;
  const sqrtN = Math.floor(Math.sqrt(n));
  for (let i = 3; i <= sqrtN; i += 2) if (n % i === 0) return false;
  return true;
}

export default add;

const kind = workerData?.kind;
if (!isMainThread && kind === "workerpool") {
  const workerpool = (await import("workerpool")).default;
  workerpool.worker({ add: (a, b) => a + b, isPrime });
} else if (!isMainThread && kind === "raw") {
  parentPort.on("message", (m) => parentPort.postMessage(m.a + m.b));
} else if (!isMainThread && kind === "stream") {
  parentPort.once("message", (n) => {
    for (let i = 0; i < n; i++) parentPort.postMessage(i);
  });
}
