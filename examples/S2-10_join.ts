// S2-10 — join every thread after starting them all, vs join inside the loop (seed 002, "2.3. 线程阻塞").
//
// Python original:
//
//   import threading
//   import time
//   def test():
//       print(threading.current_thread())
//       time.sleep(5)
//   if __name__ == '__main__':
//       thread_list = []
//       for i in range(5):
//           th = threading.Thread(target=test)
//           th.start()
//           thread_list.append(th)
//       for th in thread_list:
//           th.join()
//       print('主线程结束')
//
//   # 如果代码写为: (joined inside the loop: the threads run one after another)
//   if __name__ == '__main__':
//       thread_list = []
//       for i in range(5):
//           th = threading.Thread(target=test)
//           th.start()
//           th.join()
//       print('主线程结束')
//
// Differences: both versions run one after the other, each followed by how
// long it took (seconds): about 5 when the threads run together, 25 when
// each is joined before the next starts.

import { threading, time } from "../mod.ts";

export function test(): void {
  console.log(String(threading.currentThread()));
  time.sleep(5);
}

if (threading.isMain(import.meta)) {
  let start = time.monotonic();
  const threadList: threading.Thread[] = [];
  for (let i = 0; i < 5; i++) {
    const th = new threading.Thread({ target: test });
    th.start();
    threadList.push(th);
  }
  for (const th of threadList) await th.join();
  console.log("主线程结束");
  console.log(`together: ${(time.monotonic() - start).toFixed(1)} s`);

  // 如果代码写为:
  start = time.monotonic();
  for (let i = 0; i < 5; i++) {
    const th = new threading.Thread({ target: test });
    th.start();
    await th.join();
  }
  console.log("主线程结束");
  console.log(`one by one: ${(time.monotonic() - start).toFixed(1)} s`);
}
