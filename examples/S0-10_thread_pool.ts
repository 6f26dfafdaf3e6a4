// S0-10 — a thread pool: `ThreadPoolExecutor(max_workers=2)`, three
// `submit` calls; threads are named `ThreadPoolExecutor-0_0`, `-0_1`
// (seed 000, "线程池").
//
// Python original:
//
//   import time, threading
//   from concurrent.futures import ThreadPoolExecutor
//   def run_thread(params):
//       print(f"thread {threading.current_thread().name} is running")
//       print(f"params:{params}")
//       time.sleep(1)
//       print(f"thread {threading.current_thread().name} end")
//   if __name__ == "__main__":
//       with ThreadPoolExecutor(max_workers=2) as pool:
//           for i in range(3):
//               pool.submit(run_thread, i)
//
// Differences: pool threads are workers; `runThread` is exported so each
// worker imports it by name. `with` becomes `await using`, which waits for the
// submitted calls at the end of the block.

import { concurrent, threading, time } from "../mod.ts";

export function runThread(params: number): void {
  console.log(`thread ${threading.currentThread().name} is running`);
  console.log(`params:${params}`);
  time.sleep(1);
  console.log(`thread ${threading.currentThread().name} end`);
}

if (threading.isMain(import.meta)) {
  await using pool = new concurrent.futures.ThreadPoolExecutor({ maxWorkers: 2 });
  for (let i = 0; i < 3; i++) {
    pool.submit(runThread, i);
  }
}
