import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-19 asyncio.run(long_time_task()) prints around the run", async () => {
  assert.deepEqual(await runClean("S0-19"), [
    "main begin",
    "long time task begin",
    "long time task end",
    "main end",
  ]);
});
