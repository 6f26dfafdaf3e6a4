// S4-13 — an async iterator class with `async for` (seed 004,
// "17. 异步迭代器与async for").
//
// Python original:
//
//   import asyncio
//   class AsyncIterator:
//       def __init__(self, limit):
//           self.limit = limit
//           self.counter = 0
//       def __aiter__(self):
//           return self
//       async def __anext__(self):
//           if self.counter < self.limit:
//               self.counter += 1
//               await asyncio.sleep(0.5)
//               return self.counter
//           else:
//               raise StopAsyncIteration
//   async def main():
//       async for number in AsyncIterator(5):
//           print(number)
//   asyncio.run(main())
//
// Native mapping: `__aiter__` is `[Symbol.asyncIterator]()`, `__anext__` is
// `next()`, `raise StopAsyncIteration` is `return { done: true }`, and
// `async for` is `for await`.

import { asyncio } from "../mod.ts";

class AsyncIterator implements AsyncIterableIterator<number> {
  counter = 0;
  constructor(readonly limit: number) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<number>> {
    if (this.counter < this.limit) {
      this.counter += 1;
      await asyncio.sleep(0.5);
      return { done: false, value: this.counter };
    } else {
      return { done: true, value: undefined }; // raise StopAsyncIteration
    }
  }
}

async function main(): Promise<void> {
  for await (const number of new AsyncIterator(5)) {
    console.log(number);
  }
}

await asyncio.run(main);
