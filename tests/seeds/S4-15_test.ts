import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-15 cancel: caught and re-raised in the task, caught again in main", async () => {
  assert.deepEqual(await runClean("S4-15"), [
    "开始长时间操作",
    "操作被取消",
    "主函数捕获到取消异常",
  ]);
});
