import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S2-12 a looping thread is stopped from outside", async () => {
  const out = await runLines("S2-12");
  assert.equal(out.at(-1), "stopped: alive false, exitcode -15");
  const printed = out.slice(0, -1);
  assert.ok(printed.length >= 1 && printed.length <= 3);
  printed.forEach((line, i) => assert.equal(line, String(i + 1)));
});
