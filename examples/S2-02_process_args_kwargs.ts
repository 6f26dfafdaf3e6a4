// S2-02 — `Process(target, args=(3,))` and `Process(target, kwargs={"num": 3})` (seed 002, "1.2. 多进程").
//
// Python original:
//
//   import multiprocessing
//   import time
//   def sing(num):
//       for i in range(num):
//           print("singing")
//           time.sleep(0.5)
//   def draw(num):
//       for i in range(num):
//           print("drawing")
//           time.sleep(0.5)
//   if __name__ == '__main__':
//       process1 = multiprocessing.Process(target=sing,args=(3,))	#使用元组进行传参
//       process2 = multiprocessing.Process(target=draw,kwargs={"num":3})
//       #使用字典进行传参
//       process1.start()
//       process2.start()
//
// Differences: keyword arguments arrive as one trailing options object, so
// `draw` takes `{ num }`. The program waits for both (non-daemon) processes
// before it exits, as Python does.

import { multiprocessing, time } from "../mod.ts";

export function sing(num: number): void {
  for (let i = 0; i < num; i++) {
    console.log("singing");
    time.sleep(0.5);
  }
}

export function draw({ num }: { num: number }): void {
  for (let i = 0; i < num; i++) {
    console.log("drawing");
    time.sleep(0.5);
  }
}

if (multiprocessing.isMain(import.meta)) {
  const process1 = new multiprocessing.Process({ target: sing, args: [3] }); // 使用元组进行传参
  const process2 = new multiprocessing.Process({ target: draw, kwargs: { num: 3 } }); // 使用字典进行传参
  process1.start();
  process2.start();
}
