// S1-09 — `asyncio.run(asyncio.wait([coroutines]))` (seed 001, "Task 对象",
// 示例 3).
//
// Python original:
//
//   import asyncio
//
//   async def func():
//       print(1)
//       await asyncio.sleep(1)
//       print(2)
//       return '返回值'
//
//   task_list = [
//       func(),
//       func()
//   ]
//
//   done, pending = asyncio.run(asyncio.wait(task_list))
//   print(done)
//   print(pending)
//
// Differences: the list holds the coroutine function twice instead of two
// coroutine objects (a JS async function would start at once when called);
// `asyncio.wait` wraps each in a task, as Python ≤ 3.10 did with bare
// coroutines (Python 3.11 made that a TypeError; pyconc keeps the lazy form,
// as its design says for every API that takes a coroutine). `asyncio.wait`
// itself is handed to `asyncio.run` as a function for the same reason. The
// tasks get default names (`Task-2`, `Task-3`: `Task-1` is the main task).

import { asyncio } from "../mod.ts";

function pySet(set: Set<unknown>): string {
  return set.size === 0 ? "set()" : `{${[...set].map(String).join(", ")}}`;
}

async function func(): Promise<string> {
  console.log(1);
  await asyncio.sleep(1);
  console.log(2);
  return "返回值";
}

const taskList = [
  func,
  func,
];

const [done, pending] = await asyncio.run(() => asyncio.wait(taskList));
console.log(pySet(done));
console.log(pySet(pending));
