import assert from "node:assert/strict";
import { runClean, splitTime } from "./_asyncio_checks.ts";

Deno.test("S0-22 gather of tasks, then of coroutines, results in order", async () => {
  const out = (await runClean("S0-22", { timeScale: 0.5 })).map((line) =>
    line.startsWith("results") ? [line, NaN] as const : splitTime(line)
  );
  assert.deepEqual(out.map(([line]) => line), [
    "task begin T",
    "task end T",
    "results: ['data1', 'data2']",
    "coroutine begin T",
    "coroutine end T",
    "results: ['data1', 'data2']",
  ]);
  const t = out.map(([, time]) => time);
  for (const [begin, end] of [[0, 1], [3, 4]]) {
    const took = t[end] - t[begin];
    assert.ok(took >= 1.99 && took < 2.9, `a gather took ${took}: concurrent, about 2`);
  }
});
