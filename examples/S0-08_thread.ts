// S0-08 — `threading.Thread(target, name="LoopThread")`, `current_thread().name` (seed 000, "实例化 Thread 类创建线程").
//
// Python original:
//
//   import time, threading
//   def run_thread():
//       print(f"thread {threading.current_thread().name} is running")
//       time.sleep(1)
//       print(f"thread {threading.current_thread().name} end")
//   if __name__ == "__main__":
//       print(f"thread {threading.current_thread().name} is running")
//       t = threading.Thread(target=run_thread, name="LoopThread")
//       t.start()
//       t.join()
//       print(f"thread {threading.current_thread().name} end")
//
// Differences: a thread is a worker, so the target is exported and `join()`
// is awaited.

import { threading, time } from "../mod.ts";

export function runThread(): void {
  console.log(`thread ${threading.currentThread().name} is running`);
  time.sleep(1);
  console.log(`thread ${threading.currentThread().name} end`);
}

if (threading.isMain(import.meta)) {
  console.log(`thread ${threading.currentThread().name} is running`);
  const t = new threading.Thread({ target: runThread, name: "LoopThread" });
  t.start();
  await t.join();
  console.log(`thread ${threading.currentThread().name} end`);
}
