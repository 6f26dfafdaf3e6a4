// S0-01 — `os.fork()` parent/child pids (seed 000, "通过os模块的fork方法创建进程"). Kind: adapt.
//
// Python original:
//
//   import os
//   print(f"Parent Process ({os.getpid()}) start")
//   try:
//       pid = os.fork()
//       if pid == 0:
//           print(f"child process ({os.getpid()}) ,parent process ({os.getppid()})")
//       else:
//           print(f"parent process ({os.getpid()}) fork a child process ({pid}).")
//   except AttributeError as err:
//       print(err)  # module 'os' has no attribute 'fork'
//
// Differences: JavaScript cannot copy a running program, so there is no fork:
// like Python on Windows, `os` has no `fork` and the example prints the
// AttributeError's message. It then does what fork was for with a `Process`
// (Python's `spawn` way): the child imports this module and runs the exported
// function, so the parent's own code sits in the `isMain` block.

import { multiprocessing, os } from "../mod.ts";

export function child(): void {
  console.log(`child process (${os.getpid()}) ,parent process (${os.getppid()})`);
}

if (multiprocessing.isMain(import.meta)) {
  console.log(`Parent Process (${os.getpid()}) start`);
  if (!("fork" in os)) console.log("module 'os' has no attribute 'fork'");
  const p = new multiprocessing.Process({ target: child });
  p.start();
  console.log(`parent process (${os.getpid()}) fork a child process (${p.pid}).`);
  await p.join();
}
