import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-15 async iterator class yields 1 to 99, then stops", async () => {
  assert.deepEqual(
    await runClean("S1-15"),
    Array.from({ length: 99 }, (_, i) => String(i + 1)),
  );
});
