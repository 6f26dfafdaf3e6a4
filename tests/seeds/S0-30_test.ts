import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-30 run_in_executor: default executor, thread pool, process pool", async () => {
  assert.deepEqual(await runClean("S0-30", { timeScale: 0.05 }), [
    "loop result: data",
    "io result: data",
    "cpu result: 3",
  ]);
});
