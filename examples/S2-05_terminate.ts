// S2-05 — `terminate()` then `join()` (seed 002, "1.5. 结束进程").
//
// Python original:
//
//   进程对象.terminate()
//   进程对象.join()
//
// Differences: the seed shows the two calls; this example runs a process that
// would loop forever, stops it with `terminate()` and waits for it with
// `join()`, then prints its exit code (-15, SIGTERM's, as in Python). The
// worker is really stopped, even in a busy loop or a blocking wait.

import { multiprocessing, time } from "../mod.ts";

export function work(): void {
  for (let i = 1;; i++) {
    console.log(`working ${i}`);
    time.sleep(1);
  }
}

if (multiprocessing.isMain(import.meta)) {
  const p = new multiprocessing.Process({ target: work });
  p.start();
  await new Promise((r) => setTimeout(r, 0));
  time.sleep(2.5);
  p.terminate();
  await p.join();
  console.log(`alive: ${p.isAlive()}, exitcode: ${p.exitcode}`);
}
