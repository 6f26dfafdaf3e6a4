import assert from "node:assert/strict";
import { count, runLines } from "./_workers_checks.ts";

Deno.test("S2-08 two threads sing and dance five times each", async () => {
  const out = await runLines("S2-08");
  assert.equal(count(out, "sing"), 5);
  assert.equal(count(out, "dance"), 5);
  assert.equal(out.length, 10);
});
