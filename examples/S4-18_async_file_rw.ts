// S4-18 — asynchronous file write and read (seed 004, "异步文件I/O", which
// uses the third-party aiofiles library).
//
// Python original:
//
//   import asyncio
//   import aiofiles
//   async def read_file(filename):
//       async with aiofiles.open(filename, mode='r') as f:
//           contents = await f.read()
//           return contents
//   async def write_file(filename, content):
//       async with aiofiles.open(filename, mode='w') as f:
//           await f.write(content)
//   async def main():
//       # 写入文件
//       await write_file('test.txt', '这是异步写入的内容')
//       # 读取文件
//       content = await read_file('test.txt')
//       print(f"读取到内容: {content}")
//   # asyncio.run(main())
//
// Differences: `node:fs/promises` (on Deno and Node) is asynchronous file I/O
// already; `await using` closes each handle as `async with` does. test.txt is
// made in a temporary directory that is removed at the end.

import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asyncio } from "../mod.ts";

async function readFile(filename: string): Promise<string> {
  await using f = await open(filename, "r");
  const contents = await f.readFile("utf-8");
  return contents;
}

async function writeFile(filename: string, content: string): Promise<void> {
  await using f = await open(filename, "w");
  await f.writeFile(content, "utf-8");
}

const dir = await mkdtemp(join(tmpdir(), "pyconc-S4-18-"));

async function main(): Promise<void> {
  const file = join(dir, "test.txt");
  // 写入文件
  await writeFile(file, "这是异步写入的内容");
  // 读取文件
  const content = await readFile(file);
  console.log(`读取到内容: ${content}`);
}

try {
  await asyncio.run(main);
} finally {
  await rm(dir, { recursive: true });
}
