import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S3-02 a coroutine's return value", async () => {
  assert.deepEqual(await runClean("S3-02"), ["Data fetched"]);
});
