import assert from "node:assert/strict";
import { assertBefore, runClean } from "./_asyncio_checks.ts";

Deno.test("S0-16 one producer, three consumer threads, a 'done' sentinel each", async () => {
  const out = await runClean("S0-16", { timeScale: 1 });
  assert.equal(out.at(-1), "done");
  const consumers = ["Thread-1 (consumer)", "Thread-2 (consumer)", "Thread-3 (consumer)"];
  const producer = "Thread-4 (producer)";
  for (const c of consumers) {
    assertBefore(out, `${c} is running`, `${c} end`);
    assertBefore(out, `${c} get done`, `${c} end`);
  }
  assert.deepEqual(
    out.filter((l) => l.startsWith(producer)),
    [
      `${producer} is running`,
      ...[0, 1, 2, 3, 4].map((i) => `${producer} put ${i}`),
      `${producer} put done`,
      `${producer} put done`,
      `${producer} put done`,
      `${producer} end`,
    ],
  );
  const gets = out.filter((l) => / get \d$/.test(l)).map((l) => Number(l.at(-1)));
  assert.deepEqual(gets.sort(), [0, 1, 2, 3, 4], "every item is taken exactly once");
  assert.equal(out.filter((l) => l.endsWith(" get done")).length, 3);
});
