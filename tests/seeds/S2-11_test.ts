import assert from "node:assert/strict";
import { before, runLines } from "./_workers_checks.ts";

Deno.test("S2-11 a Lock makes 5 threads × 10000 increments come to 50000", async () => {
  const out = await runLines("S2-11");
  assert.equal(out[0], "thread MainThread is running...");
  for (let n = 1; n <= 5; n++) {
    before(out, `thread Thread-${n} (calc) is running...`, `thread Thread-${n} (calc) ended.`);
    before(out, `thread Thread-${n} (calc) ended.`, "global num: 50000");
  }
  assert.deepEqual(out.slice(-2), ["global num: 50000", "thread MainThread ended."]);
  assert.equal(out.length, 13);
});
