// S3-03 — `create_task(..., name='1')` ×2 (seed 003, "协程任务(Task)"):
// both start at once, both finish two seconds later.
//
// Python original:
//
//   import asyncio
//
//   async def fetch_data():
//       await asyncio.sleep(2)
//       return "Data fetched"
//
//   async def task1():
//       print('Task 1 started')
//       res = await fetch_data()
//       print(f'Task 1 finished {res}')
//
//   async def task2():
//       print('Task 2 started')
//       res = await fetch_data()
//       print(f'Task 2 finished {res}')
//
//   async def main():
//       t1 = asyncio.create_task(task1(), name='1')
//       t2 = asyncio.create_task(task2(), name='2')
//
//       await t1
//       await t2
//
//   asyncio.run(main())
//
// Differences: `name='1'` becomes the options object `{ name: "1" }`, and the
// coroutine is passed as the function `task1`.

import { asyncio } from "../mod.ts";

async function fetchData(): Promise<string> {
  await asyncio.sleep(2);
  return "Data fetched";
}

async function task1(): Promise<void> {
  console.log("Task 1 started");
  const res = await fetchData();
  console.log(`Task 1 finished ${res}`);
}

async function task2(): Promise<void> {
  console.log("Task 2 started");
  const res = await fetchData();
  console.log(`Task 2 finished ${res}`);
}

async function main(): Promise<void> {
  const t1 = asyncio.createTask(task1, { name: "1" });
  const t2 = asyncio.createTask(task2, { name: "2" });

  await t1;
  await t2;
}

await asyncio.run(main);
