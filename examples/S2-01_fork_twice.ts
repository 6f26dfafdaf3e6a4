// S2-01 — `os.fork()` returns twice (seed 002, "1.1. fork()"). Kind: adapt.
//
// Python original (Python 2):
//
//   import os
//   pid = os.fork()
//   if pid < 0:
//       print 'Fail to create process'
//   elif pid == 0:
//       print 'I am child process (%s) and my parent is (%s).' % (os.getpid(), os.getppid())
//   else:
//       print 'I (%s) just created a child process (%s).' % (os.getpid(), pid)
//
// Differences: there is no fork in JavaScript (a running program cannot be
// copied), so nothing "returns twice". The intent, one branch for the parent
// and one for the child, is written with a `Process`: the child's branch is
// the exported function the new worker runs; the parent's branch follows
// `start()`, where `p.pid` plays the part of fork's return value.

import { multiprocessing, os } from "../mod.ts";

export function childBranch(): void {
  console.log(`I am child process (${os.getpid()}) and my parent is (${os.getppid()}).`);
}

if (multiprocessing.isMain(import.meta)) {
  const p = new multiprocessing.Process({ target: childBranch });
  p.start();
  console.log(`I (${os.getpid()}) just created a child process (${p.pid}).`);
  await p.join();
}
