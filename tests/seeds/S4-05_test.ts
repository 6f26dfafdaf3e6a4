import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-05 gather(returnExceptions) of three coroutines", async () => {
  assert.deepEqual(await runClean("S4-05"), ["['结果 1', '结果 2', '结果 3']"]);
});
