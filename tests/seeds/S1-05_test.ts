import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-05 a lazy coroutine handed to asyncio.run runs once", async () => {
  assert.deepEqual(await runClean("S1-05"), ["协程函数"]);
});
