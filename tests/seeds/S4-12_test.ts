import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-12 async context manager: enter, body, exit", async () => {
  assert.deepEqual(await runClean("S4-12"), ["进入上下文", "使用资源: 上下文资源", "退出上下文"]);
});
