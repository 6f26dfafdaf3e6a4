import assert from "node:assert/strict";
import { maskOutput } from "./harness.ts";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-14 downloads in the default executor, all started before any finishes", async () => {
  const out = (await runClean("S1-14", { timeScale: 0.05 })).map(maskOutput);
  assert.deepEqual(out, [
    "开始下载:http://N.N:N/uploads/allimg/N/N/rnNaN.jpg",
    "开始下载:http://N.N:N/uploads/allimg/N/N/rndNdNfNbNbN.jpg",
    "开始下载:http://N.N:N/uploads/allimg/N/N/rnNfNeNf.jpg",
    "下载完成",
    "下载完成",
    "下载完成",
    "rnNaN.jpg: N bytes",
    "rndNdNfNbNbN.jpg: N bytes",
    "rnNfNeNf.jpg: N bytes",
  ]);
});
