import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-07 two tasks start after main's synchronous part, results printed", async () => {
  assert.deepEqual(await runClean("S1-07"), [
    "main函数开始执行",
    "main函数执行结束",
    "1",
    "1",
    "2",
    "2",
    "返回值 返回值",
  ]);
});
