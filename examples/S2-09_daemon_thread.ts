// S2-09 — a daemon thread: the main thread ends, the thread is stopped (seed 002, "2.2. 守护线程").
//
// Python original:
//
//   import threading
//   import time
//   def sing():
//       for i in range(5):
//           print('sing')
//           time.sleep(1)
//   if __name__ == '__main__':
//       sing_thread = threading.Thread(target=sing)
//       sing_thread.setDaemon(True)
//       sing_thread.start()
//       time.sleep(1)
//       print("主线程结束")
//
// Differences: `setDaemon(True)` is deprecated in Python; pyconc has one
// spelling, `daemon = true` (also the `daemon` option, Python's
// `Thread(target=..., daemon=True)`). The thread prints "sing" once or twice
// (depending on how fast it starts) and is stopped when the program ends.

import { threading, time } from "../mod.ts";

export function sing(): void {
  for (let i = 0; i < 5; i++) {
    console.log("sing");
    time.sleep(1);
  }
}

if (threading.isMain(import.meta)) {
  const singThread = new threading.Thread({ target: sing });
  singThread.daemon = true;
  singThread.start();
  time.sleep(1);
  console.log("主线程结束");
}
