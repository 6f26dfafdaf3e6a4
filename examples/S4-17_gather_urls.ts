// S4-17 — fetch several URLs at once with `asyncio.gather` (seed 004,
// "异步网络I/O", which uses the third-party httpx client).
//
// Python original:
//
//   import asyncio
//   import httpx
//   async def fetch_url(url):
//       async with httpx.AsyncClient() as client:
//           response = await client.get(url)
//           return response.text
//   async def main():
//       urls = [
//           "https://example.com",
//           "https://python.org",
//           "https://github.com"
//       ]
//       # 并发获取多个URL
//       tasks = [fetch_url(url) for url in urls]
//       results = await asyncio.gather(*tasks)
//       for url, html in zip(urls, results):
//           print(f"{url}: 获取了 {len(html)} 字节")
//   # asyncio.run(main())
//
// Differences: `fetch` is JavaScript's built-in async HTTP client. The three
// "sites" are paths of an HTTP server this example starts on 127.0.0.1 and
// closes at the end; each answers after a different delay, so the requests
// overlap, yet `gather` returns the results in argument order, as in Python.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { asyncio } from "../mod.ts";

const PAGES: Record<string, { body: string; delay: number }> = {
  "/example.com": { body: "<html>" + "e".repeat(1250) + "</html>", delay: 0.3 },
  "/python.org": { body: "<html>" + "p".repeat(4987) + "</html>", delay: 0.1 },
  "/github.com": { body: "<html>" + "g".repeat(2731) + "</html>", delay: 0.2 },
};

const server = createServer((request, response) => {
  const page = PAGES[request.url ?? ""];
  if (!page) {
    response.writeHead(404, { connection: "close" }).end();
    return;
  }
  // The delay goes through asyncio.sleep, so PYCONC_TIME_SCALE scales it.
  asyncio.sleep(page.delay).then(() => {
    response.writeHead(200, { "content-type": "text/html", connection: "close" });
    response.end(page.body);
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function fetchUrl(url: string): Promise<string> {
  const response = await fetch(url);
  return await response.text();
}

async function main(): Promise<void> {
  const urls = [`${base}/example.com`, `${base}/python.org`, `${base}/github.com`];
  // 并发获取多个URL
  const tasks = urls.map((url) => () => fetchUrl(url));
  const results = await asyncio.gather(...tasks);
  urls.forEach((url, i) => console.log(`${url}: 获取了 ${results[i].length} 字节`));
}

try {
  await asyncio.run(main);
} finally {
  server.close();
}
