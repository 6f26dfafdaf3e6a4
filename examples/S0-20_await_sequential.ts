// S0-20 — awaiting two coroutines one after the other (seed 000, "await"):
// the second starts only when the first has finished, so the program takes
// about 1 + 2 = 3 seconds.
//
// Python original:
//
//   import asyncio, time
//   async def long_time_task(id):
//       print(f"long time task {id} begin {time.time()}")
//       await asyncio.sleep(id)  # 休眠几秒
//       print(f"long time task {id} end {time.time()}")
//       return "data"
//   async def main():
//       res1 = await long_time_task(1)
//       print(f"result1: {res1}")
//       res2 = await long_time_task(2)
//       print(f"result2: {res2}")
//   if __name__ == "__main__":
//       print(f"main begin {time.time()}")
//       asyncio.run(main())  # 创建事件循环,运行一个协程,关闭事件循环。
//       print(f"main end {time.time()}")
//
// Differences: `asyncio.run` returns a promise (JavaScript cannot block the
// event loop) and takes the coroutine function `main`. `time.time()` is
// pyconc's, so it follows PYCONC_TIME_SCALE like every pyconc clock.

import { asyncio, time } from "../mod.ts";

async function longTimeTask(id: number): Promise<string> {
  console.log(`long time task ${id} begin ${time.time()}`);
  await asyncio.sleep(id); // 休眠几秒
  console.log(`long time task ${id} end ${time.time()}`);
  return "data";
}

async function main(): Promise<void> {
  const res1 = await longTimeTask(1);
  console.log(`result1: ${res1}`);
  const res2 = await longTimeTask(2);
  console.log(`result2: ${res2}`);
}

console.log(`main begin ${time.time()}`);
await asyncio.run(main); // 创建事件循环,运行一个协程,关闭事件循环。
console.log(`main end ${time.time()}`);
