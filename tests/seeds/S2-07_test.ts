import assert from "node:assert/strict";
import { assertBefore, runClean } from "./_asyncio_checks.ts";

Deno.test("S2-07 writer and reader processes with try/finally, both joined", async () => {
  const out = await runClean("S2-07", { timeScale: 0.2 });
  assert.equal(out.at(-1), "DONE");
  assert.deepEqual(out.filter((l) => l.startsWith("write")), [
    "write, 1",
    "write, 2",
    "write, 3",
    "write, 4",
    "write_task end",
  ]);
  assert.deepEqual(out.filter((l) => l.startsWith("read")), [
    "read, 1",
    "read, 2",
    "read, 3",
    "read, 4",
    "read_task end",
  ]);
  for (const n of [1, 2, 3, 4]) assertBefore(out, `write, ${n}`, `read, ${n}`);
  assert.equal(out.length, 11);
});
