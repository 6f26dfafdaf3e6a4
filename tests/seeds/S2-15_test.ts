import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S2-15 Executor.submit and Executor.map with timeout and chunksize", async () => {
  assert.deepEqual(await runClean("S2-15"), ["1024", "32", "9", "64"]);
});
