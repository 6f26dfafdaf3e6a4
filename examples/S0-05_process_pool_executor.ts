// S0-05 — `with ProcessPoolExecutor(max_workers=2)`: four `submit` calls; the
// `with` block waits for all of them (seed 000, "实例化ProcessPoolExecutor类创建进程池").
//
// Python original:
//
//   from concurrent.futures import ProcessPoolExecutor
//   import os, time, random
//   def run_proc(name):
//       print(f"Run child process {name} ({os.getpid()})...")
//       time.sleep(random.random())
//       print(f"child process {name} ({os.getpid()}) done")
//   if __name__ == "__main__":
//       print(f"Parent Process ({os.getpid()}) start...")
//       with ProcessPoolExecutor(max_workers=2) as pool:
//           for i in range(0, 4):
//               pool.submit(run_proc, i)
//       print("All subprocesses done.")
//
// Differences: `with` becomes a block with `await using`, which shuts the
// pool down and waits at its end. `runProc` is exported so the workers import
// it by name; the program sits under `isMain(import.meta)`.

import { concurrent, multiprocessing, os, time } from "../mod.ts";

export function runProc(name: number): void {
  console.log(`Run child process ${name} (${os.getpid()})...`);
  time.sleep(Math.random());
  console.log(`child process ${name} (${os.getpid()}) done`);
}

if (multiprocessing.isMain(import.meta)) {
  console.log(`Parent Process (${os.getpid()}) start...`);
  {
    await using pool = new concurrent.futures.ProcessPoolExecutor({ maxWorkers: 2 });
    for (let i = 0; i < 4; i++) {
      pool.submit(runProc, i);
    }
  }
  console.log("All subprocesses done.");
}
