import assert from "node:assert/strict";
import { runExample } from "./harness.ts";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-23 wait_for(timeout=1) raises TimeoutError", async () => {
  assert.deepEqual(await runClean("S0-23"), ["time is out"]);
});

Deno.test("S0-23 the timed-out coroutine is cancelled, not waited for", async () => {
  // At scale 1 the inner sleep lasts 4 real seconds; waitFor cancels it after
  // 1 second, and asyncio.run has nothing left to wait for (the margin is for
  // the runtime's start-up).
  const run = await runExample("S0-23", { timeScale: 1 });
  assert.equal(run.code, 0);
  assert.ok(run.seconds >= 1, `took ${run.seconds} s: less than the 1 s timeout`);
  assert.ok(run.seconds < 3.5, `took ${run.seconds} s: the inner sleep was awaited`);
});
