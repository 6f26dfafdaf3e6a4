import assert from "node:assert/strict";
import { maskOutput } from "./harness.ts";
import { runLines } from "./_workers_checks.ts";

Deno.test("S2-10 join after starting all runs together; join in the loop runs one by one", async () => {
  // A fifth of real time: worker start-up (not scaled) stays small next to the sleeps.
  const out = await runLines("S2-10", { timeScale: 0.2 });
  assert.equal(out.length, 14);
  for (const half of [out.slice(0, 5), out.slice(7, 12)]) {
    for (const line of half) assert.equal(maskOutput(line), "<Thread(Thread-N (test), started N)>");
  }
  assert.equal(out[5], "主线程结束");
  assert.equal(out[12], "主线程结束");
  const together = Number(out[6].match(/^together: ([\d.]+) s$/)![1]);
  const serial = Number(out[13].match(/^one by one: ([\d.]+) s$/)![1]);
  assert.ok(together >= 5, `together took ${together} s`);
  assert.ok(serial >= 25, `one by one took ${serial} s`);
  assert.ok(serial > together);
});
