import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S0-08 Thread(name=LoopThread): current_thread names, join", async () => {
  assert.deepEqual(await runLines("S0-08"), [
    "thread MainThread is running",
    "thread LoopThread is running",
    "thread LoopThread end",
    "thread MainThread end",
  ]);
});
