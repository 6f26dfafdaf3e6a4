import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-25 asyncio.Lock with await using: b waits until a releases", async () => {
  const out = await runClean("S0-25");
  // Python prints "a got lock" before "b waiting for lock": a free Lock's
  // acquire() returns without suspending. A JavaScript `await` always
  // suspends, even on a settled promise, so b's first step may run in
  // between; everything else is Python's order.
  const python = [
    "a waiting for lock",
    "a got lock",
    "b waiting for lock",
    "a release lock",
    "b got lock",
    "b release lock",
  ];
  const jsAwait = [python[0], python[2], python[1], ...python.slice(3)];
  assert.ok(
    [python, jsAwait].some((order) => JSON.stringify(order) === JSON.stringify(out)),
    `unexpected order: ${JSON.stringify(out)}`,
  );
});
