import assert from "node:assert/strict";
import { before, runLines } from "./_workers_checks.ts";

Deno.test("S0-13 three threads wait on an Event until stdin says true", async () => {
  const out = await runLines("S0-13", { stdin: "no\nfalse\ntrue\n" });
  assert.deepEqual(out.filter((l) => l.startsWith("input:")), [
    "input:no",
    "input:false",
    "input:true",
  ]);
  for (const n of [1, 2, 3]) {
    before(out, `Thread-${n} (func) start`, `Thread-${n} (func) execute`);
    before(out, "input:true", `Thread-${n} (func) execute`);
  }
  assert.equal(out.length, 9);
});
