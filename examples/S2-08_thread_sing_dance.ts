// S2-08 — `Thread` sing/dance (seed 002, "2.1. 多线程").
//
// Python original:
//
//   import threading
//   import time
//   def sing():
//       for i in range(5):
//           print('sing')
//           time.sleep(1)
//   def dance():
//       for i in range(5):
//           print('dance')
//           time.sleep(1)
//   if __name__ == '__main__':
//       sing_thread = threading.Thread(target=sing)
//       dance_thread = threading.Thread(target=dance)
//       sing_thread.start()
//       dance_thread.start()
//
// Differences: none beyond exporting the targets; the program waits for both
// (non-daemon) threads before it exits, as Python does.

import { threading, time } from "../mod.ts";

export function sing(): void {
  for (let i = 0; i < 5; i++) {
    console.log("sing");
    time.sleep(1);
  }
}

export function dance(): void {
  for (let i = 0; i < 5; i++) {
    console.log("dance");
    time.sleep(1);
  }
}

if (threading.isMain(import.meta)) {
  const singThread = new threading.Thread({ target: sing });
  const danceThread = new threading.Thread({ target: dance });
  singThread.start();
  danceThread.start();
}
