// S1-15 — an async iterator class (`__aiter__` / `__anext__`,
// `StopAsyncIteration`) driven by `async for` (seed 001, "异步迭代器").
//
// Python original:
//
//   import asyncio
//
//   class Reader(object):
//       """自定义异步迭代器(同时也是异步可迭代对象)"""
//
//       def __init__(self):
//           self.count = 0
//
//       async def readline(self):
//           # await asyncio.sleep(1)
//           self.count += 1
//           if self.count == 100:
//               return None
//           return self.count
//
//       def __aiter__(self):
//           return self
//
//       async def __anext__(self):
//           val = await self.readline()
//           if val == None:
//               raise StopAsyncIteration
//           return val
//
//   async def func():
//       obj = Reader()
//       async for item in obj:
//           print(item)
//
//   asyncio.run(func())
//
// Native mapping: `__aiter__` is `[Symbol.asyncIterator]()`, `__anext__` is
// `next()` resolving to `{ value, done }`, and raising `StopAsyncIteration`
// is returning `{ done: true }`. `async for` is `for await`. Prints 1 … 99.

import { asyncio } from "../mod.ts";

/** 自定义异步迭代器(同时也是异步可迭代对象) */
class Reader implements AsyncIterableIterator<number> {
  count = 0;

  // deno-lint-ignore require-await
  async readline(): Promise<number | null> {
    // await asyncio.sleep(1)
    this.count += 1;
    if (this.count === 100) {
      return null;
    }
    return this.count;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<number>> {
    const val = await this.readline();
    if (val === null) {
      return { done: true, value: undefined }; // raise StopAsyncIteration
    }
    return { done: false, value: val };
  }
}

async function func(): Promise<void> {
  const obj = new Reader();
  for await (const item of obj) {
    console.log(item);
  }
}

await asyncio.run(func);
