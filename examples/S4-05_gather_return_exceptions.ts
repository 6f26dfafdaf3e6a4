// S4-05 — `gather(..., return_exceptions=True)` (seed 004, "8. asyncio.gather()").
//
// Python original:
//
//   import asyncio
//   async def fetch(id):
//       await asyncio.sleep(id)
//       return f"结果 {id}"
//   async def main():
//       # 并发执行三个协程
//       results = await asyncio.gather(
//           fetch(1),
//           fetch(2),
//           fetch(3),
//           return_exceptions=True # 错误会被作为结果返回而非引发异常
//       )
//       print(results) # ['结果 1', '结果 2', '结果 3']
//   asyncio.run(main())
//
// Differences: the keyword argument is the trailing options object
// `{ returnExceptions: true }`; `pyList` prints the array as Python prints a
// list.

import { asyncio } from "../mod.ts";

function pyList(items: unknown[]): string {
  return `[${
    items.map((item) => typeof item === "string" ? `'${item}'` : String(item)).join(", ")
  }]`;
}

async function fetch(id: number): Promise<string> {
  await asyncio.sleep(id);
  return `结果 ${id}`;
}

async function main(): Promise<void> {
  // 并发执行三个协程
  const results = await asyncio.gather(
    () => fetch(1),
    () => fetch(2),
    () => fetch(3),
    { returnExceptions: true }, // 错误会被作为结果返回而非引发异常
  );
  console.log(pyList(results)); // ['结果 1', '结果 2', '结果 3']
}

await asyncio.run(main);
