// S3-04 — `asyncio.wait([A, B, C], timeout=3)` (seed 003, "等待任务执行完成"):
// A finishes, C raises, B is still pending at the timeout and is cancelled.
//
// Python original:
//
//   import asyncio
//
//   async def task(name, delay):
//       print(f"Task {name} started")
//       await asyncio.sleep(delay)
//       if name == 'C':
//           raise RuntimeError(f'Task {name} failed')
//       print(f"Task {name} completed")
//       return 'Data fetched'
//
//   async def main():
//       task1 = asyncio.create_task(task("A", 2), name='A') # 正常结束,获取结果
//       task2 = asyncio.create_task(task("B", 5), name='B') # 超时,取消
//       task3 = asyncio.create_task(task("C", 1), name='C') # 报错
//
//       # 使用 asyncio.wait 等待两个任务完成,超时时间为 3 秒,让B超时
//       done, pending = await asyncio.wait([task1, task2, task3], timeout=3)
//
//       # 打印完成的任务
//       for t in done:
//           try:
//               print(f"Task {t.get_name()} done,result is {t.result()}")
//           except Exception as e:
//               print(f"Task {t.get_name()} raised an exception: {e}")
//
//       # 处理未完成的任务
//       for t in pending:
//           print(f"Task {t.get_name()} is still pending")
//           # 选择取消未完成的任务
//           t.cancel()
//           print(f"Task {t.get_name()} has been cancelled")
//
//   asyncio.run(main())
//
// Differences: `RuntimeError` becomes `Error`, and `{e}` (Python's str(e), the
// message) becomes `e.message`. `done` and `pending` are JS Sets; Python's set
// order is arbitrary, so the two "done" lines may come in either order.

import { asyncio } from "../mod.ts";

async function task(name: string, delay: number): Promise<string> {
  console.log(`Task ${name} started`);
  await asyncio.sleep(delay);
  if (name === "C") {
    throw new Error(`Task ${name} failed`);
  }
  console.log(`Task ${name} completed`);
  return "Data fetched";
}

async function main(): Promise<void> {
  const task1 = asyncio.createTask(() => task("A", 2), { name: "A" }); // 正常结束,获取结果
  const task2 = asyncio.createTask(() => task("B", 5), { name: "B" }); // 超时,取消
  const task3 = asyncio.createTask(() => task("C", 1), { name: "C" }); // 报错

  // 使用 asyncio.wait 等待两个任务完成,超时时间为 3 秒,让B超时
  const [done, pending] = await asyncio.wait([task1, task2, task3], { timeout: 3 });

  // 打印完成的任务
  for (const t of done) {
    try {
      console.log(`Task ${t.getName()} done,result is ${t.result()}`);
    } catch (e) {
      console.log(`Task ${t.getName()} raised an exception: ${(e as Error).message}`);
    }
  }

  // 处理未完成的任务
  for (const t of pending) {
    console.log(`Task ${t.getName()} is still pending`);
    // 选择取消未完成的任务
    t.cancel();
    console.log(`Task ${t.getName()} has been cancelled`);
  }
}

await asyncio.run(main);
