import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-07 asyncio.Future resolved by another task", async () => {
  assert.deepEqual(await runClean("S4-07"), ["Future完成了"]);
});
