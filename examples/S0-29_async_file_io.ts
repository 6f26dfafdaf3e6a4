// S0-29 — write a file, then read it back, asynchronously (seed 000,
// "异步文件读写", which uses the third-party aiofiles library).
//
// Python original:
//
//   import aiofiles
//   import asyncio
//   async def write_file():
//       async with aiofiles.open("example.txt", mode="w") as f:
//           await f.write("Hello, asyncio!")
//   async def read_file():
//       async with aiofiles.open("example.txt", mode="r") as f:
//           content = await f.read()
//           print(content)
//   async def main():
//       await write_file()
//       await read_file()
//   if __name__ == "__main__":
//       asyncio.run(main())
//
// Output there: Hello, asyncio!
//
// Differences: the runtime's file API is asynchronous already
// (`node:fs/promises`, on Deno and Node); `await using` closes each file
// handle as `async with` does. The file lives in a temporary directory that is
// removed at the end.

import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asyncio } from "../mod.ts";

const dir = await mkdtemp(join(tmpdir(), "pyconc-S0-29-"));
const file = join(dir, "example.txt");

async function writeFile(): Promise<void> {
  await using f = await open(file, "w");
  await f.write("Hello, asyncio!");
}

async function readFile(): Promise<void> {
  await using f = await open(file, "r");
  const content = await f.readFile("utf-8");
  console.log(content);
}

async function main(): Promise<void> {
  await writeFile();
  await readFile();
}

try {
  await asyncio.run(main);
} finally {
  await rm(dir, { recursive: true });
}
