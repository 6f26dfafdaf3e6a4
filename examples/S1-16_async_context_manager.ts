// S1-16 — an async context manager (`__aenter__` / `__aexit__`) used with
// `async with` (seed 001, "异步上下文管理器").
//
// Python original:
//
//   import asyncio
//
//   class AsyncContextManager:
//       def __init__(self):
//           self.conn = conn
//
//       async def do_something(self):
//           # 异步操作数据库
//           return 666
//
//       async def __aenter__(self):
//           # 异步链接数据库
//           self.conn = await asyncio.sleep(1)
//           return self
//
//       async def __aexit__(self, exc_type, exc_val, exc_tb):
//           # 异步关闭数据库
//           await asyncio.sleep(1)
//
//   async def func():
//       async with AsyncContextManager() as f:
//           result = f.do_something()
//           print(result)
//
//   asyncio.run(func())
//
// Differences: the original has two bugs: `self.conn = conn` raises
// NameError (there is no `conn`), and `f.do_something()` is never awaited, so
// it would print a coroutine object. The port does what the tutorial means:
// `conn` starts as null and the result is awaited, printing 666.
// Native mapping: `__aenter__` is an async method called in the `await using`
// initializer, `__aexit__` is `[Symbol.asyncDispose]()`, run when the block
// ends on every exit path.

import { asyncio } from "../mod.ts";

class AsyncContextManager implements AsyncDisposable {
  conn: unknown = null;

  // deno-lint-ignore require-await
  async doSomething(): Promise<number> {
    // 异步操作数据库
    return 666;
  }

  async aenter(): Promise<this> {
    // 异步链接数据库
    this.conn = await asyncio.sleep(1);
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    // 异步关闭数据库
    await asyncio.sleep(1);
  }
}

async function func(): Promise<void> {
  await using f = await new AsyncContextManager().aenter();
  const result = await f.doSomething();
  console.log(result);
}

await asyncio.run(func);
