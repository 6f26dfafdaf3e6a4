import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S0-09 a Thread subclass: its params travel, current_thread is it", async () => {
  assert.deepEqual(await runLines("S0-09"), [
    "thread MainThread is running",
    "thread 测试线程 is running",
    "params:1",
    "thread 测试线程 end",
    "thread MainThread end",
  ]);
});
