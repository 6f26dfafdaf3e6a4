// S1-07 — `create_task` ×2, then await both and print the results (seed 001,
// "Task 对象", 示例 1).
//
// Python original:
//
//   import asyncio
//
//   async def func():
//       print(1)
//       await asyncio.sleep(1)
//       print(2)
//       return '返回值'
//
//   async def main():
//       print('main函数开始执行')
//       # 创建Task对象,将当前执行的func函数添加到事件循环
//       task1 = asyncio.create_task(func())
//       task2 = asyncio.create_task(func())
//       print('main函数执行结束')
//
//       # 当执行某些协程遇到IO操作时,会自动切换执行其他任务
//       # 此处的await是等待相对应的协程全部执行完毕并获取结果
//       ret1 = await task1
//       ret2 = await task2
//       print(ret1, ret2)
//
//   asyncio.run(main())
//
// Differences: `create_task(func())` becomes `createTask(func)` (the task
// calls the function when it is scheduled, so 'main函数执行结束' comes before
// the tasks' first `1`, as in Python). `print(ret1, ret2)` joins with a space
// like console.log.

import { asyncio } from "../mod.ts";

async function func(): Promise<string> {
  console.log(1);
  await asyncio.sleep(1);
  console.log(2);
  return "返回值";
}

async function main(): Promise<void> {
  console.log("main函数开始执行");
  // 创建Task对象,将当前执行的func函数添加到事件循环
  const task1 = asyncio.createTask(func);
  const task2 = asyncio.createTask(func);
  console.log("main函数执行结束");

  // 当执行某些协程遇到IO操作时,会自动切换执行其他任务
  // 此处的await是等待相对应的协程全部执行完毕并获取结果
  const ret1 = await task1;
  const ret2 = await task2;
  console.log(ret1, ret2);
}

await asyncio.run(main);
