// S2-11 — a `Lock` guarding `num += 1`, 5 threads × 10000 → 50000 (seed 002, "2.4. 锁").
//
// Python original:
//
//   from threading import Thread, current_thread, Lock
//   num = 0
//   lock = Lock()
//   def calc():
//       global num
//       print('thread %s is running...' % current_thread().name)
//       for i in range(10000):
//           lock.acquire()    # 获取锁
//           num += 1
//           lock.release()    # 释放锁
//       print('thread %s ended.' % current_thread().name)
//   if __name__ == '__main__':
//       print('thread %s is running...' % current_thread().name)
//       threads = []
//       for i in range(5):
//           threads.append(Thread(target=calc))
//           threads[i].start()
//       for i in range(5):
//           threads[i].join()
//       print('global num: %d' % num)
//       print('thread %s ended.' % current_thread().name)
//
// Differences: threads are workers with their own globals, so `num` and
// `lock` are shared-memory objects passed to each thread (Python processes
// share state the same way). Without the lock the count would come out short,
// here as in Python: the workers really run in parallel.

import { multiprocessing, threading } from "../mod.ts";

const { currentThread, Lock, Thread } = threading;

export function calc(num: multiprocessing.SharedValue<number>, lock: threading.Lock): void {
  console.log(`thread ${currentThread().name} is running...`);
  for (let i = 0; i < 10000; i++) {
    lock.acquire(); // 获取锁
    num.value += 1;
    lock.release(); // 释放锁
  }
  console.log(`thread ${currentThread().name} ended.`);
}

if (threading.isMain(import.meta)) {
  const num = multiprocessing.RawValue("i", 0);
  const lock = new Lock();
  console.log(`thread ${currentThread().name} is running...`);
  const threads: threading.Thread[] = [];
  for (let i = 0; i < 5; i++) {
    threads.push(new Thread({ target: calc, args: [num, lock] }));
    threads[i].start();
  }
  for (let i = 0; i < 5; i++) await threads[i].join();
  console.log(`global num: ${num.value}`);
  console.log(`thread ${currentThread().name} ended.`);
}
