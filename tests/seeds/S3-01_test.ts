import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S3-01 hello world with asyncio.run", async () => {
  assert.deepEqual(await runClean("S3-01"), ["Hello ...", "... World!"]);
});
