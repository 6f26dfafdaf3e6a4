// S0-26 — `asyncio.Queue(maxsize=3)`: one producer and two consumers under
// gather (seed 000, "队列Queue").
//
// Python original:
//
//   import asyncio
//   async def consumer(name, queue):
//       while True:
//           item = await queue.get()
//           print(f"{name} 收到 {item}")
//           queue.task_done()
//   async def producer(queue, num_items):
//       for item in range(num_items):
//           await queue.put(item)
//           print(f"生产了 {item}")
//           await asyncio.sleep(1)
//   async def main():
//       queue = asyncio.Queue(maxsize=3)
//       await asyncio.gather(producer(queue, num_items=5), consumer("消费者A", queue), consumer("消费者B", queue))
//   if __name__ == "__main__":
//       asyncio.run(main())
//
// Differences: the original never ends (the consumers loop forever, so the
// gather never completes). Here the same gather is bounded by
// `asyncio.waitFor(gather, 6)`: the producer is done after 5 seconds, and at 6
// seconds waitFor cancels the gather, which cancels both waiting consumers;
// the TimeoutError is the expected way out and is caught silently. The
// printed lines are the original's. The consumers take turns in FIFO order:
// a woken getter goes to the back of the queue's waiters. As in Python the
// turns are A, A, B, A, B: consumer A gets item 0 without suspending and
// queues its next get() before B's first one (the loop runs a task's step
// until it waits on a pending future, as Python does).

import { asyncio, TimeoutError } from "../mod.ts";

async function consumer(name: string, queue: asyncio.Queue<number>): Promise<never> {
  while (true) {
    const item = await queue.get();
    console.log(`${name} 收到 ${item}`);
    queue.taskDone();
  }
}

async function producer(queue: asyncio.Queue<number>, numItems: number): Promise<void> {
  for (let item = 0; item < numItems; item++) {
    await queue.put(item);
    console.log(`生产了 ${item}`);
    await asyncio.sleep(1);
  }
}

async function main(): Promise<void> {
  const queue = new asyncio.Queue<number>(3);
  const all = asyncio.gather(
    () => producer(queue, 5),
    () => consumer("消费者A", queue),
    () => consumer("消费者B", queue),
  );
  try {
    await asyncio.waitFor(all, 6); // bound: the original waits forever here
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
  }
}

await asyncio.run(main);
