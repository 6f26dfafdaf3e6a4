import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-11 a task sets the future's result", async () => {
  assert.deepEqual(await runClean("S1-11"), ["666"]);
});
