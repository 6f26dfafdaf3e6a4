// S4-08 — `asyncio.Lock` over 3 coroutines (seed 004, "12. asyncio.Lock()").
//
// Python original:
//
//   import asyncio
//   async def protected_resource(lock, name):
//       async with lock: # 获取锁
//           print(f"{name} 获得了锁")
//           await asyncio.sleep(1) # 模拟工作
//           print(f"{name} 释放了锁")
//   async def main():
//       lock = asyncio.Lock()
//       await asyncio.gather(
//           protected_resource(lock, "协程1"),
//           protected_resource(lock, "协程2"),
//           protected_resource(lock, "协程3")
//       )
//   asyncio.run(main())
//
// Differences: `async with lock:` becomes `await using _ = await lock.acquire()`.

import { asyncio } from "../mod.ts";

async function protectedResource(lock: asyncio.Lock, name: string): Promise<void> {
  await using _ = await lock.acquire(); // 获取锁
  console.log(`${name} 获得了锁`);
  await asyncio.sleep(1); // 模拟工作
  console.log(`${name} 释放了锁`);
}

async function main(): Promise<void> {
  const lock = new asyncio.Lock();
  await asyncio.gather(
    () => protectedResource(lock, "协程1"),
    () => protectedResource(lock, "协程2"),
    () => protectedResource(lock, "协程3"),
  );
}

await asyncio.run(main);
