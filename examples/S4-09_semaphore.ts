// S4-09 — `Semaphore(2)` over 5 workers (seed 004, "13. asyncio.Semaphore()").
//
// Python original:
//
//   import asyncio
//   async def worker(semaphore, id):
//       async with semaphore:
//           print(f"工作者 {id} 开始")
//           await asyncio.sleep(1)
//           print(f"工作者 {id} 完成")
//   async def main():
//       # 限制最多2个协程同时执行
//       semaphore = asyncio.Semaphore(2)
//       await asyncio.gather(*(worker(semaphore, i) for i in range(5)))
//   asyncio.run(main())
//
// Differences: `async with semaphore:` becomes
// `await using _ = await semaphore.acquire()`; the generator of coroutines is
// an array of functions spread into gather.

import { asyncio } from "../mod.ts";

async function worker(semaphore: asyncio.Semaphore, id: number): Promise<void> {
  await using _ = await semaphore.acquire();
  console.log(`工作者 ${id} 开始`);
  await asyncio.sleep(1);
  console.log(`工作者 ${id} 完成`);
}

async function main(): Promise<void> {
  // 限制最多2个协程同时执行
  const semaphore = new asyncio.Semaphore(2);
  await asyncio.gather(...Array.from({ length: 5 }, (_, i) => () => worker(semaphore, i)));
}

await asyncio.run(main);
