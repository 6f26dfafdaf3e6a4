import assert from "node:assert/strict";
import { runClean, splitTime } from "./_asyncio_checks.ts";

Deno.test("S0-20 sequential awaits take 1 + 2 seconds", async () => {
  const out = (await runClean("S0-20")).map((line) =>
    line.startsWith("result") ? [line, NaN] as const : splitTime(line)
  );
  assert.deepEqual(out.map(([line]) => line), [
    "main begin T",
    "long time task 1 begin T",
    "long time task 1 end T",
    "result1: data",
    "long time task 2 begin T",
    "long time task 2 end T",
    "result2: data",
    "main end T",
  ]);
  const t = out.map(([, time]) => time);
  // Program seconds (the clock is scaled with the sleeps): task 1 sleeps 1,
  // task 2 starts only after it and sleeps 2.
  assert.ok(t[2] - t[1] >= 0.99, `task 1 slept ${t[2] - t[1]}`);
  assert.ok(t[5] - t[4] >= 1.99, `task 2 slept ${t[5] - t[4]}`);
  assert.ok(t[4] >= t[2], "task 2 begins after task 1 ends");
  assert.ok(t[7] - t[0] >= 2.99, `the program took ${t[7] - t[0]}`);
});
