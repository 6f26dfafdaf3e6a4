import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-04 a named task starts only when main first awaits", async () => {
  assert.deepEqual(await runClean("S4-04"), [
    "任务名称: 背景任务",
    "主函数继续执行",
    "后台任务开始",
    "后台任务完成",
    "获取到结果: 后台任务结果",
  ]);
});
