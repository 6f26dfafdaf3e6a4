// S0-11 — two threads with `args` / `kwargs`; the main thread joins only the first (seed 000, "守护线程").
//
// Python original:
//
//   import time, threading
//   def run_thread(sec):
//       print(f"thread {threading.current_thread().name} is running")
//       time.sleep(sec)
//       print(f"thread {threading.current_thread().name} end")
//   if __name__ == "__main__":
//       print(f"thread {threading.current_thread().name} is running")
//       t1 = threading.Thread(target=run_thread, args=(1,), name="LoopThread")
//       t1.start()
//       t2 = threading.Thread(target=run_thread, kwargs={"sec": 3}, name="DeamonThread")
//       t2.start()
//       t1.join()  # 等待线程结束
//       print(f"thread {threading.current_thread().name} end")
//
// Differences: keyword arguments arrive as one trailing options object, so
// the target takes `sec` either way. "DeamonThread" is only a name: it is not
// a daemon, so the program waits for it after the main thread's last line.

import { threading, time } from "../mod.ts";

export function runThread(secOrOptions: number | { sec: number }): void {
  const sec = typeof secOrOptions === "number" ? secOrOptions : secOrOptions.sec;
  console.log(`thread ${threading.currentThread().name} is running`);
  time.sleep(sec);
  console.log(`thread ${threading.currentThread().name} end`);
}

if (threading.isMain(import.meta)) {
  console.log(`thread ${threading.currentThread().name} is running`);
  const t1 = new threading.Thread({ target: runThread, args: [1], name: "LoopThread" });
  t1.start();
  const t2 = new threading.Thread({ target: runThread, kwargs: { sec: 3 }, name: "DeamonThread" });
  t2.start();
  await t1.join(); // 等待线程结束
  console.log(`thread ${threading.currentThread().name} end`);
}
