// S0-03 — subclass `Process` overriding `run()` (seed 000, "继承Process类创建进程").
//
// Python original:
//
//   import os, time
//   from multiprocessing import Process
//   class TestProcess(Process):
//       name = "测试进程"
//       def __init__(self):
//           super().__init__()
//       def run(self):
//           print(f"Run child process {self.name} ({ os.getpid()})...")
//           time.sleep(1)
//           print(f"child process {self.name} ({ os.getpid()}) done")
//   if __name__ == "__main__":
//       print(f"Parent Process ({os.getpid()}) start...")
//       p = TestProcess()
//       print("Child process will start.")
//       p.start()
//       p.join()
//       print("Child process end.")
//
// Differences: `name` is a property of Process, so the subclass sets it in its
// constructor instead of as a class attribute. The class is exported: the
// child imports it and rebuilds the object, own fields included.

import { multiprocessing, os, time } from "../mod.ts";

export class TestProcess extends multiprocessing.Process {
  constructor() {
    super();
    this.name = "测试进程";
  }

  override run(): void {
    console.log(`Run child process ${this.name} (${os.getpid()})...`);
    time.sleep(1);
    console.log(`child process ${this.name} (${os.getpid()}) done`);
  }
}

if (multiprocessing.isMain(import.meta)) {
  console.log(`Parent Process (${os.getpid()}) start...`);
  const p = new TestProcess();
  console.log("Child process will start.");
  p.start();
  await p.join();
  console.log("Child process end.");
}
