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
// the block ends, on every exit path. As in Python, "a got lock" comes before
// "b waiting for lock": acquiring a free lock does not give other tasks a
// turn (the loop runs a task's step until it waits on a pending future), and
// b gets the lock only after a has released it.

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
