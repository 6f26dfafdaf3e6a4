// S3-06 — `wait_for(fetch_data(), 1)` raises TimeoutError; the CancelledError
// branch is not taken (seed 003, "执行任务超时控制").
//
// Python original:
//
//   import asyncio
//
//   async def fetch_data():
//       await asyncio.sleep(2)
//       return "Data fetched"
//
//   async def main():
//       try:
//           # 正常情况 timeout>2
//           # 超时情况 timeout<=2
//           result = await asyncio.wait_for(fetch_data(), 1)
//           print(result)
//       except asyncio.TimeoutError:
//           print("Timeout!")
//       except asyncio.CancelledError:
//           print("Cancelled!")
//
//   asyncio.run(main())
//
// Differences: the two `except` clauses become `instanceof` checks on pyconc's
// TimeoutError and CancelledError; anything else is re-thrown.

import { asyncio, CancelledError, TimeoutError } from "../mod.ts";

async function fetchData(): Promise<string> {
  await asyncio.sleep(2);
  return "Data fetched";
}

async function main(): Promise<void> {
  try {
    // 正常情况 timeout>2
    // 超时情况 timeout<=2
    const result = await asyncio.waitFor(fetchData, 1);
    console.log(result);
  } catch (e) {
    if (e instanceof TimeoutError) {
      console.log("Timeout!");
    } else if (e instanceof CancelledError) {
      console.log("Cancelled!");
    } else {
      throw e;
    }
  }
}

await asyncio.run(main);
