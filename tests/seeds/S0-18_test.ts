import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-18 generator consumer/producer prints the seed's exact output", async () => {
  const expected: string[] = [];
  for (let n = 1; n <= 3; n++) {
    expected.push(
      `[PRODUCER] Producing ${n}`,
      `[CONSUMER] Consuming ${n} `,
      "[PRODUCER] Consumer return: 200 OK",
    );
  }
  assert.deepEqual(await runClean("S0-18"), expected);
});
