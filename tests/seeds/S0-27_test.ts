import assert from "node:assert/strict";
import { assertSemaphoreTrace, runClean } from "./_asyncio_checks.ts";

Deno.test("S0-27 Semaphore(2) lets two of four tasks run at once, in FIFO order", async () => {
  const out = await runClean("S0-27");
  assert.equal(out.length, 8);
  assertSemaphoreTrace(
    out,
    ["A", "B", "C", "D"],
    2,
    (id) => `Task ${id} started`,
    (id) => `Task ${id} completed`,
  );
  // C and D can only start once A or B has completed.
  assert.ok(out.indexOf("Task C started") > out.indexOf("Task A completed"));
});
