// S0-22 — `asyncio.gather` of tasks, then of bare coroutines (seed 000,
// "并发执行多个任务"): each gather takes about 2 seconds and returns the
// results in argument order.
//
// Python original:
//
//   import asyncio, time
//   async def long_time_task(id):
//       await asyncio.sleep(id)  # 休眠几秒
//       return "data" + str(id)
//   async def main():
//       task1 = asyncio.create_task(long_time_task(1))  # 创建一个并发任务
//       task2 = asyncio.create_task(long_time_task(2))
//       print(f"task begin {time.time()}")
//       results = await asyncio.gather(task1, task2)  # 并发执行多个任务,等待任务全部完成
//       print(f"task end {time.time()}")
//       print(f"results: {results}")
//       print(f"coroutine begin {time.time()}")
//       results = await asyncio.gather(long_time_task(1), long_time_task(2))  # 并发执行多个任务,等待任务全部完成
//       print(f"coroutine end {time.time()}")
//       print(f"results: {results}")
//   if __name__ == "__main__":
//       asyncio.run(main())  # 创建事件循环,运行一个协程,关闭事件循环。
//
// Differences: a bare coroutine `long_time_task(1)` becomes the function
// `() => longTimeTask(1)`, which gather wraps in a task as Python does.
// Python prints a list as `['data1', 'data2']`; `pyList` formats the array the
// same way (a JS array would print as `data1,data2`).

import { asyncio, time } from "../mod.ts";

function pyList(items: string[]): string {
  return `[${items.map((item) => `'${item}'`).join(", ")}]`;
}

async function longTimeTask(id: number): Promise<string> {
  await asyncio.sleep(id); // 休眠几秒
  return "data" + String(id);
}

async function main(): Promise<void> {
  const task1 = asyncio.createTask(() => longTimeTask(1)); // 创建一个并发任务
  const task2 = asyncio.createTask(() => longTimeTask(2));
  console.log(`task begin ${time.time()}`);
  let results = await asyncio.gather(task1, task2); // 并发执行多个任务,等待任务全部完成
  console.log(`task end ${time.time()}`);
  console.log(`results: ${pyList(results)}`);
  console.log(`coroutine begin ${time.time()}`);
  results = await asyncio.gather(() => longTimeTask(1), () => longTimeTask(2)); // 并发执行多个任务,等待任务全部完成
  console.log(`coroutine end ${time.time()}`);
  console.log(`results: ${pyList(results)}`);
}

await asyncio.run(main); // 创建事件循环,运行一个协程,关闭事件循环。
