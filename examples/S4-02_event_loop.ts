// S4-02 — the event loop: `get_running_loop`, `is_running`, `create_future`,
// `call_later(1, set_result)` (seed 004, "4. 事件循环 (Event Loop)").
//
// Python original:
//
//   import asyncio
//   async def hello():
//       print("Hello, world!")
//       await asyncio.sleep(1)
//       print("Hello again!")
//   # Python 3.10+推荐方法
//   asyncio.run(hello()) # 创建新事件循环,运行协程,完成后关闭循环
//   # 手动管理事件循环(不推荐但有助于理解)
//   async def manual_loop_example():
//       loop = asyncio.get_running_loop() # 在 3.10+ 中获取当前运行的事件循环
//       print(f"当前事件循环: {loop}")
//       print(f"事件循环运行状态: {loop.is_running()}")
//       # 创建future对象
//       future = loop.create_future()
//       # 安排一个回调在1秒后设置future结果
//       loop.call_later(1, lambda: future.set_result("完成"))
//       # 等待future完成
//       result = await future
//       print(f"Future结果: {result}")
//   # asyncio.run(manual_loop_example())
//
// Differences: the seed leaves the second `asyncio.run` commented out; the port
// runs it, so that the loop facade is shown. The loop prints through its
// toString(), pyconc's port of the loop's repr: `<EventLoop running=True
// closed=False debug=False>` (CPython names its own class there,
// `_UnixSelectorEventLoop` on Unix).
// Python prints booleans as `True`/`False`; `pyBool` does the same.

import { asyncio } from "../mod.ts";

function pyBool(value: boolean): string {
  return value ? "True" : "False";
}

async function hello(): Promise<void> {
  console.log("Hello, world!");
  await asyncio.sleep(1);
  console.log("Hello again!");
}
// Python 3.10+推荐方法
await asyncio.run(hello); // 创建新事件循环,运行协程,完成后关闭循环

// 手动管理事件循环(不推荐但有助于理解)
async function manualLoopExample(): Promise<void> {
  const loop = asyncio.getRunningLoop(); // 在 3.10+ 中获取当前运行的事件循环
  console.log(`当前事件循环: ${loop}`);
  console.log(`事件循环运行状态: ${pyBool(loop.isRunning())}`);
  // 创建future对象
  const future = loop.createFuture<string>();
  // 安排一个回调在1秒后设置future结果
  loop.callLater(1, () => future.setResult("完成"));
  // 等待future完成
  const result = await future;
  console.log(`Future结果: ${result}`);
}
await asyncio.run(manualLoopExample);
