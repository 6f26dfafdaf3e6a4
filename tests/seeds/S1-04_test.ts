import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-04 joinall waits for three downloads of the seed's sizes", async () => {
  const out = await runClean("S1-04");
  const masked = out.map((line) => line.replace(/http:\/\/127\.0\.0\.1:\d+\//, "https://"));
  // The lines come in the order the downloads finish (a race, as in the seed).
  assert.deepEqual(masked.toSorted(), [
    "下载了 https://im.qq.com/index 的数据,长度:15990",
    "下载了 https://www.163.com/ 的数据,长度:611738",
    "下载了 https://www.baidu.com/ 的数据,长度:227",
  ]);
});
