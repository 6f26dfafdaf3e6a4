import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-16 each gathered task sees its own ContextVar value", async () => {
  assert.deepEqual(await runClean("S4-16"), [
    "处理请求 req-1",
    "处理请求 req-2",
    "处理请求 req-3",
  ]);
});
