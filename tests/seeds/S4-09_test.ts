import assert from "node:assert/strict";
import { assertSemaphoreTrace, runClean } from "./_asyncio_checks.ts";

Deno.test("S4-09 Semaphore(2) over 5 workers: two at a time, FIFO", async () => {
  const out = await runClean("S4-09");
  assert.equal(out.length, 10);
  assertSemaphoreTrace(
    out,
    ["0", "1", "2", "3", "4"],
    2,
    (id) => `工作者 ${id} 开始`,
    (id) => `工作者 ${id} 完成`,
  );
  assert.equal(out.at(-1), "工作者 4 完成");
});
