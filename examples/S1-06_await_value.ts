// S1-06 — `await` another coroutine and use its return value, twice (seed
// 001, "async/await", 示例 3).
//
// Python original:
//
//   import asyncio
//
//   async def others():
//       print('start')
//       await asyncio.sleep(2)
//       print('end')
//       return '返回值'
//
//   async def func():
//       print('执行协程函数内部代码')
//       # 遇到 IO 操作挂起当前协程(任务),等 IO 操作完成之后再继续往下执行。
//       # 当前协程挂起时,事件循环可以去执行其他协程(任务)。
//       response1 = await others()
//       print(f'response1请求结束,结果为:{response1}')
//
//       response2 = await others()
//       print(f'response2 请求结束,结果为:{response2}')
//
//   asyncio.run(func())
//
// Differences: none: `await others()` inside a running task is the same in
// both languages (awaiting a coroutine directly does not create a task).

import { asyncio } from "../mod.ts";

async function others(): Promise<string> {
  console.log("start");
  await asyncio.sleep(2);
  console.log("end");
  return "返回值";
}

async function func(): Promise<void> {
  console.log("执行协程函数内部代码");
  // 遇到 IO 操作挂起当前协程(任务),等 IO 操作完成之后再继续往下执行。
  // 当前协程挂起时,事件循环可以去执行其他协程(任务)。
  const response1 = await others();
  console.log(`response1请求结束,结果为:${response1}`);

  const response2 = await others();
  console.log(`response2 请求结束,结果为:${response2}`);
}

await asyncio.run(func);
