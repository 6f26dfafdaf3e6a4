// S2-14 — `threading.local()` (seed 002, "3. ThreadLocal").
//
// The seed describes ThreadLocal without code: "threading.local() 使用
// ThreadLocal 对象来线程绑定自己独有的数据" — each thread binds its own data to
// one global object, and functions deep in the call chain read it without it
// being passed as an argument. This example shows exactly that, in the usual
// form of that lesson:
//
//   import threading
//   local_school = threading.local()
//   def process_student():
//       std = local_school.student
//       print('Hello, %s (in %s)' % (std, threading.current_thread().name))
//   def process_thread(name):
//       local_school.student = name
//       process_student()
//   t1 = threading.Thread(target=process_thread, args=('Alice',), name='Thread-A')
//   t2 = threading.Thread(target=process_thread, args=('Bob',), name='Thread-B')
//   t1.start(); t2.start(); t1.join(); t2.join()
//
// Differences: each pyconc thread is a worker that imports this module, so
// the module-level `local` is already per thread.

import { threading } from "../mod.ts";

const localSchool = new threading.local();

function processStudent(): void {
  const std = localSchool.student;
  console.log(`Hello, ${std} (in ${threading.currentThread().name})`);
}

export function processThread(name: string): void {
  localSchool.student = name;
  processStudent();
}

if (threading.isMain(import.meta)) {
  const t1 = new threading.Thread({ target: processThread, args: ["Alice"], name: "Thread-A" });
  const t2 = new threading.Thread({ target: processThread, args: ["Bob"], name: "Thread-B" });
  t1.start();
  t2.start();
  await t1.join();
  await t2.join();
  console.log(`main thread has a student: ${"student" in localSchool}`);
}
