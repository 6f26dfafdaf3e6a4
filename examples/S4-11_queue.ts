// S4-11 — `asyncio.Queue` producer/consumer, `join`, then cancel the consumer
// (seed 004, "15. asyncio.Queue()").
//
// Python original:
//
//   import asyncio
//   async def producer(queue):
//       for i in range(5):
//           await asyncio.sleep(1)
//           await queue.put(f"项目 {i}")
//           print(f"生产了项目 {i}")
//   async def consumer(queue):
//       while True:
//           item = await queue.get()
//           print(f"消费了 {item}")
//           queue.task_done()
//           await asyncio.sleep(2)
//   async def main():
//       queue = asyncio.Queue()
//       # 创建生产者和消费者任务
//       producers = asyncio.create_task(producer(queue))
//       consumers = asyncio.create_task(consumer(queue))
//       # 等待生产者完成
//       await producers
//       # 等待队列处理完成
//       await queue.join()
//       # 取消消费者
//       consumers.cancel()
//   asyncio.run(main())
//
// Differences: none beyond the lazy tasks.

import { asyncio } from "../mod.ts";

async function producer(queue: asyncio.Queue<string>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await asyncio.sleep(1);
    await queue.put(`项目 ${i}`);
    console.log(`生产了项目 ${i}`);
  }
}

async function consumer(queue: asyncio.Queue<string>): Promise<never> {
  while (true) {
    const item = await queue.get();
    console.log(`消费了 ${item}`);
    queue.taskDone();
    await asyncio.sleep(2);
  }
}

async function main(): Promise<void> {
  const queue = new asyncio.Queue<string>();
  // 创建生产者和消费者任务
  const producers = asyncio.createTask(() => producer(queue));
  const consumers = asyncio.createTask(() => consumer(queue));
  // 等待生产者完成
  await producers;
  // 等待队列处理完成
  await queue.join();
  // 取消消费者
  consumers.cancel();
}

await asyncio.run(main);
