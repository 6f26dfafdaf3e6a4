import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S2-14 threading.local binds each thread's own data", async () => {
  const out = await runLines("S2-14");
  assert.deepEqual(out.slice(0, 2).toSorted(), [
    "Hello, Alice (in Thread-A)",
    "Hello, Bob (in Thread-B)",
  ]);
  assert.deepEqual(out.slice(2), ["main thread has a student: false"]);
});
