import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-12 ten futures printed with their state, then ten results in two waves", async () => {
  const out = await runClean("S1-12", { timeScale: 0.5 });
  assert.equal(out.length, 20);
  for (const line of out.slice(0, 10)) {
    assert.match(line, /^<Future at 0x[0-9a-f]+ state=(pending|running)>$/);
  }
  assert.equal(new Set(out.slice(0, 10)).size, 10, "ten distinct futures");
  const values = out.slice(10).map(Number);
  assert.deepEqual([...values].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  // Five threads: the second five start after the first five end.
  assert.deepEqual(values.slice(0, 5).sort(), [0, 1, 2, 3, 4]);
});
