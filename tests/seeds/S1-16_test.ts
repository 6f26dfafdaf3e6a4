import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-16 async context manager with await using", async () => {
  assert.deepEqual(await runClean("S1-16"), ["666"]);
});
