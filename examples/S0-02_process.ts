// S0-02 — `Process(target=run_proc, args=("test",))`, start, join (seed 000, "实例化Process类创建进程").
//
// Python original:
//
//   import os, time
//   from multiprocessing import Process
//   def run_proc(name):
//       print(f"Run child process {name} ({os.getpid()})...")
//       time.sleep(1)
//       print(f"child process {name} ({os.getpid()}) done")
//   if __name__ == "__main__":
//       print(f"Parent Process ({os.getpid()}) start...")
//       p = Process(target=run_proc, args=("test",))
//       print("Child process will start.")
//       p.start()
//       p.join()
//       print("Child process end.")
//
// Differences: the target is exported (the child imports this module to find
// it, as Python's spawn does) and `join()` is awaited.

import { multiprocessing, os, time } from "../mod.ts";

export function runProc(name: string): void {
  console.log(`Run child process ${name} (${os.getpid()})...`);
  time.sleep(1);
  console.log(`child process ${name} (${os.getpid()}) done`);
}

if (multiprocessing.isMain(import.meta)) {
  console.log(`Parent Process (${os.getpid()}) start...`);
  const p = new multiprocessing.Process({ target: runProc, args: ["test"] });
  console.log("Child process will start.");
  p.start();
  await p.join();
  console.log("Child process end.");
}
