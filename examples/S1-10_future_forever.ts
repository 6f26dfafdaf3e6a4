// S1-10 — `loop.create_future()` awaited "forever" (seed 001,
// "asyncio.Future 对象", 示例 1).
//
// Python original:
//
//   import asyncio
//
//   async def main():
//       # 获取当前事件循环
//       loop = asyncio.get_running_loop()
//       # 创建一个任务(Future对象),这个任务什么都不干
//       fut = loop.create_future()
//       # 等待任务最终结果(future对象),没有结果则会一直等下去
//       await fut
//
//   asyncio.run(main())
//
// Differences: the original never ends (nothing ever sets the future). Here
// the wait is bounded with `asyncio.waitFor(fut, 3)`: after 3 seconds it
// cancels the future and raises TimeoutError, and the program prints one line
// the original does not have, so that the bound is visible (a boolean printed
// the way Python prints it).

import { asyncio, TimeoutError } from "../mod.ts";

async function main(): Promise<void> {
  // 获取当前事件循环
  const loop = asyncio.getRunningLoop();
  // 创建一个任务(Future对象),这个任务什么都不干
  const fut = loop.createFuture<void>();
  // 等待任务最终结果(future对象),没有结果则会一直等下去 (bounded: 3 seconds)
  try {
    await asyncio.waitFor(fut, 3);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log(`3 秒后仍没有结果: fut.cancelled() = ${fut.cancelled() ? "True" : "False"}`);
  }
}

await asyncio.run(main);
