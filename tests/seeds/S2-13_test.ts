import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S2-13 a shared stop flag ends the looping thread", async () => {
  const out = await runLines("S2-13");
  assert.equal(out[0], "子线程开始执行");
  assert.deepEqual(out.slice(-2), ["子线程退出", "主线程结束"]);
  const running = out.slice(1, -2);
  assert.ok(running.length <= 6);
  for (const line of running) assert.equal(line, "子线程正在运行");
});
