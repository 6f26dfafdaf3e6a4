// S1-12 — `ThreadPoolExecutor(max_workers=5)`: ten `submit` calls, each
// `Future` printed right away with its state (seed 001, "concurrent.futures.Future").
//
// Python original:
//
//   import time
//   from concurrent.futures import Future
//   from concurrent.futures.thread import ThreadPoolExecutor
//   from concurrent.futures.process import ProcessPoolExecutor
//   def func(value):
//       time.sleep(1)
//       print(value)
//       return value
//   pool = ThreadPoolExecutor(max_workers=5)
//   # pool = ProcessPoolExecutor(max_workers=5)
//   for i in range(10):
//       fut = pool.submit(func, i)
//       print(fut)
//
// Differences: a `Future` prints as Python's repr (`<Future at 0x… state=pending>`);
// threads are workers, so `func` is exported for them to import, and the
// program sits under `isMain(import.meta)`. As in Python, the program waits for
// the submitted calls before it exits: busy pool threads keep it alive.

import { concurrent, threading, time } from "../mod.ts";

export function func(value: number): number {
  time.sleep(1);
  console.log(value);
  return value;
}

if (threading.isMain(import.meta)) {
  const pool = new concurrent.futures.ThreadPoolExecutor({ maxWorkers: 5 });
  // const pool = new concurrent.futures.ProcessPoolExecutor({ maxWorkers: 5 });
  for (let i = 0; i < 10; i++) {
    const fut = pool.submit(func, i);
    console.log(String(fut));
  }
}
