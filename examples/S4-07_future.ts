// S4-07 — an `asyncio.Future()` resolved by another task (seed 004,
// "11. Future对象").
//
// Python original:
//
//   import asyncio
//   async def set_future_result(future):
//       await asyncio.sleep(1)
//       future.set_result("Future完成了")
//   async def main():
//       # 创建Future对象
//       future = asyncio.Future()
//       # 创建任务设置future结果
//       asyncio.create_task(set_future_result(future))
//       # 等待future完成
//       result = await future
//       print(result)
//   asyncio.run(main())
//
// Differences: `asyncio.Future()` is `new asyncio.Future<string>()`, bound to
// the running loop as in Python.

import { asyncio } from "../mod.ts";

async function setFutureResult(future: asyncio.Future<string>): Promise<void> {
  await asyncio.sleep(1);
  future.setResult("Future完成了");
}

async function main(): Promise<void> {
  // 创建Future对象
  const future = new asyncio.Future<string>();
  // 创建任务设置future结果
  asyncio.createTask(() => setFutureResult(future));
  // 等待future完成
  const result = await future;
  console.log(result);
}

await asyncio.run(main);
