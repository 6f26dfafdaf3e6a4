// S4-04 — a task named "背景任务" and `get_name()` (seed 004, "7. 任务 (Task)").
//
// Python original:
//
//   import asyncio
//   async def background_task():
//       print("后台任务开始")
//       await asyncio.sleep(2)
//       print("后台任务完成")
//       return "后台任务结果"
//   async def main():
//       # 创建任务并命名(Python 3.8+)
//       task = asyncio.create_task(background_task(), name="背景任务")
//       # 获取任务名称(Python 3.8+)
//       print(f"任务名称: {task.get_name()}")
//       # 做其他事情
//       print("主函数继续执行")
//       await asyncio.sleep(1)
//       # 等待任务完成
//       result = await task
//       print(f"获取到结果: {result}")
//   asyncio.run(main())
//
// Differences: `name="背景任务"` becomes `{ name: "背景任务" }`. The task
// starts only when main first awaits, so "主函数继续执行" comes before
// "后台任务开始", as in Python.

import { asyncio } from "../mod.ts";

async function backgroundTask(): Promise<string> {
  console.log("后台任务开始");
  await asyncio.sleep(2);
  console.log("后台任务完成");
  return "后台任务结果";
}

async function main(): Promise<void> {
  // 创建任务并命名(Python 3.8+)
  const task = asyncio.createTask(backgroundTask, { name: "背景任务" });
  // 获取任务名称(Python 3.8+)
  console.log(`任务名称: ${task.getName()}`);
  // 做其他事情
  console.log("主函数继续执行");
  await asyncio.sleep(1);
  // 等待任务完成
  const result = await task;
  console.log(`获取到结果: ${result}`);
}

await asyncio.run(main);
