import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-26 Queue(maxsize=3): consumers take turns in FIFO order; bounded run ends", async () => {
  const out = await runClean("S0-26");
  const run = (consumers: string) =>
    [...consumers].flatMap((c, i) => [`生产了 ${i}`, `消费者${c} 收到 ${i}`]);
  // Python's order: A takes 0 without its step ending and queues its next
  // get() before B's first one, so the getters wait in the order B, A and
  // take turns A A B A B; each item goes to the getter that waited longest.
  assert.deepEqual(out, run("AABAB"));
});
