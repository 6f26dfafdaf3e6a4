// S0-23 — `asyncio.wait_for(..., timeout=1)` raises TimeoutError (seed 000,
// "超时控制"). The inner coroutine (a 4-second sleep) is cancelled when the
// timeout expires, so the program ends after about 1 second.
//
// Python original:
//
//   import asyncio
//   async def long_time_task(id):
//       await asyncio.sleep(id + 1)  # 休眠几秒
//       return "data" + str(id)
//   async def main():
//       try:
//           result = await asyncio.wait_for(long_time_task(3), timeout=1)  # 超时控制
//           print(f"result: {result}")
//       except asyncio.TimeoutError:
//           print("time is out")
//   if __name__ == "__main__":
//       asyncio.run(main())
//
// Differences: `timeout=1` is positional (`waitFor(aw, 1)`), as Python users
// usually write it; `except asyncio.TimeoutError` becomes an `instanceof`
// check on pyconc's TimeoutError (one class, as Python's asyncio.TimeoutError
// is the builtin TimeoutError since 3.11).

import { asyncio, TimeoutError } from "../mod.ts";

async function longTimeTask(id: number): Promise<string> {
  await asyncio.sleep(id + 1); // 休眠几秒
  return "data" + String(id);
}

async function main(): Promise<void> {
  try {
    const result = await asyncio.waitFor(() => longTimeTask(3), 1); // 超时控制
    console.log(`result: ${result}`);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log("time is out");
  }
}

await asyncio.run(main);
