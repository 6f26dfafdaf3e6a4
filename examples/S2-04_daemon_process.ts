// S2-04 — `process.daemon = True`: the main program ends, the daemon child is stopped (seed 002, "1.3. 守护主进程").
//
// Python original:
//
//   import multiprocessing
//   def sing():
//       for i in range(10):
//           print("singing")
//   if __name__ == '__main__':
//       process1 = multiprocessing.Process(target=sing)
//       process1.daemon = True      #设置主进程守护
//       process1.start()
//       print("主进程结束")
//
// Differences: none in behaviour: a daemon process does not keep the program
// alive, so it is stopped when the main program ends, usually before it has
// printed anything. (This port's `sing` sleeps between lines so that the
// outcome does not depend on how fast a worker starts.)

import { multiprocessing, time } from "../mod.ts";

export function sing(): void {
  for (let i = 0; i < 10; i++) {
    console.log("singing");
    time.sleep(0.5);
  }
}

if (multiprocessing.isMain(import.meta)) {
  const process1 = new multiprocessing.Process({ target: sing });
  process1.daemon = true; // 设置主进程守护
  process1.start();
  console.log("主进程结束");
}
