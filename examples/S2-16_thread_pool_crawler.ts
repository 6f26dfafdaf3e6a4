// S2-16 — `ThreadPoolExecutor(max_workers=50)` crawling four gallery pages:
// each thread fetches a page, finds the `<img>` in each `<li>`, prints and
// downloads every image; the total time is printed (seed 002,
// "ThreadPoolExecutor", which uses the third-party DrissionPage).
//
// Python original:
//
//   def get_page(url):
//       page.get(url)
//       for li in page.eles('tag:li'):
//           for img in li.eles('tag:img'):
//               img_page = img.attr('src')
//               print(img_page)
//               page.download(img_page, './img')
//   def getPic():
//       start_overall = time.time()
//       with concurrent.futures.ThreadPoolExecutor(max_workers=50) as executor:
//           for pageNum in range(1, 5):
//               if pageNum == 1:
//                   url = 'https://pic.netbian.com/4kdongman/index.html'
//               else:
//                   url = 'https://pic.netbian.com/4kdongman/index_' + str(pageNum) +'.html'
//               executor.submit(get_page, url)
//       end_overall = time.time()
//       print(f"总耗时 {end_overall - start_overall:.2f} 秒")
//
// Differences: the site is an HTTP server this example starts on 127.0.0.1;
// pages and images answer after a short delay, so the four threads overlap.
// The seed lists the pool's other parameters, so this port uses them too:
// `threadNamePrefix` names the threads, and the `initializer` gives each
// thread the download directory (a temporary one, removed at the end) and
// the site's address. `fetch` and a regular expression stand in for
// DrissionPage. Threads are workers: `getPage` and `init` are exported so
// each worker imports them from this module.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { concurrent, threading, time } from "../mod.ts";

let downloadDir = "";
let site = "";

/** The initializer: runs once in each pool thread. */
export function init(dir: string, base: string): void {
  downloadDir = dir;
  site = base;
}

export async function getPage(url: string): Promise<void> {
  const html = await (await fetch(site + url)).text();
  for (const li of html.match(/<li>[\s\S]*?<\/li>/g) ?? []) {
    for (const [, imgPage] of li.matchAll(/<img src="([^"]+)"/g)) {
      console.log(imgPage);
      const bytes = new Uint8Array(await (await fetch(site + imgPage)).arrayBuffer());
      writeFileSync(join(downloadDir, imgPage.split("/").at(-1)!), bytes);
    }
  }
}

if (threading.isMain(import.meta)) {
  const pages = new Map<string, string[]>();
  for (let pageNum = 1; pageNum < 5; pageNum++) {
    const path = pageNum === 1 ? "/4kdongman/index.html" : `/4kdongman/index_${pageNum}.html`;
    pages.set(path, [1, 2, 3].map((i) => `/uploads/allimg/p${pageNum}_${i}.jpg`));
  }
  const server = createServer((request, response) => {
    const images = pages.get(request.url ?? "");
    setTimeout(() => {
      if (images) {
        response.writeHead(200, { "content-type": "text/html" });
        response.end(`<ul>${images.map((src) => `<li><img src="${src}"></li>`).join("")}</ul>`);
      } else {
        response.writeHead(200, { "content-type": "image/jpeg" });
        response.end(new Uint8Array(256).fill(0xd8));
      }
    }, 100);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), "s2-16-"));
  try {
    const startOverall = time.time();
    {
      await using executor = new concurrent.futures.ThreadPoolExecutor({
        maxWorkers: 50,
        threadNamePrefix: "crawler",
        initializer: init,
        initargs: [dir, base],
      });
      for (const url of pages.keys()) {
        executor.submit(getPage, url);
      }
    }
    const endOverall = time.time();
    console.log(`下载 ${readdirSync(dir).length} 张图片`);
    console.log(`总耗时 ${(endOverall - startOverall).toFixed(2)} 秒`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    server.close();
  }
}
