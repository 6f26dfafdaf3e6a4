// S4-15 — `task.cancel()`: CancelledError caught and re-raised inside the
// task, then caught in main (seed 004, "19. 取消与超时处理").
//
// Python original:
//
//   import asyncio
//   async def cancelable_operation():
//       try:
//           print("开始长时间操作")
//           await asyncio.sleep(10)
//           print("操作完成") # 如果被取消,不会执行到这里
//       except asyncio.CancelledError:
//           print("操作被取消")
//           raise # 重新抛出异常
//   async def main():
//       # 创建任务
//       task = asyncio.create_task(cancelable_operation())
//       # 等待1秒
//       await asyncio.sleep(1)
//       # 取消任务
//       task.cancel()
//       try:
//           await task
//       except asyncio.CancelledError:
//           print("主函数捕获到取消异常")
//   asyncio.run(main())
//
// Differences: `except asyncio.CancelledError:` is an `instanceof` check on
// pyconc's CancelledError (delivered at the task's pending `asyncio.sleep`);
// `raise` is `throw e`.

import { asyncio, CancelledError } from "../mod.ts";

async function cancelableOperation(): Promise<void> {
  try {
    console.log("开始长时间操作");
    await asyncio.sleep(10);
    console.log("操作完成"); // 如果被取消,不会执行到这里
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log("操作被取消");
    }
    throw e; // 重新抛出异常
  }
}

async function main(): Promise<void> {
  // 创建任务
  const task = asyncio.createTask(cancelableOperation);
  // 等待1秒
  await asyncio.sleep(1);
  // 取消任务
  task.cancel();
  try {
    await task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log("主函数捕获到取消异常");
  }
}

await asyncio.run(main);
