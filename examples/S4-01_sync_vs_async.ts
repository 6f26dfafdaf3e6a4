// S4-01 — a synchronous function vs an async one (seed 004, "1. 同步与异步编程").
//
// Python original (not runnable as printed: `expensive_operation` is left
// undefined):
//
//   # 同步代码
//   def sync_function():
//       result = expensive_operation() # 程序在这里阻塞等待
//       return result
//   # 异步代码
//   async def async_function():
//       result = await expensive_operation() # 等待操作完成时可以执行其他任务
//       return result
//
// Native mapping: `async def` is an `async function`, `await` is `await`.
// To make the snippet a program, the port defines the two expensive
// operations the seed leaves out (a loop that computes for a while, and an
// async one that waits one second with `asyncio.sleep`) and prints what each
// function returns. While `asyncFunction` waits, a second task runs: the line
// it prints shows that the wait did not block.

import { asyncio } from "../mod.ts";

function expensiveOperation(): number {
  let sum = 0;
  for (let i = 1; i <= 1_000_000; i++) sum += i; // 程序在这里阻塞等待
  return sum;
}

async function expensiveOperationAsync(): Promise<number> {
  await asyncio.sleep(1); // 等待时事件循环可以执行其他任务
  return 500000500000;
}

// 同步代码
function syncFunction(): number {
  const result = expensiveOperation(); // 程序在这里阻塞等待
  return result;
}

// 异步代码
async function asyncFunction(): Promise<number> {
  const result = await expensiveOperationAsync(); // 等待操作完成时可以执行其他任务
  return result;
}

async function main(): Promise<void> {
  console.log(`sync_function: ${syncFunction()}`);
  const other = asyncio.createTask(() => {
    console.log("其他任务在等待期间执行");
    return Promise.resolve();
  });
  console.log(`async_function: ${await asyncFunction()}`);
  await other;
}

await asyncio.run(main);
