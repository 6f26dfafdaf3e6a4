import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-13 async iterator yields 1 to 5", async () => {
  assert.deepEqual(await runClean("S4-13"), ["1", "2", "3", "4", "5"]);
});
