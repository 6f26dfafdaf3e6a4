import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-10 Event: the waiter resumes after the setter sets it", async () => {
  assert.deepEqual(await runClean("S4-10"), [
    "等待事件...",
    "等待3秒后设置事件",
    "事件已被设置,继续执行",
  ]);
});
