// S1-02 — three greenlets hand control around a ring, A → B → C → A, five
// rounds (seed 001, "greenlet").
//
// Python original:
//
//   import time
//   from greenlet import greenlet
//
//   def A():  # 任务A
//       for i in range(5):
//           print(f'A + {i}')
//           # 遇到阻塞,切换为 任务B
//           gb.switch()
//           time.sleep(0.5)
//
//   def B():  # 任务B
//       for i in range(5):
//           print(f'B + {i}')
//           # 遇到阻塞,切换为 任务C
//           gc.switch()
//           time.sleep(0.5)
//
//   def C():  # 任务C
//       for i in range(5):
//           print(f'C + {i}')
//           # 遇到阻塞,切换为 任务A
//           ga.switch()
//           time.sleep(0.5)
//
//   if __name__ == '__main__':
//       # 创建 greenlet 对象
//       ga = greenlet(A)
//       gb = greenlet(B)
//       gc = greenlet(C)
//       # 调用任务A
//       ga.switch()
//
// Differences: JavaScript cannot switch stacks, so each greenlet's function is
// `async` and every `switch()` is awaited: the await is where the greenlet is
// suspended. The printed order is Python's: A + 0, B + 0, C + 0, A + 1, … C + 4.
// When A finishes, control returns to the main program, which ends; B and C
// stay suspended (Python kills them with GreenletExit when they are
// collected; here they are simply dropped).

import { greenlet, time } from "../mod.ts";

async function A(): Promise<void> { // 任务A
  for (let i = 0; i < 5; i++) {
    console.log(`A + ${i}`);
    // 遇到阻塞,切换为 任务B
    await gb.switch();
    time.sleep(0.5);
  }
}

async function B(): Promise<void> { // 任务B
  for (let i = 0; i < 5; i++) {
    console.log(`B + ${i}`);
    // 遇到阻塞,切换为 任务C
    await gc.switch();
    time.sleep(0.5);
  }
}

async function C(): Promise<void> { // 任务C
  for (let i = 0; i < 5; i++) {
    console.log(`C + ${i}`);
    // 遇到阻塞,切换为 任务A
    await ga.switch();
    time.sleep(0.5);
  }
}

// 创建 greenlet 对象
const ga = new greenlet.greenlet(A);
const gb = new greenlet.greenlet(B);
const gc = new greenlet.greenlet(C);
// 调用任务A
await ga.switch();
