// S1-11 — a task sets a future's result after 2 seconds (seed 001,
// "asyncio.Future 对象", 示例 2).
//
// Python original:
//
//   import asyncio
//
//   async def set_after(fut):
//       await asyncio.sleep(2)
//       fut.set_result('666')
//
//   async def main():
//       # 获取当前事件循环
//       loop = asyncio.get_running_loop()
//       # 创建一个任务(Future对象),没绑定任何行为,则这个任务永远不知道什么时候结束
//       fut = loop.create_future()
//       # 创建一个任务(Task对象),绑定set_after函数,函数内部在2s之后,会给fut赋值
//       # 即手动设置future任务的最终结果,那么fut就可以结束了
//       await loop.create_task(set_after(fut))
//       # 等待future对象获取最终结果,否则一直等下去
//       data = await fut
//       print(data)
//
//   asyncio.run(main())
//
// Differences: `loop.create_task(set_after(fut))` becomes
// `loop.createTask(() => setAfter(fut))`.

import { asyncio } from "../mod.ts";

async function setAfter(fut: asyncio.Future<string>): Promise<void> {
  await asyncio.sleep(2);
  fut.setResult("666");
}

async function main(): Promise<void> {
  // 获取当前事件循环
  const loop = asyncio.getRunningLoop();
  // 创建一个任务(Future对象),没绑定任何行为,则这个任务永远不知道什么时候结束
  const fut = loop.createFuture<string>();
  // 创建一个任务(Task对象),绑定set_after函数,函数内部在2s之后,会给fut赋值
  // 即手动设置future任务的最终结果,那么fut就可以结束了
  await loop.createTask(() => setAfter(fut));
  // 等待future对象获取最终结果,否则一直等下去
  const data = await fut;
  console.log(data);
}

await asyncio.run(main);
