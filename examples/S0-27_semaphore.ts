// S0-27 — `asyncio.Semaphore(2)` over 4 tasks (seed 000, "信号量Semaphore"):
// at most two run at once.
//
// Python original:
//
//   import asyncio
//   async def limited_task(semaphore, name):
//       async with semaphore:
//           print(f"Task {name} started")
//           await asyncio.sleep(1)
//           print(f"Task {name} completed")
//   async def main():
//       semaphore = asyncio.Semaphore(2)  # 信号量
//       await asyncio.gather(limited_task(semaphore, "A"), limited_task(semaphore, "B"), limited_task(semaphore, "C"), limited_task(semaphore, "D"))
//   if __name__ == "__main__":
//       asyncio.run(main())
//
// Differences: `async with semaphore:` becomes
// `await using _ = await semaphore.acquire()` (the permit is released when
// the function returns).

import { asyncio } from "../mod.ts";

async function limitedTask(semaphore: asyncio.Semaphore, name: string): Promise<void> {
  await using _ = await semaphore.acquire();
  console.log(`Task ${name} started`);
  await asyncio.sleep(1);
  console.log(`Task ${name} completed`);
}

async function main(): Promise<void> {
  const semaphore = new asyncio.Semaphore(2); // 信号量
  await asyncio.gather(
    () => limitedTask(semaphore, "A"),
    () => limitedTask(semaphore, "B"),
    () => limitedTask(semaphore, "C"),
    () => limitedTask(semaphore, "D"),
  );
}

await asyncio.run(main);
