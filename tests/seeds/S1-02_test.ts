import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-02 greenlet ring A → B → C prints in greenlet's order", async () => {
  const expected: string[] = [];
  for (let i = 0; i < 5; i++) expected.push(`A + ${i}`, `B + ${i}`, `C + ${i}`);
  assert.deepEqual(await runClean("S1-02", { timeScale: 0.01 }), expected);
});
