import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-17 gather returns the pages in argument order, not finishing order", async () => {
  const out = (await runClean("S4-17")).map((line) =>
    line.replace(/^http:\/\/127\.0\.0\.1:\d+\//, "https://")
  );
  assert.deepEqual(out, [
    "https://example.com: 获取了 1263 字节",
    "https://python.org: 获取了 5000 字节",
    "https://github.com: 获取了 2744 字节",
  ]);
});
