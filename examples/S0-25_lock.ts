// S0-25 — `asyncio.Lock` with `async with`, two tasks under gather (seed 000,
// "锁Lock").
//
// Python original:
//
//   import asyncio
//   async def task(lock, params):
//       print(f"{params} waiting for lock")
//       async with lock:
//           print(f"{params} got lock")
//           await asyncio.sleep(2)
//       print(f"{params} release lock")
//   async def main():
//       lock = asyncio.Lock()
//       await asyncio.gather(task(lock, "a"), task(lock, "b"))
//   if __name__ == "__main__":
//       asyncio.run(main())
//
// Differences: `async with lock:` becomes a block holding
// `await using _ = await lock.acquire()`: the permit releases the lock when
// the block ends, on every exit path. Python prints "a got lock" before
// "b waiting for lock" (acquiring a free lock does not suspend); a JavaScript
// `await` always suspends, even on a settled promise, so b may print
// "b waiting for lock" first. The lock itself behaves as in Python: b gets it
// only after a has released it.

import { asyncio } from "../mod.ts";

async function task(lock: asyncio.Lock, params: string): Promise<void> {
  console.log(`${params} waiting for lock`);
  {
    await using _ = await lock.acquire();
    console.log(`${params} got lock`);
    await asyncio.sleep(2);
  }
  console.log(`${params} release lock`);
}

async function main(): Promise<void> {
  const lock = new asyncio.Lock();
  await asyncio.gather(() => task(lock, "a"), () => task(lock, "b"));
}

await asyncio.run(main);
