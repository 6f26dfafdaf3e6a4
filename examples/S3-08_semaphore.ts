// S3-08 — `Semaphore(2)` over 5 workers (seed 003, "信号量").
//
// Python original (the seed omits `import asyncio`):
//
//   async def worker(semaphore, id):
//       async with semaphore:
//           print(f"Worker {id} started")
//           await asyncio.sleep(1)
//           print(f"Worker {id} finished")
//
//   async def main():
//       semaphore = asyncio.Semaphore(2) # 限制并发数为 2
//       tasks = [worker(semaphore, i) for i in range(5)]
//       await asyncio.gather(*tasks)
//
//   asyncio.run(main())
//
// Differences: `async with semaphore:` becomes
// `await using _ = await semaphore.acquire()`; the list of coroutines is a
// list of functions (lazy coroutines), spread into gather as in Python.

import { asyncio } from "../mod.ts";

async function worker(semaphore: asyncio.Semaphore, id: number): Promise<void> {
  await using _ = await semaphore.acquire();
  console.log(`Worker ${id} started`);
  await asyncio.sleep(1);
  console.log(`Worker ${id} finished`);
}

async function main(): Promise<void> {
  const semaphore = new asyncio.Semaphore(2); // 限制并发数为 2
  const tasks = Array.from({ length: 5 }, (_, i) => () => worker(semaphore, i));
  await asyncio.gather(...tasks);
}

await asyncio.run(main);
