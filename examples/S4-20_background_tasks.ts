// S4-20 — a web app whose POST handler answers at once and finishes the work
// in a background task (seed 004, "异步Web服务器", which uses FastAPI).
//
// Python original:
//
//   from fastapi import FastAPI, BackgroundTasks
//   import asyncio
//   import uvicorn
//   app = FastAPI()
//   # 后台任务
//   async def process_data(data: str):
//       await asyncio.sleep(2)  # 模拟长时间处理
//       print(f"处理完成: {data}")
//   @app.get("/")
//   async def root():
//       return {"message": "Hello World"}
//   @app.post("/items/")
//   async def create_item(item: dict, background_tasks: BackgroundTasks):
//       # 添加后台任务异步处理
//       background_tasks.add_task(process_data, item.get("data", ""))
//       return {"status": "accepted", "message": "处理中"}
//   # 使用uvicorn运行(命令行): uvicorn example:app --reload
//
// Differences: FastAPI is a Python framework; the runtime's own HTTP server
// (`node:http`, on Deno and Node) plays its part, with a small router and a
// `BackgroundTasks` list that runs its tasks after the response has been sent,
// as Starlette does. The seed only defines the app; this port also starts it
// on 127.0.0.1 (any free port), sends the two requests a client would, prints
// the answers, waits for the background work, and stops the server.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { asyncio } from "../mod.ts";

/** FastAPI's BackgroundTasks: functions to run once the response is sent. */
class BackgroundTasks {
  #tasks: (() => Promise<void>)[] = [];
  addTask<A extends unknown[]>(fn: (...args: A) => Promise<void>, ...args: A): void {
    this.#tasks.push(() => fn(...args));
  }
  async run(): Promise<void> {
    for (const task of this.#tasks) await task();
  }
}

// 后台任务
async function processData(data: string): Promise<void> {
  await asyncio.sleep(2); // 模拟长时间处理
  console.log(`处理完成: ${data}`);
}

// deno-lint-ignore require-await
async function root(): Promise<unknown> {
  return { message: "Hello World" };
}

// deno-lint-ignore require-await
async function createItem(
  item: Record<string, unknown>,
  backgroundTasks: BackgroundTasks,
): Promise<unknown> {
  // 添加后台任务异步处理
  backgroundTasks.addTask(processData, String(item.data ?? ""));
  return { status: "accepted", message: "处理中" };
}

const running: Promise<void>[] = [];

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let body = "";
  for await (const chunk of request) body += chunk;
  return body ? JSON.parse(body) : {};
}

async function app(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const background = new BackgroundTasks();
  let result: unknown;
  if (request.method === "GET" && request.url === "/") result = await root();
  else if (request.method === "POST" && request.url === "/items/") {
    result = await createItem(await readJson(request), background);
  } else {
    response.writeHead(404, { connection: "close" }).end();
    return;
  }
  response.writeHead(200, { "content-type": "application/json", connection: "close" });
  // The background tasks start once the response has been sent.
  running.push(
    new Promise<void>((resolve) => response.end(JSON.stringify(result), resolve))
      .then(() => background.run()),
  );
}

const server = createServer((request, response) => void app(request, response));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function main(): Promise<void> {
  const hello = await fetch(`${base}/`);
  console.log(`GET / -> ${await hello.text()}`);
  const accepted = await fetch(`${base}/items/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ data: "订单-42" }),
  });
  console.log(`POST /items/ -> ${await accepted.text()}`);
  await Promise.all(running);
}

try {
  await asyncio.run(main);
} finally {
  server.close();
}
