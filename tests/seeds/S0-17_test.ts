import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S0-17 threading.local: each thread its own attribute, the main thread none", async () => {
  const out = await runLines("S0-17");
  assert.deepEqual(out.slice(0, 2).toSorted(), ["Thread-1 (func) 2", "Thread-2 (func) 3"]);
  assert.deepEqual(out.slice(2), ["MainThread has no params attr"]);
});
