import assert from "node:assert/strict";
import { assertBefore, runClean } from "./_asyncio_checks.ts";

Deno.test("S4-11 queue producer/consumer, join, cancel", async () => {
  const out = await runClean("S4-11");
  const produced = (i: number) => `生产了项目 ${i}`;
  const consumed = (i: number) => `消费了 项目 ${i}`;
  const ids = [0, 1, 2, 3, 4];
  // At t = 3 and t = 5 the consumer's 2 s sleep and the producer's 1 s sleep
  // end together: a race in Python too. Python guarantees each side's order,
  // produce-before-consume, and that join() waits for the last item.
  assert.deepEqual(out.filter((l) => l.startsWith("生产")), ids.map(produced));
  assert.deepEqual(out.filter((l) => l.startsWith("消费")), ids.map(consumed));
  assert.equal(out.length, 10);
  for (const i of ids) assertBefore(out, produced(i), consumed(i));
  // The put wakes the waiting consumer, which runs after the producer's print.
  assert.deepEqual(out.slice(0, 3), [produced(0), consumed(0), produced(1)]);
  assert.deepEqual(out.slice(-2), [consumed(3), consumed(4)]);
});
