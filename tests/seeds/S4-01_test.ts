import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-01 sync and async functions return the same value; the await lets another task run", async () => {
  assert.deepEqual(await runClean("S4-01"), [
    "sync_function: 500000500000",
    "其他任务在等待期间执行",
    "async_function: 500000500000",
  ]);
});
