// S2-07 — a writer and a reader process share a `multiprocessing.Queue`;
// both use try/except/finally and are joined (seed 002, "进程间通信").
//
// Python original:
//
//   import time
//   from multiprocessing import Process, Queue
//   def write_task(q):
//       try:
//           n = 1
//           while n < 5:
//               print("write, %d" % n)
//               q.put(n)
//               time.sleep(1)
//               n += 1
//       except BaseException:
//           print("write_task error")
//       finally:
//           print("write_task end")
//   def read_task(q):
//       try:
//           n = 1
//           while n < 5:
//               print("read, %d" % q.get())
//               time.sleep(1)
//               n += 1
//       except BaseException:
//           print("read_task error")
//       finally:
//           print("read_task end")
//   if __name__ == "__main__":
//       q = Queue()
//       pw = Process(target=write_task, args=(q,))
//       pr = Process(target=read_task, args=(q,))
//       pw.start()
//       pr.start()
//       pw.join()
//       pr.join()
//       print("DONE")
//
// Differences: the queue is in shared memory and reaches both processes as
// an argument; `join()` returns a promise.

import { multiprocessing, time } from "../mod.ts";

export function writeTask(q: multiprocessing.Queue<number>): void {
  try {
    let n = 1;
    while (n < 5) {
      console.log(`write, ${n}`);
      q.put(n);
      time.sleep(1);
      n += 1;
    }
  } catch {
    console.log("write_task error");
  } finally {
    console.log("write_task end");
  }
}

export function readTask(q: multiprocessing.Queue<number>): void {
  try {
    let n = 1;
    while (n < 5) {
      console.log(`read, ${q.get()}`);
      time.sleep(1);
      n += 1;
    }
  } catch {
    console.log("read_task error");
  } finally {
    console.log("read_task end");
  }
}

if (multiprocessing.isMain(import.meta)) {
  const q = new multiprocessing.Queue<number>(); // created by the parent, passed to each child
  const pw = new multiprocessing.Process({ target: writeTask, args: [q] });
  const pr = new multiprocessing.Process({ target: readTask, args: [q] });
  pw.start();
  pr.start();
  await pw.join();
  await pr.join();
  console.log("DONE");
}
