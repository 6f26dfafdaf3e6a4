// S4-21 — CPU-bound work in a `ProcessPoolExecutor` and I/O-bound asyncio
// tasks under one `gather` (seed 004, "多进程+asyncio").
//
// Python original:
//
//   import asyncio, concurrent.futures, time, math
//   def cpu_bound_task(n):
//       print(f"计算第 {n} 个素数")
//       start = time.time()
//       count = 0
//       num = 2
//       while count < n:
//           if all(num % i != 0 for i in range(2, int(math.sqrt(num)) + 1)):
//               count += 1
//           num += 1
//       result = num - 1
//       print(f"第 {n} 个素数是 {result},耗时 {time.time() - start:.2f} 秒")
//       return result
//   async def io_bound_task(n):
//       print(f"I/O任务 {n} 开始")
//       await asyncio.sleep(1)
//       print(f"I/O任务 {n} 完成")
//       return f"I/O结果 {n}"
//   async def main():
//       with concurrent.futures.ProcessPoolExecutor() as pool:
//           loop = asyncio.get_running_loop()
//           cpu_tasks = [
//               loop.run_in_executor(pool, cpu_bound_task, i*1000)
//               for i in range(1, 5)
//           ]
//           io_tasks = [io_bound_task(i) for i in range(1, 5)]
//           all_results = await asyncio.gather(*cpu_tasks, *io_tasks)
//           print(f"所有结果: {all_results}")
//   # asyncio.run(main())
//
// Differences: the original leaves `asyncio.run(main())` commented out; this
// port runs it. Coroutines go to `gather` as functions (see S1-05); the
// result list prints in Python's notation.

import { asyncio, concurrent, multiprocessing, time } from "../mod.ts";

export function cpuBoundTask(n: number): number {
  console.log(`计算第 ${n} 个素数`);
  const start = time.time();
  let count = 0;
  let num = 2;
  while (count < n) {
    let prime = true;
    for (let i = 2; i <= Math.floor(Math.sqrt(num)); i++) {
      if (num % i === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count += 1;
    num += 1;
  }
  const result = num - 1;
  console.log(`第 ${n} 个素数是 ${result},耗时 ${(time.time() - start).toFixed(2)} 秒`);
  return result;
}

async function ioBoundTask(n: number): Promise<string> {
  console.log(`I/O任务 ${n} 开始`);
  await asyncio.sleep(1); // simulated I/O
  console.log(`I/O任务 ${n} 完成`);
  return `I/O结果 ${n}`;
}

async function main(): Promise<void> {
  await using pool = new concurrent.futures.ProcessPoolExecutor();
  const loop = asyncio.getRunningLoop();
  const cpuTasks = [1, 2, 3, 4].map((i) => loop.runInExecutor(pool, cpuBoundTask, i * 1000));
  const ioTasks = [1, 2, 3, 4].map((i) => () => ioBoundTask(i));
  const allResults = await asyncio.gather(...cpuTasks, ...ioTasks);
  const repr = allResults.map((r) => typeof r === "string" ? `'${r}'` : String(r));
  console.log(`所有结果: [${repr.join(", ")}]`);
}

if (multiprocessing.isMain(import.meta)) {
  await asyncio.run(main);
}
