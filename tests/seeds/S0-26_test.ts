import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-26 Queue(maxsize=3): consumers take turns in FIFO order; bounded run ends", async () => {
  const out = await runClean("S0-26");
  const run = (consumers: string) =>
    [...consumers].flatMap((c, i) => [`生产了 ${i}`, `消费者${c} 收到 ${i}`]);
  // Python: A takes 0 without suspending and queues its next get() before B's
  // first one, so the getters wait in the order B, A and take turns A A B A B.
  // A JavaScript `await` suspends even when get() finds an item at once, so
  // B's first get() may queue first: A B A B A. Either way each item goes to
  // the getter that has waited longest, and the bounded run ends cleanly.
  const python = run("AABAB");
  const jsAwait = run("ABABA");
  assert.ok(
    [python, jsAwait].some((order) => JSON.stringify(order) === JSON.stringify(out)),
    `unexpected order: ${JSON.stringify(out)}`,
  );
});
