// S0-09 — subclass `Thread` with constructor params (seed 000, "自定义线程类").
//
// Python original:
//
//   import time, threading
//   class TestThread(threading.Thread):
//       name = "测试线程"
//       def __init__(self, params):
//           self.params = params
//           super().__init__()
//       def run(self):
//           print(f"thread {threading.current_thread().name} is running")
//           print(f"params:{self.params}")
//           time.sleep(1)
//           print(f"thread {threading.current_thread().name} end")
//   if __name__ == "__main__":
//       print(f"thread {threading.current_thread().name} is running")
//       t = TestThread(1)
//       t.start()
//       t.join()
//       print(f"thread {threading.current_thread().name} end")
//
// Differences: `super()` comes first in a JavaScript constructor and `name`
// is set there rather than as a class attribute. The exported class is
// rebuilt in the worker with its `params`; `currentThread()` there is it.

import { threading, time } from "../mod.ts";

export class TestThread extends threading.Thread {
  params: number;

  constructor(params: number) {
    super();
    this.params = params;
    this.name = "测试线程";
  }

  override run(): void {
    console.log(`thread ${threading.currentThread().name} is running`);
    console.log(`params:${this.params}`);
    time.sleep(1);
    console.log(`thread ${threading.currentThread().name} end`);
  }
}

if (threading.isMain(import.meta)) {
  console.log(`thread ${threading.currentThread().name} is running`);
  const t = new TestThread(1);
  t.start();
  await t.join();
  console.log(`thread ${threading.currentThread().name} end`);
}
