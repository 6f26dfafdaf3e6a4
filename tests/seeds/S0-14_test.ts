import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S0-14 Condition: two readers wait, the writer's notify_all wakes both", async () => {
  // Real time: the readers must be waiting before the writer starts (the
  // original relies on a 1-second sleep for that).
  const out = await runLines("S0-14", { timeScale: 1 });
  assert.deepEqual(out.slice(0, 3), [
    "Thread-1 (read) wait",
    "Thread-2 (read) wait",
    "Thread-3 (write) notify all",
  ]);
  assert.deepEqual(out.slice(3).toSorted(), ["Thread-1 (read) wake", "Thread-2 (read) wake"]);
});
