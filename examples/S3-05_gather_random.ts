// S3-05 — `gather` of random sleeps (seed 003, "多协程并发执行"): the results
// come back in argument order, whatever order the sleeps end in.
//
// Python original:
//
//   import asyncio
//   import random
//
//   async def fetch_data(name): # 根据入参区分任务
//       sec = random.randint(1, 10) # 生成1-10s随机等待时间
//       print(f'{name} wait sec {sec}')
//       await asyncio.sleep(sec)
//       return f"fetched {name}"
//
//   async def main():
//       results = await asyncio.gather(
//           fetch_data(1),
//           fetch_data(2),
//           fetch_data(3)
//       )
//       print(results)
//
//   asyncio.run(main())
//
// Differences: `random.randint(1, 10)` (inclusive) is written with
// Math.random; `pyList` prints the array as Python prints a list.

import { asyncio } from "../mod.ts";

function pyList(items: string[]): string {
  return `[${items.map((item) => `'${item}'`).join(", ")}]`;
}

function randint(a: number, b: number): number {
  return a + Math.floor(Math.random() * (b - a + 1));
}

async function fetchData(name: number): Promise<string> { // 根据入参区分任务
  const sec = randint(1, 10); // 生成1-10s随机等待时间
  console.log(`${name} wait sec ${sec}`);
  await asyncio.sleep(sec);
  return `fetched ${name}`;
}

async function main(): Promise<void> {
  const results = await asyncio.gather(
    () => fetchData(1),
    () => fetchData(2),
    () => fetchData(3),
  );
  console.log(pyList(results));
}

await asyncio.run(main);
