// S4-14 — an async generator: `async for`, `__anext__`, `asend` (seed 004,
// "18. 异步生成器").
//
// Python original:
//
//   import asyncio
//   # 定义异步生成器
//   async def async_generator(start, end):
//       for i in range(start, end):
//           # 可以在yield前使用await
//           await asyncio.sleep(0.1)
//           yield i
//           print(f"继续生成器执行,刚生成了 {i}")
//   async def main():
//       # 使用async for迭代
//       print("使用async for循环:")
//       async for i in async_generator(1, 4):
//           print(f"收到值: {i}")
//       print("\n手动迭代:")
//       # 手动迭代异步生成器
//       gen = async_generator(5, 7)
//       # 获取第一个值
//       item = await gen.__anext__()
//       print(f"手动迭代第一个值: {item}")
//       # 发送值给生成器(类似yield from)
//       try:
//           item = await gen.asend(None)
//           print(f"使用asend获取的下一个值: {item}")
//       except StopAsyncIteration:
//           print("生成器已结束")
//   asyncio.run(main())
//
// Native mapping: `async def … yield` is `async function*`; `__anext__()` and
// `asend(None)` are both `next()` (its argument is the value sent in);
// `StopAsyncIteration` is a result with `done: true`. `athrow` / `aclose` are
// `throw()` / `return()`. Python's asyncio.run finalizes the half-used
// generator `gen` at shutdown; the port closes it with `gen.return()`, which
// prints nothing either.

import { asyncio } from "../mod.ts";

// 定义异步生成器
async function* asyncGenerator(start: number, end: number): AsyncGenerator<number, void, unknown> {
  for (let i = start; i < end; i++) {
    // 可以在yield前使用await
    await asyncio.sleep(0.1);
    yield i;
    console.log(`继续生成器执行,刚生成了 ${i}`);
  }
}

async function main(): Promise<void> {
  // 使用async for迭代
  console.log("使用async for循环:");
  for await (const i of asyncGenerator(1, 4)) {
    console.log(`收到值: ${i}`);
  }
  console.log("\n手动迭代:");
  // 手动迭代异步生成器
  const gen = asyncGenerator(5, 7);
  // 获取第一个值
  let item = await gen.next();
  console.log(`手动迭代第一个值: ${item.value}`);
  // 发送值给生成器(类似yield from)
  item = await gen.next(undefined); // asend(None)
  if (item.done) {
    console.log("生成器已结束"); // except StopAsyncIteration
  } else {
    console.log(`使用asend获取的下一个值: ${item.value}`);
  }
  await gen.return(); // what asyncio.run's shutdown_asyncgens does in Python
}

await asyncio.run(main);
