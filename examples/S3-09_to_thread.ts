// S3-09 — `asyncio.to_thread(blocking_io)`: a blocking function runs in a
// separate thread while the event loop stays free (seed 003, "to_thread").
//
// Python original:
//
//   import asyncio
//   import time
//   def blocking_io():
//       print("Blocking IO started")
//       time.sleep(2)
//       print("Blocking IO finished")
//   async def main():
//       print("Main started")
//       await asyncio.to_thread(blocking_io)
//       print("Main finished")
//   asyncio.run(main())
//
// Differences: the thread is a worker of the loop's default executor, which
// imports `blockingIo` from this module (so it is exported, and the program
// sits under `isMain`). `time.sleep` blocks that worker only.

import { asyncio, threading, time } from "../mod.ts";

export function blockingIo(): void {
  console.log("Blocking IO started");
  time.sleep(2); // a blocking operation
  console.log("Blocking IO finished");
}

async function main(): Promise<void> {
  console.log("Main started");
  await asyncio.toThread(blockingIo); // runs in a separate thread
  console.log("Main finished");
}

if (threading.isMain(import.meta)) {
  await asyncio.run(main);
}
