import assert from "node:assert/strict";
import { assertBefore, runClean } from "./_asyncio_checks.ts";

Deno.test("S3-07 queue producer/consumer, join, then cancel the consumer", async () => {
  const out = await runClean("S3-07");
  const produced = (i: number) => `produced: ${i}`;
  const consumed = (i: number) => `consumed: ${i}`;
  const ids = [0, 1, 2, 3, 4];
  // Sleeps of 1 s (producer) and 2 s (consumer) end at the same program second
  // at t = 2 and t = 4: which line comes first there is a race in Python too.
  // Python guarantees each side's own order, that an item is produced before
  // it is consumed, and that join() waits for the last item.
  assert.deepEqual(out.filter((l) => l.startsWith("produced")), ids.map(produced));
  assert.deepEqual(out.filter((l) => l.startsWith("consumed")), ids.map(consumed));
  assert.equal(out.length, 10);
  for (const i of ids) assertBefore(out, produced(i), consumed(i));
  assert.deepEqual(out.slice(0, 3), [produced(0), consumed(0), produced(1)]);
  assert.deepEqual(out.slice(-2), [consumed(3), consumed(4)]);
});
