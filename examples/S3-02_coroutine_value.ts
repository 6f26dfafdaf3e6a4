// S3-02 — a coroutine returning a value (seed 003, "协程函数").
//
// Python original:
//
//   async def fetch_data():
//       await asyncio.sleep(2)
//       return "Data fetched"
//
//   async def main():
//       data = await fetch_data()
//       print(data)
//
//   asyncio.run(main())
//
// Differences: none beyond the awaited `asyncio.run(main)`.

import { asyncio } from "../mod.ts";

async function fetchData(): Promise<string> {
  await asyncio.sleep(2);
  return "Data fetched";
}

async function main(): Promise<void> {
  const data = await fetchData();
  console.log(data);
}

await asyncio.run(main);
