// S0-04 — a process pool: `Pool(4)`, five `apply_async` calls, `close`,
// `join`; the fifth task runs in a worker that finished an earlier one
// (seed 000, "实例化Pool类创建进程池").
//
// Python original:
//
//   import os, time, random
//   from multiprocessing import Pool
//   def run_proc(name):
//       print(f"Run child process {name} ({os.getpid()})...")
//       time.sleep(random.random())
//       print(f"child process {name} ({os.getpid()}) done")
//   if __name__ == "__main__":
//       print(f"Parent Process ({os.getpid()}) start...")
//       p = Pool(4)
//       for i in range(5):
//           p.apply_async(run_proc, args=(i,))
//       print("Waiting for all subprocesses done...")
//       p.close()
//       p.join()
//       print("All subprocesses done.")
//
// Differences: pool processes are workers; `runProc` is exported so that each
// worker imports it from this module by name (Python's spawn start method),
// and the main program sits under `isMain(import.meta)` (Python's
// `if __name__ == "__main__":`) so that the workers importing this module do
// not run it again. `join()` returns a promise; pids are worker ids.

import { multiprocessing, os, time } from "../mod.ts";

export function runProc(name: number): void {
  console.log(`Run child process ${name} (${os.getpid()})...`);
  time.sleep(Math.random());
  console.log(`child process ${name} (${os.getpid()}) done`);
}

if (multiprocessing.isMain(import.meta)) {
  console.log(`Parent Process (${os.getpid()}) start...`);
  const p = new multiprocessing.Pool(4);
  for (let i = 0; i < 5; i++) {
    p.applyAsync(runProc, [i]);
  }
  console.log("Waiting for all subprocesses done...");
  p.close(); // no more tasks
  await p.join(); // wait for every worker to finish
  console.log("All subprocesses done.");
}
