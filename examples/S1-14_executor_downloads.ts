// S1-14 — asyncio with a blocking HTTP client: each download runs in the
// default executor, then the image is saved (seed 001, "asyncio + 不支持异步的模块",
// which uses the third-party `requests`).
//
// Python original:
//
//   import asyncio
//   import requests
//   async def download_image(url):
//       print(f'开始下载:{url}')
//       loop = asyncio.get_event_loop()
//       future = loop.run_in_executor(None, requests.get, url)
//       response = await future
//       print('下载完成')
//       file_name = url.rsplit('/')[-1]
//       with open(file_name, 'wb') as file_object:
//           file_object.write(response.content)
//   if __name__ == '__main__':
//       url_list = [
//           'https://img.lianzhixiu.com/uploads/allimg/202007/9999/rn27394522a3.jpg',
//           'https://img.lianzhixiu.com/uploads/allimg/202102/9999/rnd6d6f2b5b7.jpg',
//           'https://img.lianzhixiu.com/uploads/allimg/202106/9999/rn034f9e359f.jpg'
//       ]
//       tasks = [download_image(url) for url in url_list]
//       loop = asyncio.get_event_loop()
//       loop.run_until_complete(asyncio.wait(tasks))
//
// Differences: the images come from an HTTP server this example starts on
// 127.0.0.1 (and closes at the end). `requestsGet` stands for `requests.get`:
// it runs in an executor thread (a worker), fetches the URL and returns the
// body's bytes, which travel back to the event loop. Files go to a temporary
// directory that is removed at the end. Coroutines are passed to `wait` as
// functions (see S1-05).

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asyncio, multiprocessing } from "../mod.ts";

/** `requests.get(url).content`, run in an executor thread. */
export async function requestsGet(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  return new Uint8Array(await response.arrayBuffer());
}

async function downloadImage(url: string, dir: string): Promise<void> {
  console.log(`开始下载:${url}`);
  const loop = asyncio.getEventLoop();
  const future = loop.runInExecutor(null, requestsGet, url); // requests does not support asyncio
  const content = await future;
  console.log("下载完成");
  const fileName = url.split("/").at(-1)!;
  writeFileSync(join(dir, fileName), content);
}

if (multiprocessing.isMain(import.meta)) {
  const images: Record<string, number> = {
    "/uploads/allimg/202007/9999/rn27394522a3.jpg": 2048,
    "/uploads/allimg/202102/9999/rnd6d6f2b5b7.jpg": 3072,
    "/uploads/allimg/202106/9999/rn034f9e359f.jpg": 1024,
  };
  const server = createServer((request, response) => {
    const size = images[request.url ?? ""];
    response.writeHead(size ? 200 : 404, { "content-type": "image/jpeg" });
    response.end(size ? new Uint8Array(size).fill(0xff) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), "s1-14-"));

  const urlList = Object.keys(images).map((path) => base + path);
  const tasks = urlList.map((url) => () => downloadImage(url, dir));
  try {
    await asyncio.run(() => asyncio.wait(tasks));
    for (const url of urlList) {
      const fileName = url.split("/").at(-1)!;
      console.log(`${fileName}: ${statSync(join(dir, fileName)).size} bytes`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    server.close();
  }
}
