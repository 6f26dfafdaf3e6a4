// S0-30 — blocking work in executors from asyncio: the default executor, a
// ThreadPoolExecutor and a ProcessPoolExecutor (seed 000,
// "在线程或者进程池中执行阻塞任务").
//
// Python original:
//
//   import asyncio, time
//   from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
//   def long_time_task():
//       time.sleep(2)
//       return "data"
//   def compute_task():
//       time.sleep(1)
//       return 3
//   async def main():
//       loop = asyncio.get_running_loop()
//       result = await loop.run_in_executor(None, long_time_task)
//       print(f"loop result: {result}")
//       with ThreadPoolExecutor() as pool:
//           result = await loop.run_in_executor(pool, long_time_task)
//           print(f"io result: {result}")
//       with ProcessPoolExecutor() as pool:
//           result = await loop.run_in_executor(pool, compute_task)
//           print(f"cpu result: {result}")
//   if __name__ == "__main__":
//       asyncio.run(main())
//
// Differences: executor threads and processes are workers, so the two task
// functions are exported for the workers to import; `with` becomes
// `await using`. `asyncio.run` shuts the default executor down at the end.

import { asyncio, concurrent, multiprocessing, time } from "../mod.ts";

export function longTimeTask(): string {
  time.sleep(2);
  return "data";
}

export function computeTask(): number {
  time.sleep(1);
  return 3;
}

async function main(): Promise<void> {
  const loop = asyncio.getRunningLoop();
  let result: unknown = await loop.runInExecutor(null, longTimeTask); // the default executor
  console.log(`loop result: ${result}`);
  {
    await using pool = new concurrent.futures.ThreadPoolExecutor();
    result = await loop.runInExecutor(pool, longTimeTask); // a thread of our own pool
    console.log(`io result: ${result}`);
  }
  {
    await using pool = new concurrent.futures.ProcessPoolExecutor();
    result = await loop.runInExecutor(pool, computeTask); // a process of our own pool
    console.log(`cpu result: ${result}`);
  }
}

if (multiprocessing.isMain(import.meta)) {
  await asyncio.run(main);
}
