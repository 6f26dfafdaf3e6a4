import assert from "node:assert/strict";
import { count, runLines } from "./_workers_checks.ts";

Deno.test("S2-04 a daemon process is stopped when the main program ends", async () => {
  const out = await runLines("S2-04");
  assert.equal(out[0], "主进程结束");
  assert.equal(count(out, "主进程结束"), 1);
  assert.ok(count(out, "singing") < 10, "the daemon did not run to its end");
  assert.equal(out.length, 1 + count(out, "singing"));
});
