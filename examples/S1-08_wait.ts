// S1-08 — `asyncio.wait(task_list, timeout=None)` returns the `(done, pending)`
// sets; the tasks are named `n1` and `n2` (seed 001, "Task 对象", 示例 2).
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
//   async def main():
//       print('main函数开始执行')
//       # 创建Task对象,将当前执行的func函数添加到事件循环
//       task_list = [
//           asyncio.create_task(func(), name='n1'),
//           asyncio.create_task(func(), name='n2')
//       ]
//       print('main函数执行结束')
//
//       # 简单等待
//       # https://docs.python.org/zh-cn/3/library/asyncio-task.html#waiting-primitives
//       done, pending = await asyncio.wait(task_list, timeout=None)
//       print(done)
//       print(pending)
//
//   asyncio.run(main())
//
// Differences: `asyncio.wait` returns `[done, pending]` as two JS Sets, which
// destructure like Python's tuple. Python prints a set as `{a, b}` (empty:
// `set()`) with each task's repr; `pySet` prints a Set the same way from the
// tasks' toString(), which is pyconc's port of Task.__repr__. Python's set
// order is arbitrary; a JS Set keeps insertion order.

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

async function main(): Promise<void> {
  console.log("main函数开始执行");
  // 创建Task对象,将当前执行的func函数添加到事件循环
  const taskList = [
    asyncio.createTask(func, { name: "n1" }),
    asyncio.createTask(func, { name: "n2" }),
  ];
  console.log("main函数执行结束");

  // 简单等待
  // https://docs.python.org/zh-cn/3/library/asyncio-task.html#waiting-primitives
  const [done, pending] = await asyncio.wait(taskList, { timeout: null });
  console.log(pySet(done));
  console.log(pySet(pending));
}

await asyncio.run(main);
