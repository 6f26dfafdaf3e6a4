import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-01 two generators alternate and stop at the first exhausted one", async () => {
  assert.deepEqual(await runClean("S1-01", { timeScale: 0.01 }), [
    "A + 0",
    "B + 0",
    "A + 1",
    "B + 1",
    "A + 2",
    "B + 2",
  ]);
});
