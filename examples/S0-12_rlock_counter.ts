// S0-12 — `RLock` counter; `acquire`/`release` and `with lock`; two thread pools (seed 000, "线程锁").
//
// Python original:
//
//   from threading import RLock, current_thread, Thread
//   from concurrent.futures import ThreadPoolExecutor
//   import time
//   class Count(object):
//       def __init__(self):
//           self.count = 0
//           self.lock = RLock()
//           super().__init__()
//       def add(self):
//           self.lock.acquire()  # 获得锁
//           print(f"thread {current_thread().name} get lock")
//           self.count += 1
//           print(f"count: {self.count}")
//           time.sleep(1)
//           self.lock.release()  # 释放锁
//           print(f"thread {current_thread().name} release lock")
//       def sub(self):
//           # 通过上下文语法获得锁和释放锁
//           with self.lock:
//               self.count -= 1
//               print(f"count: {self.count}")
//               time.sleep(1)
//   if __name__ == "__main__":
//       print(f"thread {current_thread().name} is running")
//       c = Count()
//       with ThreadPoolExecutor(max_workers=2) as pool:
//           for i in range(4):
//               pool.submit(c.add)
//       with ThreadPoolExecutor(max_workers=2) as pool:
//           for i in range(4):
//               pool.submit(c.sub)
//       print(f"thread {current_thread().name} end")
//
// Differences: threads are workers and share no objects, so the counter
// lives in shared memory (a `RawValue`) next to the `RLock`, and the methods
// are exported functions that take the counter: `pool.submit(add, c)` ships
// `add` by name and `c` as a live view. `with lock:` is `using _ = lock.acquire()`,
// and `with ThreadPoolExecutor(...)` is `await using`.

import { concurrent, multiprocessing, threading, time } from "../mod.ts";

const { currentThread } = threading;

export interface Count {
  count: multiprocessing.SharedValue<number>;
  lock: threading.RLock;
}

export function makeCount(): Count {
  return { count: multiprocessing.RawValue("i", 0), lock: new threading.RLock() };
}

export function add(c: Count): void {
  c.lock.acquire(); // 获得锁
  console.log(`thread ${currentThread().name} get lock`);
  c.count.value += 1;
  console.log(`count: ${c.count.value}`);
  time.sleep(1);
  c.lock.release(); // 释放锁
  console.log(`thread ${currentThread().name} release lock`);
}

export function sub(c: Count): void {
  // 通过上下文语法获得锁和释放锁
  using _ = c.lock.acquire();
  c.count.value -= 1;
  console.log(`count: ${c.count.value}`);
  time.sleep(1);
}

if (threading.isMain(import.meta)) {
  console.log(`thread ${currentThread().name} is running`);
  const c = makeCount();
  {
    await using pool = new concurrent.futures.ThreadPoolExecutor({ maxWorkers: 2 });
    for (let i = 0; i < 4; i++) pool.submit(add, c);
  }
  {
    await using pool = new concurrent.futures.ThreadPoolExecutor({ maxWorkers: 2 });
    for (let i = 0; i < 4; i++) pool.submit(sub, c);
  }
  console.log(`thread ${currentThread().name} end`);
}
