import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-13 run_in_executor: default pool, custom thread pool, custom process pool", async () => {
  assert.deepEqual(await runClean("S1-13", { timeScale: 0.05 }), [
    "default thread pool 天秀",
    "custom thread pool 天秀",
    "custom process poo1 天秀",
  ]);
});
