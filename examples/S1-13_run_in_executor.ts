// S1-13 — `run_in_executor`: the default thread pool, then (commented out in
// the original, run here) a custom thread pool and a custom process pool
// (seed 001, "交叉使用").
//
// Python original:
//
//   import time
//   import asyncio
//   import concurrent.futures
//   def func1():
//       time.sleep(2)
//       return '天秀'
//   async def main():
//       loop = asyncio.get_running_loop()
//       fut = loop.run_in_executor(None, func1)
//       result = await fut
//       print('default thread pool', result)
//       # with concurrent.futures.ThreadPoolExecutor() as pool:
//       #     result = await loop.run_in_executor(pool, func1)
//       #     print('custom thread pool', result)
//       # with concurrent.futures.ProcessPoolExecutor() as pool:
//       #     result = await loop.run_in_executor(pool, func1)
//       #     print('custom process poo1', result)
//
// Differences: `run_in_executor` submits `func1` to the executor (which
// returns a `concurrent.futures.Future`) and wraps that in an asyncio future,
// as Python does. `func1` is exported so the workers import it by name.

import { asyncio, concurrent, multiprocessing, time } from "../mod.ts";

export function func1(): string {
  time.sleep(2); // a blocking operation
  return "天秀";
}

async function main(): Promise<void> {
  const loop = asyncio.getRunningLoop();
  // 1. The loop's default executor (a ThreadPoolExecutor).
  const fut = loop.runInExecutor(null, func1);
  let result = await fut;
  console.log("default thread pool", result);
  // 2. A custom thread pool.
  {
    await using pool = new concurrent.futures.ThreadPoolExecutor();
    result = await loop.runInExecutor(pool, func1);
    console.log("custom thread pool", result);
  }
  // 3. A custom process pool.
  {
    await using pool = new concurrent.futures.ProcessPoolExecutor();
    result = await loop.runInExecutor(pool, func1);
    console.log("custom process poo1", result);
  }
}

if (multiprocessing.isMain(import.meta)) {
  await asyncio.run(main);
}
