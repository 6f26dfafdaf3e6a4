// S4-16 — `contextvars.ContextVar` set and reset per request under gather
// (seed 004, "20. 异步上下文变量 (contextvars)").
//
// Python original:
//
//   import asyncio
//   import contextvars
//   # 创建上下文变量
//   request_id = contextvars.ContextVar('request_id', default=None)
//   async def process_request():
//       # 获取当前请求ID
//       current_id = request_id.get()
//       print(f"处理请求 {current_id}")
//   async def handle_request(id):
//       # 设置此协程上下文中的请求ID
//       token = request_id.set(id)
//       try:
//           await process_request()
//       finally:
//           # 恢复之前的值
//           request_id.reset(token)
//   async def main():
//       # 并发处理多个请求
//       await asyncio.gather(
//           handle_request("req-1"),
//           handle_request("req-2"),
//           handle_request("req-3")
//       )
//   asyncio.run(main())
//
// Differences: `default=None` becomes `{ default: null }`. Each gathered
// coroutine runs in its own task, in a copy of main's context, so each sees
// its own request id. To make that visible, the port sleeps 0 seconds after
// `set` (one added line): all three tasks have then set their value before
// any of them prints, and each still prints its own.

import { asyncio, contextvars } from "../mod.ts";

// 创建上下文变量
const requestId = new contextvars.ContextVar<string | null>("request_id", { default: null });

// deno-lint-ignore require-await
async function processRequest(): Promise<void> {
  // 获取当前请求ID
  const currentId = requestId.get();
  console.log(`处理请求 ${currentId}`);
}

async function handleRequest(id: string): Promise<void> {
  // 设置此协程上下文中的请求ID
  const token = requestId.set(id);
  try {
    await asyncio.sleep(0); // added: let the other requests run in between
    await processRequest();
  } finally {
    // 恢复之前的值
    requestId.reset(token);
  }
}

async function main(): Promise<void> {
  // 并发处理多个请求
  await asyncio.gather(
    () => handleRequest("req-1"),
    () => handleRequest("req-2"),
    () => handleRequest("req-3"),
  );
}

await asyncio.run(main);
