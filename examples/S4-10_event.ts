// S4-10 — `asyncio.Event`: a waiter and a setter (seed 004, "14. asyncio.Event()").
//
// Python original:
//
//   import asyncio
//   async def waiter(event):
//       print("等待事件...")
//       await event.wait() # 等待事件被设置
//       print("事件已被设置,继续执行")
//   async def setter(event):
//       print("等待3秒后设置事件")
//       await asyncio.sleep(3)
//       event.set() # 设置事件,通知所有等待者
//   async def main():
//       event = asyncio.Event()
//       # 创建一个等待者和一个设置者
//       await asyncio.gather(waiter(event), setter(event))
//   asyncio.run(main())
//
// Differences: none beyond the lazy coroutines handed to gather.

import { asyncio } from "../mod.ts";

async function waiter(event: asyncio.Event): Promise<void> {
  console.log("等待事件...");
  await event.wait(); // 等待事件被设置
  console.log("事件已被设置,继续执行");
}

async function setter(event: asyncio.Event): Promise<void> {
  console.log("等待3秒后设置事件");
  await asyncio.sleep(3);
  event.set(); // 设置事件,通知所有等待者
}

async function main(): Promise<void> {
  const event = new asyncio.Event();
  // 创建一个等待者和一个设置者
  await asyncio.gather(() => waiter(event), () => setter(event));
}

await asyncio.run(main);
