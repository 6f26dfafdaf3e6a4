import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-10 a future nobody sets: the bounded wait times out and cancels it", async () => {
  assert.deepEqual(await runClean("S1-10"), ["3 秒后仍没有结果: fut.cancelled() = True"]);
});
