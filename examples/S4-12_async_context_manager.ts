// S4-12 — an async context manager with `async with` (seed 004,
// "16. 上下文管理器与async with").
//
// Python original:
//
//   import asyncio
//   class AsyncContextManager:
//       async def __aenter__(self):
//           print("进入上下文")
//           await asyncio.sleep(1)
//           return "上下文资源"
//       async def __aexit__(self, exc_type, exc_val, exc_tb):
//           print("退出上下文")
//           await asyncio.sleep(1)
//   async def main():
//       async with AsyncContextManager() as resource:
//           print(f"使用资源: {resource}")
//   asyncio.run(main())
//
// Native mapping: `async with X() as r:` becomes `await using`. JavaScript
// binds the disposable object itself, not what `__aenter__` returns, so
// `aenter()` returns a small resource object: its `value` is what Python's
// `__aenter__` returns, and its `[Symbol.asyncDispose]` is `__aexit__`.

import { asyncio } from "../mod.ts";

class AsyncContextManager {
  async aenter(): Promise<{ value: string } & AsyncDisposable> {
    console.log("进入上下文");
    await asyncio.sleep(1);
    return { value: "上下文资源", [Symbol.asyncDispose]: () => this.aexit() };
  }

  async aexit(): Promise<void> {
    console.log("退出上下文");
    await asyncio.sleep(1);
  }
}

async function main(): Promise<void> {
  await using resource = await new AsyncContextManager().aenter();
  console.log(`使用资源: ${resource.value}`);
}

await asyncio.run(main);
