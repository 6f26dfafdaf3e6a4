import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S2-05 terminate() then join(): the looping process stops with -15", async () => {
  const out = await runLines("S2-05");
  assert.equal(out.at(-1), "alive: false, exitcode: -15");
  const working = out.slice(0, -1);
  assert.ok(working.length <= 5, "stopped within a few lines");
  working.forEach((line, i) => assert.equal(line, `working ${i + 1}`));
});
