// S1-01 — two generators driven round-robin by `next()`: coroutines built on
// generators (seed 001, "原生实现(generator)").
//
// Python original:
//
//   import time
//
//   def task1():
//       for i in range(3):
//           print(f'A + {i}')
//           yield
//           time.sleep(1)
//
//   def task2():
//       for i in range(3):
//           print(f'B + {i}')
//           yield
//           time.sleep(2)
//
//   if __name__ == '__main__':
//       g1 = task1()
//       g2 = task2()
//
//       while True:
//           try:
//               next(g1)
//               next(g2)
//           except:
//               break
//
// Differences: a JavaScript generator reports its end with `done: true`
// instead of raising `StopIteration`, so the loop checks that. `time.sleep`
// blocks, as in Python.

import { time } from "../mod.ts";

function* task1(): Generator<void> {
  for (let i = 0; i < 3; i++) {
    console.log(`A + ${i}`);
    yield;
    time.sleep(1);
  }
}

function* task2(): Generator<void> {
  for (let i = 0; i < 3; i++) {
    console.log(`B + ${i}`);
    yield;
    time.sleep(2);
  }
}

const g1 = task1();
const g2 = task2();

while (true) {
  // next(g1); next(g2) — the first StopIteration ends the loop.
  if (g1.next().done) break;
  if (g2.next().done) break;
}
