import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-15 queue.Queue(3): put, get with timeout, taskDone, join", async () => {
  assert.deepEqual(await runClean("S0-15"), [
    "put 0",
    "put 1",
    "put 2",
    "get 0",
    "get 1",
    "get 2",
    "done",
  ]);
});
