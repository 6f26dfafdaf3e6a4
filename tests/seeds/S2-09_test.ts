import assert from "node:assert/strict";
import { count, runLines } from "./_workers_checks.ts";

Deno.test("S2-09 a daemon thread is stopped when the main thread ends", async () => {
  const out = await runLines("S2-09");
  assert.equal(count(out, "主线程结束"), 1);
  assert.ok(count(out, "sing") < 5, "the daemon thread did not run to its end");
  assert.equal(out.length, 1 + count(out, "sing"));
});
