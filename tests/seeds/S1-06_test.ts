import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-06 awaiting a coroutine twice returns its value each time", async () => {
  assert.deepEqual(await runClean("S1-06"), [
    "执行协程函数内部代码",
    "start",
    "end",
    "response1请求结束,结果为:返回值",
    "start",
    "end",
    "response2 请求结束,结果为:返回值",
  ]);
});
