import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-14 async generator: for await, next (__anext__), next(value) (asend)", async () => {
  assert.deepEqual(await runClean("S4-14"), [
    "使用async for循环:",
    "收到值: 1",
    "继续生成器执行,刚生成了 1",
    "收到值: 2",
    "继续生成器执行,刚生成了 2",
    "收到值: 3",
    "继续生成器执行,刚生成了 3",
    "",
    "手动迭代:",
    "手动迭代第一个值: 5",
    "继续生成器执行,刚生成了 5",
    "使用asend获取的下一个值: 6",
  ]);
});
