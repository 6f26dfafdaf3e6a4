// S0-21 — two tasks from `asyncio.create_task` run concurrently (seed 000,
// "Task"): the whole program takes about 2 seconds, not 3.
//
// Python original:
//
//   import asyncio, time
//   async def long_time_task(id):
//       print(f"long time task{id} begin {time.time()}")
//       await asyncio.sleep(id)  # 休眠几秒
//       print(f"long time task{id} end {time.time()}")
//       return "data" + str(id)
//   async def main():
//       task1 = asyncio.create_task(long_time_task(1))  # 创建一个并发任务
//       task2 = asyncio.create_task(long_time_task(2))
//       print("create tasks")
//       res2 = await task2
//       print(f"task2 result:{res2}")
//       res1 = await task1
//       print(f"task1 result:{res1}")
//   if __name__ == "__main__":
//       print(f"main begin {time.time()}")
//       asyncio.run(main())  # 创建事件循环,运行一个协程,关闭事件循环。
//       print(f"main end {time.time()}")
//
// Differences: `create_task(long_time_task(1))` becomes
// `createTask(() => longTimeTask(1))`. Calling a JS async function runs its
// body at once, while a Python coroutine waits until its task is scheduled;
// handing `createTask` a function keeps Python's order ("create tasks" is
// printed before either task begins).

import { asyncio, time } from "../mod.ts";

async function longTimeTask(id: number): Promise<string> {
  console.log(`long time task${id} begin ${time.time()}`);
  await asyncio.sleep(id); // 休眠几秒
  console.log(`long time task${id} end ${time.time()}`);
  return "data" + String(id);
}

async function main(): Promise<void> {
  const task1 = asyncio.createTask(() => longTimeTask(1)); // 创建一个并发任务
  const task2 = asyncio.createTask(() => longTimeTask(2));
  console.log("create tasks");
  const res2 = await task2;
  console.log(`task2 result:${res2}`);
  const res1 = await task1;
  console.log(`task1 result:${res1}`);
}

console.log(`main begin ${time.time()}`);
await asyncio.run(main); // 创建事件循环,运行一个协程,关闭事件循环。
console.log(`main end ${time.time()}`);
