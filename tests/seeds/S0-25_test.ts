import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-25 asyncio.Lock with await using: b waits until a releases", async () => {
  const out = await runClean("S0-25");
  // Python's order: a free Lock's acquire() returns without a's step ending,
  // so "a got lock" comes before "b waiting for lock".
  assert.deepEqual(out, [
    "a waiting for lock",
    "a got lock",
    "b waiting for lock",
    "a release lock",
    "b got lock",
    "b release lock",
  ]);
});
