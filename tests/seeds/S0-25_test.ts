import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-25 asyncio.Lock with await using: b waits until a releases", async () => {
  assert.deepEqual(await runClean("S0-25"), [
    "a waiting for lock",
    "a got lock",
    "b waiting for lock",
    "a release lock",
    "b got lock",
    "b release lock",
  ]);
});
