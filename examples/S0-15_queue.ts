// S0-15 — `queue.Queue(3)`: put three items, get them with a timeout, mark
// each done, `join()` (seed 000, "queue").
//
// Python original:
//
//   import queue
//   if __name__ == "__main__":
//       q = queue.Queue(3)
//       for i in range(3):
//           q.put(i)
//           print(f"put {i}")
//       while not q.empty():
//           msg = q.get(timeout=5)
//           print(f"get {msg}")
//           q.task_done()
//       q.join()
//       print("done")
//
// Differences: `timeout=5` becomes the options object `{ timeout: 5 }`.

import { queue } from "../mod.ts";

const q = new queue.Queue<number>(3);
for (let i = 0; i < 3; i++) {
  q.put(i);
  console.log(`put ${i}`);
}
while (!q.empty()) {
  const msg = q.get({ timeout: 5 }); // a timeout so that a mistake cannot deadlock
  console.log(`get ${msg}`);
  q.taskDone(); // this item is processed
}
q.join(); // blocks until every item is marked done
console.log("done");
