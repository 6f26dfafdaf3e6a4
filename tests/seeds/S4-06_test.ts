import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-06 wait_for(timeout=2) of a 5 s operation times out", async () => {
  assert.deepEqual(await runClean("S4-06"), ["操作超时"]);
});
