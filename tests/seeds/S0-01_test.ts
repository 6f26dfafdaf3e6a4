import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S0-01 no os.fork: the AttributeError message, then a Process does fork's job", async () => {
  const out = await runLines("S0-01");
  assert.equal(out.length, 4);
  const parent = out[0].match(/^Parent Process \((\d+)\) start$/)![1];
  assert.equal(out[1], "module 'os' has no attribute 'fork'");
  const forked = out.find((l) => l.startsWith("parent process"))!;
  const [, p, child] = forked.match(/^parent process \((\d+)\) fork a child process \((\d+)\)\.$/)!;
  assert.equal(p, parent);
  assert.ok(out.includes(`child process (${child}) ,parent process (${parent})`));
  assert.notEqual(child, parent);
});
