import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S2-01 fork's two branches, written with a Process", async () => {
  const out = await runLines("S2-01");
  assert.equal(out.length, 2);
  const [, parent, child] = out.find((l) => l.startsWith("I ("))!.match(
    /^I \((\d+)\) just created a child process \((\d+)\)\.$/,
  )!;
  assert.ok(out.includes(`I am child process (${child}) and my parent is (${parent}).`));
});
