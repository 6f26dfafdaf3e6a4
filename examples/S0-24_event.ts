// S0-24 — `asyncio.Event` set after 2 seconds (seed 000, "事件Event").
//
// Python original:
//
//   import asyncio
//   async def wait_task(event):
//       print("等待事件触发")
//       await event.wait()  # 阻塞直至flag被设为 true
//       print("事件被触发了")
//   async def main():
//       print("main begin")
//       event = asyncio.Event()
//       task = asyncio.create_task(wait_task(event))
//       print("create task")
//       await asyncio.sleep(2)
//       print("开始触发事件")
//       event.set()  # 将flag设为 true
//       await task  # 将此语句放在上面的await语句前将会一直阻塞
//       print("main end")
//   if __name__ == "__main__":
//       asyncio.run(main())
//
// Differences: none beyond the lazy task (`createTask(() => waitTask(event))`)
// and the awaited `asyncio.run`.

import { asyncio } from "../mod.ts";

async function waitTask(event: asyncio.Event): Promise<void> {
  console.log("等待事件触发");
  await event.wait(); // 阻塞直至flag被设为 true
  console.log("事件被触发了");
}

async function main(): Promise<void> {
  console.log("main begin");
  const event = new asyncio.Event();
  const task = asyncio.createTask(() => waitTask(event));
  console.log("create task");
  await asyncio.sleep(2);
  console.log("开始触发事件");
  event.set(); // 将flag设为 true
  await task; // 将此语句放在上面的await语句前将会一直阻塞
  console.log("main end");
}

await asyncio.run(main);
