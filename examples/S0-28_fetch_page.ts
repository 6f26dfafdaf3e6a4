// S0-28 — fetch a web page asynchronously (seed 000, "异步网络请求", which
// uses the third-party aiohttp client).
//
// Python original:
//
//   import aiohttp
//   import asyncio
//   async def fetch(url):
//       async with aiohttp.ClientSession() as session:
//           async with session.get(url) as response:
//               return await response.text()
//   async def main():
//       url = "https://www.example.com"
//       html = await fetch(url)
//       print(html)
//   if __name__ == "__main__":
//       asyncio.run(main())
//
// Differences: JavaScript has an asynchronous HTTP client built in, `fetch`,
// so no library is needed. The page is served by a small HTTP server this
// example starts itself on 127.0.0.1 (port 0: any free port) and closes at the
// end, so it runs without a network.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { asyncio } from "../mod.ts";

const PAGE = `<!doctype html>
<html>
<head><title>Example Domain</title></head>
<body><h1>Example Domain</h1><p>This domain is for use in documentation examples.</p></body>
</html>`;

const server = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8", connection: "close" });
  response.end(PAGE);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;

async function fetchPage(url: string): Promise<string> {
  const response = await fetch(url);
  return await response.text();
}

async function main(): Promise<void> {
  const url = `http://127.0.0.1:${port}/`;
  const html = await fetchPage(url);
  console.log(html);
}

try {
  await asyncio.run(main);
} finally {
  server.close();
}
