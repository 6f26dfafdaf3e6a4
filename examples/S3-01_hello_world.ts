// S3-01 — hello world with `asyncio.run` (seed 003, "事件循环").
//
// Python original:
//
//   import asyncio
//
//   async def main():
//       print('Hello ...')
//       # 模拟IO操作
//       await asyncio.sleep(2)
//       print('... World!')
//
//   # 使用 asyncio.run() 运行协程
//   asyncio.run(main())
//
// Differences: `asyncio.run(main)` takes the coroutine function and returns a
// promise, which the program awaits (JavaScript cannot block the loop).

import { asyncio } from "../mod.ts";

async function main(): Promise<void> {
  console.log("Hello ...");
  // 模拟IO操作
  await asyncio.sleep(2);
  console.log("... World!");
}

// 使用 asyncio.run() 运行协程
await asyncio.run(main);
