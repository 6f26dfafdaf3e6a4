import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-24 asyncio.Event set after 2 seconds wakes the waiting task", async () => {
  assert.deepEqual(await runClean("S0-24"), [
    "main begin",
    "create task",
    "等待事件触发",
    "开始触发事件",
    "事件被触发了",
    "main end",
  ]);
});
