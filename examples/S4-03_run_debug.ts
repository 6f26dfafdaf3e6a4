// S4-03 — `asyncio.run(main(), debug=True)` returns main's result (seed 004,
// "6. asyncio.run()").
//
// Python original:
//
//   import asyncio
//   async def main():
//       print("开始执行main")
//       await asyncio.sleep(1)
//       print("main执行完成")
//       return "结果"
//   # Python 3.10+支持debug模式和任务名称
//   result = asyncio.run(main(), debug=True) # 创建新事件循环,运行协程,完成后关闭循环
//   print(result)
//
// Differences: `debug=True` becomes the options object `{ debug: true }`;
// `asyncio.run` returns a promise of main's result.

import { asyncio } from "../mod.ts";

async function main(): Promise<string> {
  console.log("开始执行main");
  await asyncio.sleep(1);
  console.log("main执行完成");
  return "结果";
}
// Python 3.10+支持debug模式和任务名称
const result = await asyncio.run(main, { debug: true }); // 创建新事件循环,运行协程,完成后关闭循环
console.log(result);
