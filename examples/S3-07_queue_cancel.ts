// S3-07 — `Queue` producer/consumer; `join`; then cancel the consumer (seed
// 003, "队列").
//
// Python original:
//
//   import asyncio
//
//   async def producer(queue):
//       for i in range(5):
//           await queue.put(i)
//           print(f'produced: {i}')
//           await asyncio.sleep(1)
//
//   async def consumer(queue):
//       while True:
//           item = await queue.get() # 持续消费
//           print(f'consumed: {item}')
//           await asyncio.sleep(2) # 模拟消费延迟
//           queue.task_done() # 通知队列已完成,避免join()一直阻塞
//
//   async def main():
//       queue = asyncio.Queue()
//       produce_task = asyncio.create_task(producer(queue))
//       consume_task = asyncio.create_task(consumer(queue))
//
//       await produce_task # 等待生产任务完成
//       await queue.join() # 等待队列清空
//       consume_task.cancel() # 取消死循环的消费任务,退出程序
//
//   asyncio.run(main())
//
// Differences: none beyond the lazy tasks. The consumer ends with a
// CancelledError at its pending `queue.get()`, as in Python.

import { asyncio } from "../mod.ts";

async function producer(queue: asyncio.Queue<number>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await queue.put(i);
    console.log(`produced: ${i}`);
    await asyncio.sleep(1);
  }
}

async function consumer(queue: asyncio.Queue<number>): Promise<never> {
  while (true) {
    const item = await queue.get(); // 持续消费
    console.log(`consumed: ${item}`);
    await asyncio.sleep(2); // 模拟消费延迟
    queue.taskDone(); // 通知队列已完成,避免join()一直阻塞
  }
}

async function main(): Promise<void> {
  const queue = new asyncio.Queue<number>();
  const produceTask = asyncio.createTask(() => producer(queue));
  const consumeTask = asyncio.createTask(() => consumer(queue));

  await produceTask; // 等待生产任务完成
  await queue.join(); // 等待队列清空
  consumeTask.cancel(); // 取消死循环的消费任务,退出程序
}

await asyncio.run(main);
