// S2-13 — a stop flag read by a looping thread, set by the main thread (seed 002, "2.8. 销毁子线程", 方法二).
//
// Python original:
//
//   import threading
//   import time
//   stop_flag = False
//   def child_thread():
//       print("子线程开始执行")
//       while not stop_flag:
//           print("子线程正在运行")
//           time.sleep(1)
//       print("子线程退出")
//   thread = threading.Thread(target=child_thread)
//   thread.start()
//   time.sleep(5)
//   stop_flag = True
//   thread.join()
//   print("主线程结束")
//
// Differences: a worker does not see the main thread's globals, so the flag is
// a shared boolean (`RawValue("?")`) passed to the thread. The main program
// sits in an `isMain` block, which the original did not need under fork.

import { multiprocessing, threading, time } from "../mod.ts";

export function childThread(stopFlag: multiprocessing.SharedValue<boolean>): void {
  console.log("子线程开始执行");
  while (!stopFlag.value) {
    console.log("子线程正在运行");
    time.sleep(1);
  }
  console.log("子线程退出");
}

if (threading.isMain(import.meta)) {
  const stopFlag = multiprocessing.RawValue("?", false);
  const thread = new threading.Thread({ target: childThread, args: [stopFlag] });
  thread.start();
  time.sleep(5);
  stopFlag.value = true;
  await thread.join();
  console.log("主线程结束");
}
