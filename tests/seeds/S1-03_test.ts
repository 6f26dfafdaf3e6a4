import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-03 three gevent greenlets interleave at every sleep", async () => {
  const expected: string[] = [];
  for (let i = 0; i < 5; i++) expected.push(`A + ${i}`, `B + ${i}`, `C + ${i}`);
  assert.deepEqual(await runClean("S1-03"), expected);
});
