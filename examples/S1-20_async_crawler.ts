// S1-20 — an asynchronous crawler: one task per URL, all awaited with
// `asyncio.wait` (seed 001, "异步爬虫", which uses the third-party aiohttp).
//
// Python original:
//
//   import asyncio
//   import aiohttp
//
//   async def fetch(session, url):
//       print(f'发送请求:{url}')
//       async with session.get(url, verify_ssl=False) as response:
//           text = await response.text()
//           print(f'得到结果:{url},长度:{len(text)}')
//           return text
//
//   async def main():
//       async with aiohttp.ClientSession() as session:
//           url_list = [
//               'https://www.python.org/',
//               'https://www.baidu.com/',
//               'https://gitee.com/'
//           ]
//           tasks = [asyncio.create_task(fetch(session, url)) for url in url_list]
//           done, pending = await asyncio.wait(tasks)
//           print(done)
//           print(pending)
//
//   if __name__ == '__main__':
//       loop = asyncio.get_event_loop()
//       loop.run_until_complete(main())
//
// Differences: `fetch` is JavaScript's built-in async HTTP client, so there is
// no session object to share; an `AbortController` closes what is left open
// when `main` ends, as leaving `async with ClientSession()` does. The three
// sites are paths of an HTTP server this example starts on 127.0.0.1 and
// closes at the end; each answers after a different delay, so all three
// requests are sent before any result arrives. `createTask` takes the
// coroutine function (see S1-05); Python's set printing is spelled out.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { asyncio } from "../mod.ts";

const SITES: Record<string, { size: number; delay: number }> = {
  "/www.python.org/": { size: 512, delay: 0.3 },
  "/www.baidu.com/": { size: 227, delay: 0.1 },
  "/gitee.com/": { size: 318, delay: 0.2 },
};

const server = createServer((request, response) => {
  const site = SITES[request.url ?? ""];
  if (!site) {
    response.writeHead(404, { connection: "close" }).end();
    return;
  }
  asyncio.sleep(site.delay).then(() => {
    response.writeHead(200, { "content-type": "text/html", connection: "close" });
    response.end("<" + "x".repeat(site.size - 2) + ">");
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

function pySet(set: Set<unknown>): string {
  return set.size === 0 ? "set()" : `{${[...set].map(String).join(", ")}}`;
}

async function fetchText(session: AbortSignal, url: string): Promise<string> {
  console.log(`发送请求:${url}`);
  const response = await fetch(url, { signal: session });
  const text = await response.text();
  console.log(`得到结果:${url},长度:${text.length}`);
  return text;
}

async function main(): Promise<void> {
  const session = new AbortController(); // aiohttp.ClientSession()
  try {
    const urlList = [
      `${base}/www.python.org/`,
      `${base}/www.baidu.com/`,
      `${base}/gitee.com/`,
    ];
    const tasks = urlList.map((url) =>
      asyncio.createTask(function fetchTask() {
        return fetchText(session.signal, url);
      })
    );
    const [done, pending] = await asyncio.wait(tasks);
    console.log(pySet(done));
    console.log(pySet(pending));
  } finally {
    session.abort();
  }
}

const loop = asyncio.getEventLoop();
try {
  await loop.runUntilComplete(main);
} finally {
  server.close();
}
