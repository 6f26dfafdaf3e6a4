import assert from "node:assert/strict";
import { assertSemaphoreTrace, runClean } from "./_asyncio_checks.ts";

Deno.test("S3-08 Semaphore(2) over 5 workers: two at a time, FIFO", async () => {
  const out = await runClean("S3-08");
  assert.equal(out.length, 10);
  assertSemaphoreTrace(
    out,
    ["0", "1", "2", "3", "4"],
    2,
    (id) => `Worker ${id} started`,
    (id) => `Worker ${id} finished`,
  );
  assert.equal(out.at(-1), "Worker 4 finished");
});
