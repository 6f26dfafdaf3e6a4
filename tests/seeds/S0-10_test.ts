import assert from "node:assert/strict";
import { assertBefore, runClean } from "./_asyncio_checks.ts";

Deno.test("S0-10 ThreadPoolExecutor(max_workers=2): thread names ThreadPoolExecutor-0_0 and -0_1", async () => {
  // Scale 0.4: each task sleeps 0.4 s. Pool workers are pushed their jobs
  // when they are spawned, so a worker that starts slower than a task lasts
  // lets its sibling run the third task before the first (Python's threads
  // pull FIFO); a task longer than a worker's start-up keeps Python's order.
  const out = await runClean("S0-10", { timeScale: 0.4 });
  assert.equal(out.length, 9);
  const running = out.filter((l) => l.endsWith("is running"));
  assert.deepEqual(
    [...new Set(running)].sort(),
    ["thread ThreadPoolExecutor-0_0 is running", "thread ThreadPoolExecutor-0_1 is running"],
  );
  assert.deepEqual(out.filter((l) => l.startsWith("params")).sort(), [
    "params:0",
    "params:1",
    "params:2",
  ]);
  // The third task starts only after one of the first two has ended.
  const third = out.indexOf("params:2");
  assert.ok(out.slice(0, third).some((l) => l.endsWith(" end")));
  assertBefore(out, "params:0", "params:2");
});
