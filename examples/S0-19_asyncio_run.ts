// S0-19 — `asyncio.run(long_time_task())` (seed 000, "协程").
//
// Python original:
//
//   import asyncio
//   async def long_time_task():
//       print("long time task begin")
//       await asyncio.sleep(2)  # 休眠几秒
//       print("long time task end")
//   if __name__ == "__main__":
//       print("main begin")
//       asyncio.run(long_time_task())  # 创建事件循环,运行一个协程,关闭事件循环。
//       print("main end")
//
// Differences: JavaScript cannot block on the event loop, so `asyncio.run`
// returns a promise and the program awaits it at top level. `asyncio.run` takes
// the coroutine function itself (a JS async function starts as soon as it is
// called; passing the function lets `run` start it the way Python does). The
// `__name__ == "__main__"` guard is not needed: nothing imports this file.

import { asyncio } from "../mod.ts";

async function longTimeTask(): Promise<void> {
  console.log("long time task begin");
  await asyncio.sleep(2); // 休眠几秒
  console.log("long time task end");
}

console.log("main begin");
await asyncio.run(longTimeTask); // 创建事件循环,运行一个协程,关闭事件循环。
console.log("main end");
