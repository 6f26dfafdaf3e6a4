// S1-17 — make asyncio run on uvloop, a faster event loop written over libuv
// (seed 001, "uvloop").
//
// Python original:
//
//   import asyncio
//   import uvloop
//   asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
//   # 编写asyncio的代码,于之前写的代码一样
//   # 内部的事件循环会自动变成uvloop
//   asyncio.run(func())
//
//   # 或者,你也可以手动创建一个循环实例,使用:
//   loop = uvloop.new_event_loop()
//   asyncio.set_event_loop(loop)
//
// Differences (adapted): in JavaScript the runtime owns the event loop and no
// program can swap it. It is already a native loop — Node.js runs on libuv,
// the library uvloop wraps, and Deno on Rust's tokio — so what uvloop adds to
// Python is what every JavaScript program has from the start. pyconc's
// `asyncio` loop object is a facade over that native loop; there is no event
// loop policy to set. The example prints which native loop runs it, then runs
// the same kind of `func()` the seed hands to `asyncio.run`.

import process from "node:process";
import { asyncio } from "../mod.ts";

function nativeLoop(): string {
  const deno = (globalThis as { Deno?: { version: { deno: string } } }).Deno;
  if (deno) return `Deno ${deno.version.deno} (tokio)`;
  return `Node.js ${process.versions.node} (libuv ${process.versions.uv})`;
}

async function func(): Promise<void> {
  console.log("hello");
  await asyncio.sleep(1);
  console.log("world");
}

console.log(`event loop: ${nativeLoop()}`);
await asyncio.run(func);
