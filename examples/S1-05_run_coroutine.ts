// S1-05 — a coroutine handed to `asyncio.run` (seed 001, "协程函数 / 协程对象 /
// 事件循环").
//
// Python original:
//
//   import asyncio
//
//   # 创建“协程函数”
//   async def func():
//       print('协程函数')
//
//   # 创建“协程对象”
//   result = func()
//
//   # 创建“事件循环”对象
//   # loop = asyncio.get_event_loop()
//   # 执行“事件循环”对象
//   # loop.run_until_complete(result)
//
//   # Python 3.7版本中引入的语法
//   asyncio.run(result)
//
// Differences: in Python `func()` only creates a coroutine object and nothing
// runs until the loop drives it. Calling a JS async function runs its body at
// once, so the lazy "coroutine object" is the function itself: `result = func`
// is handed to `asyncio.run`, which calls it inside the running loop. The
// commented-out pre-3.7 form maps to
// `asyncio.getEventLoop().runUntilComplete(result)`.

import { asyncio } from "../mod.ts";

// 创建“协程函数”
// deno-lint-ignore require-await
async function func(): Promise<void> {
  console.log("协程函数");
}

// 创建“协程对象” (lazy: the function, not its promise)
const result = func;

// 创建“事件循环”对象
// const loop = asyncio.getEventLoop();
// 执行“事件循环”对象
// await loop.runUntilComplete(result);

// Python 3.7版本中引入的语法
await asyncio.run(result);
