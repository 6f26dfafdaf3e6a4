import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S2-03 os.getpid/getppid in the parent and in a child", async () => {
  const out = await runLines("S2-03");
  const [, mainPid] = out[0].match(/^main: pid (\d+), parent (\d+)$/)!;
  const [, childPid, childParent] = out[1].match(/^child: pid (\d+), parent (\d+)$/)!;
  assert.equal(childParent, mainPid);
  assert.notEqual(childPid, mainPid);
  assert.equal(out[2], `child pid was ${childPid}`);
});
