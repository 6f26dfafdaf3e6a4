import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S3-09 asyncio.toThread runs the blocking function in a thread", async () => {
  assert.deepEqual(await runClean("S3-09", { timeScale: 0.05 }), [
    "Main started",
    "Blocking IO started",
    "Blocking IO finished",
    "Main finished",
  ]);
});
