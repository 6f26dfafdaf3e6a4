// S0-16 — `queue.Queue(3)` between threads: one producer, three consumers,
// each consumer stops at the sentinel "done" (seed 000, "和线程一起使用").
//
// Python original:
//
//   import queue, threading
//   def producer(q, num, c_num):
//       print(f"{threading.current_thread().name} is running", flush=True)
//       for i in range(num):
//           q.put(i)
//           print(f"{threading.current_thread().name} put {i}", flush=True)
//       for i in range(c_num):
//           q.put("done")
//           print(f"{threading.current_thread().name} put done", flush=True)
//       print(f"{threading.current_thread().name} end", flush=True)
//   def consumer(q):
//       print(f"{threading.current_thread().name} is running", flush=True)
//       while True:
//           msg = q.get(timeout=5)
//           print(f"{threading.current_thread().name} get {msg}", flush=True)
//           q.task_done()
//           if msg == "done":
//               break
//       print(f"{threading.current_thread().name} end", flush=True)
//   if __name__ == "__main__":
//       num = 5
//       tc_len = 3
//       q_len = 3
//       q = queue.Queue(q_len)
//       tc = []
//       for i in range(tc_len):
//           t = threading.Thread(target=consumer, args=(q,))
//           t.start()
//           tc.append(t)
//       tp = threading.Thread(target=producer, args=(q, num, tc_len))
//       tp.start()
//       for t in tc:
//           t.join()
//       q.join()
//       print("done", flush=True)
//
// Differences: threads are workers, and the queue (in shared memory) reaches
// them as an argument. `join()` on a thread returns a promise; the queue's
// `join()` blocks, as in Python (`joinAsync()` is its non-blocking twin).

import { queue, threading } from "../mod.ts";

export function producer(q: queue.Queue<number | string>, num: number, cNum: number): void {
  const name = threading.currentThread().name;
  console.log(`${name} is running`);
  for (let i = 0; i < num; i++) {
    q.put(i);
    console.log(`${name} put ${i}`);
  }
  for (let i = 0; i < cNum; i++) {
    q.put("done");
    console.log(`${name} put done`);
  }
  console.log(`${name} end`);
}

export function consumer(q: queue.Queue<number | string>): void {
  const name = threading.currentThread().name;
  console.log(`${name} is running`);
  while (true) {
    const msg = q.get({ timeout: 5 });
    console.log(`${name} get ${msg}`);
    q.taskDone();
    if (msg === "done") break;
  }
  console.log(`${name} end`);
}

if (threading.isMain(import.meta)) {
  const num = 5;
  const tcLen = 3;
  const qLen = 3;
  const q = new queue.Queue<number | string>(qLen);
  const tc: threading.Thread[] = [];
  for (let i = 0; i < tcLen; i++) {
    const t = new threading.Thread({ target: consumer, args: [q] });
    t.start();
    tc.push(t);
  }
  const tp = new threading.Thread({ target: producer, args: [q, num, tcLen] });
  tp.start();
  for (const t of tc) await t.join();
  q.join();
  console.log("done");
}
