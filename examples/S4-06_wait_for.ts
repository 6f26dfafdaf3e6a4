// S4-06 — `wait_for(long_operation(), timeout=2)` raises TimeoutError (seed
// 004, "9. asyncio.wait_for()").
//
// Python original:
//
//   import asyncio
//   async def long_operation():
//       await asyncio.sleep(5)
//       return "完成"
//   async def main():
//       try:
//           # 等待协程,但最多等待2秒
//           result = await asyncio.wait_for(long_operation(), timeout=2)
//           print(result)
//       except asyncio.TimeoutError:
//           print("操作超时")
//   asyncio.run(main()) # 输出: 操作超时
//
// Differences: `timeout=2` is positional (`waitFor(aw, 2)`); the except clause
// is an `instanceof` check on pyconc's TimeoutError.

import { asyncio, TimeoutError } from "../mod.ts";

async function longOperation(): Promise<string> {
  await asyncio.sleep(5);
  return "完成";
}

async function main(): Promise<void> {
  try {
    // 等待协程,但最多等待2秒
    const result = await asyncio.waitFor(longOperation, 2);
    console.log(result);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("操作超时");
  }
}

await asyncio.run(main); // 输出: 操作超时
