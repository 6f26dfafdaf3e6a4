import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-29 writes then reads a temporary file", async () => {
  assert.deepEqual(await runClean("S0-29"), ["Hello, asyncio!"]);
});
