// S0-14 — `threading.Condition`: 2 readers `wait()`, a writer `notify_all()` (seed 000, "Condition").
//
// Python original:
//
//   import threading, time
//   def read(cond):
//       with cond:
//           print(f"{threading.current_thread().name} wait")
//           cond.wait()
//           print(f"{threading.current_thread().name} wake")
//   def write(cond):
//       with cond:
//           cond.notify_all()
//           print(f"{threading.current_thread().name} notify all")
//   if __name__ == "__main__":
//       condition = threading.Condition()
//       for i in range(2):
//           tr = threading.Thread(target=read, args=(condition,))
//           tr.start()
//           time.sleep(1)
//       tw = threading.Thread(target=write, args=(condition,))
//       tw.start()
//
// Differences: `with cond:` is `using _ = cond.acquire()`. The condition lives
// in shared memory and reaches each worker as an argument.

import { threading, time } from "../mod.ts";

export function read(cond: threading.Condition): void {
  using _ = cond.acquire();
  console.log(`${threading.currentThread().name} wait`);
  cond.wait();
  console.log(`${threading.currentThread().name} wake`);
}

export function write(cond: threading.Condition): void {
  using _ = cond.acquire();
  cond.notifyAll();
  console.log(`${threading.currentThread().name} notify all`);
}

if (threading.isMain(import.meta)) {
  const condition = new threading.Condition();
  for (let i = 0; i < 2; i++) {
    const tr = new threading.Thread({ target: read, args: [condition] });
    tr.start();
    time.sleep(1);
  }
  const tw = new threading.Thread({ target: write, args: [condition] });
  tw.start();
}
