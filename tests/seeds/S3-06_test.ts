import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S3-06 wait_for(fetch_data(), 1) takes the TimeoutError branch", async () => {
  assert.deepEqual(await runClean("S3-06"), ["Timeout!"]);
});
