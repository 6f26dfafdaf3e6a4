// S2-06 — `Pool(4)`: five `apply_async(foo, args=(i,))` calls; each task
// prints x*x (seed 002, "进程池").
//
// Python original:
//
//   import os, time
//   from multiprocessing import Pool
//   def foo(x):
//       print('Run task %s (pid:%s)...' % (x, os.getpid()))
//       time.sleep(2)
//       print('Task %s result is: %s' % (x, x * x))
//   if __name__ == '__main__':
//       print('Parent process %s.' % os.getpid())
//       p = Pool(4)
//       for i in range(5):
//           p.apply_async(foo, args=(i,))
//       print('Waiting for all subprocesses done...')
//       p.close()
//       p.join()
//       print('All subprocesses done.')
//
// Differences: pool processes are workers that import `foo` from this module
// (so it is exported and the program sits under `isMain`); `join()` returns a
// promise; pids are worker ids.

import { multiprocessing, os, time } from "../mod.ts";

export function foo(x: number): void {
  console.log(`Run task ${x} (pid:${os.getpid()})...`);
  time.sleep(2);
  console.log(`Task ${x} result is: ${x * x}`);
}

if (multiprocessing.isMain(import.meta)) {
  console.log(`Parent process ${os.getpid()}.`);
  const p = new multiprocessing.Pool(4); // four worker processes
  for (let i = 0; i < 5; i++) {
    p.applyAsync(foo, [i]); // the function and its arguments for one task
  }
  console.log("Waiting for all subprocesses done...");
  p.close();
  await p.join();
  console.log("All subprocesses done.");
}
