// S2-03 — `os.getpid()`, `os.getppid()` (seed 002, "获取当前进程id").
//
// Python original:
//
//   os.getpid()   # 获取当前进程id
//   os.getppid()  # 获取当前父进程id
//
// Differences: the seed names the two calls; this example prints them in the
// main program and in a child process, where `getppid()` is the parent's
// `getpid()`. A child's pid is a worker id (workers are threads of one OS
// process), the same as `Process.pid`.

import { multiprocessing, os } from "../mod.ts";

export function show(): void {
  console.log(`child: pid ${os.getpid()}, parent ${os.getppid()}`);
}

if (multiprocessing.isMain(import.meta)) {
  console.log(`main: pid ${os.getpid()}, parent ${os.getppid()}`);
  const p = new multiprocessing.Process({ target: show });
  p.start();
  await p.join();
  console.log(`child pid was ${p.pid}`);
}
