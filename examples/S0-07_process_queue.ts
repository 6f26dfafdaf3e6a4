// S0-07 — processes talk through a `multiprocessing.Queue`: a writer puts
// three values, a reader loops forever and is terminated (seed 000,
// "进程间通信-队列").
//
// Python original:
//
//   from multiprocessing import Queue, Process
//   import time, os
//   def write(q):
//       print(f"Process to write:{os.getpid()}")
//       for value in ["A", "B", "C"]:
//           print(f"Put {value} to queue ")
//           q.put(value)
//           time.sleep(1)
//   def read(q):
//       print(f"Process to read: {os.getpid()}")
//       while True:
//           value = q.get(True)
//           print(f"Get {value} from queue")
//   if __name__ == "__main__":
//       q = Queue()
//       pw = Process(target=write, args=(q,))
//       pr = Process(target=read, args=(q,))
//       pw.start()
//       pr.start()
//       pw.join()
//       pr.terminate()
//
// Differences: the queue lives in shared memory and reaches each process as
// an argument, as in Python. `join()` returns a promise. The writer waits a
// moment after its last put so that the reader prints "Get C" before it is
// terminated (in Python the writer's one-second sleep after the last put does
// the same).

import { multiprocessing, os, time } from "../mod.ts";

export function write(q: multiprocessing.Queue<string>): void {
  console.log(`Process to write:${os.getpid()}`);
  for (const value of ["A", "B", "C"]) {
    console.log(`Put ${value} to queue `);
    q.put(value);
    time.sleep(1);
  }
}

export function read(q: multiprocessing.Queue<string>): void {
  console.log(`Process to read: ${os.getpid()}`);
  while (true) {
    const value = q.get(true);
    console.log(`Get ${value} from queue`);
  }
}

if (multiprocessing.isMain(import.meta)) {
  const q = new multiprocessing.Queue<string>(); // created by the parent, passed to both children
  const pw = new multiprocessing.Process({ target: write, args: [q] });
  const pr = new multiprocessing.Process({ target: read, args: [q] });
  pw.start();
  pr.start();
  await pw.join();
  pr.terminate(); // the reader loops forever: stop it
  await pr.join();
}
