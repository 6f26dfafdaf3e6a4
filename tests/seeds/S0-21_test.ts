import assert from "node:assert/strict";
import { runClean, splitTime } from "./_asyncio_checks.ts";

Deno.test("S0-21 two create_task tasks run concurrently", async () => {
  // A slower scale than the default, so that 2 s and 3 s are far apart in real time.
  const out = (await runClean("S0-21", { timeScale: 0.5 })).map((line) =>
    line.startsWith("create") || line.includes("result:") ? [line, NaN] as const : splitTime(line)
  );
  assert.deepEqual(out.map(([line]) => line), [
    "main begin T",
    "create tasks",
    "long time task1 begin T",
    "long time task2 begin T",
    "long time task1 end T",
    "long time task2 end T",
    "task2 result:data2",
    "task1 result:data1",
    "main end T",
  ]);
  const t = out.map(([, time]) => time);
  assert.ok(t[4] - t[2] >= 0.99, `task 1 slept ${t[4] - t[2]}`);
  assert.ok(t[5] - t[3] >= 1.99, `task 2 slept ${t[5] - t[3]}`);
  const total = t[8] - t[0];
  assert.ok(total >= 1.99 && total < 2.9, `concurrent: the program took ${total}, not 3`);
});
