// S1-03 — three gevent greenlets that switch whenever one sleeps (seed 001,
// "gevent").
//
// Python original:
//
//   import time
//
//   import gevent
//   from gevent import monkey
//
//   # 猴子补丁,自动将 time.sleep(0.5) 切换为 gevent.sleep(0.5)
//   monkey.patch_all()
//
//   def A():  # 任务A
//       for i in range(5):
//           print(f'A + {i}')
//           time.sleep(0.5)
//
//   def B():  # 任务B
//       for i in range(5):
//           print(f'B + {i}')
//           time.sleep(0.5)
//
//   def C():  # 任务C
//       for i in range(5):
//           print(f'C + {i}')
//           time.sleep(0.5)
//
//   if __name__ == '__main__':
//       # 创建 gevent 对象
//       ga = gevent.spawn(A)
//       gb = gevent.spawn(B)
//       gc = gevent.spawn(C)
//       ga.join()
//       gb.join()
//       gc.join()
//
// Differences: there is no `monkey.patch_all()`. gevent needs it because
// Python's `time.sleep` and socket calls block the whole thread; monkey
// patching swaps them for versions that yield to other greenlets. JavaScript's
// I/O never blocks the event loop and every `await` already yields, so the
// port writes the yielding sleep directly: `await gevent.sleep(0.5)`.
// (`time.sleep` would block everything, exactly like unpatched Python.)
// The output interleaves as in Python: A + 0, B + 0, C + 0, A + 1, …

import { gevent } from "../mod.ts";

async function A(): Promise<void> { // 任务A
  for (let i = 0; i < 5; i++) {
    console.log(`A + ${i}`);
    await gevent.sleep(0.5);
  }
}

async function B(): Promise<void> { // 任务B
  for (let i = 0; i < 5; i++) {
    console.log(`B + ${i}`);
    await gevent.sleep(0.5);
  }
}

async function C(): Promise<void> { // 任务C
  for (let i = 0; i < 5; i++) {
    console.log(`C + ${i}`);
    await gevent.sleep(0.5);
  }
}

// 创建 gevent 对象
const ga = gevent.spawn(A);
const gb = gevent.spawn(B);
const gc = gevent.spawn(C);
await ga.join();
await gb.join();
await gc.join();
