import assert from "node:assert/strict";
import { runExample } from "./harness.ts";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-23 wait_for(timeout=1) raises TimeoutError", async () => {
  assert.deepEqual(await runClean("S0-23"), ["time is out"]);
});

Deno.test("S0-23 the timed-out coroutine is cancelled, not waited for", async () => {
  // At scale 0.5 the inner 4 s sleep lasts 2 real seconds; waitFor cancels it
  // after 0.5 real seconds, and asyncio.run has nothing left to wait for.
  const run = await runExample("S0-23", { timeScale: 0.5 });
  assert.equal(run.code, 0);
  assert.ok(run.seconds < 1.9, `took ${run.seconds} s: the inner sleep was awaited`);
});
