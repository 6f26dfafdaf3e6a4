// S1-04 — three downloads in gevent greenlets, waited for with `joinall`
// (seed 001, "gevent 案列").
//
// Python original:
//
//   import gevent
//   from gevent import monkey
//   import urllib.request
//
//   monkey.patch_all()
//
//   def download(url):
//       response = urllib.request.urlopen(url)
//       content = response.read()
//       print(f'下载了 {url} 的数据,长度:{len(content)}')
//
//   if __name__ == '__main__':
//       urls = [
//           'https://www.163.com/',
//           'https://im.qq.com/index',
//           'https://www.baidu.com/'
//       ]
//       g1 = gevent.spawn(download, urls[0])
//       g2 = gevent.spawn(download, urls[1])
//       g3 = gevent.spawn(download, urls[2])
//       # 类似 g1.join()
//       gevent.joinall([g1, g2, g3])
//
// Output there (in the order the downloads finished):
//
//   下载了 https://www.163.com/ 的数据,长度:611738
//   下载了 https://www.baidu.com/ 的数据,长度:227
//   下载了 https://im.qq.com/index 的数据,长度:15990
//
// Differences: no `monkey.patch_all()`: `fetch` never blocks the event loop,
// so the three downloads overlap without patching (see S1-03). The pages come
// from an HTTP server this example starts on 127.0.0.1, serving each path
// with the size the seed printed, and closes at the end. The lines appear in
// the order the downloads finish.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gevent } from "../mod.ts";

const SIZES: Record<string, number> = {
  "/www.163.com/": 611738,
  "/im.qq.com/index": 15990,
  "/www.baidu.com/": 227,
};

const server = createServer((request, response) => {
  const size = SIZES[request.url ?? ""];
  if (size === undefined) {
    response.writeHead(404, { connection: "close" }).end();
    return;
  }
  response.writeHead(200, { "content-type": "text/html", connection: "close" });
  response.end("x".repeat(size));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function download(url: string): Promise<void> {
  const response = await fetch(url);
  const content = new Uint8Array(await response.arrayBuffer());
  console.log(`下载了 ${url} 的数据,长度:${content.length}`);
}

const urls = [
  `${base}/www.163.com/`,
  `${base}/im.qq.com/index`,
  `${base}/www.baidu.com/`,
];
const g1 = gevent.spawn(download, urls[0]);
const g2 = gevent.spawn(download, urls[1]);
const g3 = gevent.spawn(download, urls[2]);
// 类似 g1.join()
await gevent.joinall([g1, g2, g3]);
server.close();
