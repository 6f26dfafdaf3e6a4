import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-03 asyncio.run(main, {debug: true}) returns main's result", async () => {
  // Debug mode reports callbacks that take 0.1 s or more of real time (the
  // scaled loop clock does not inflate them), so the default scale works.
  assert.deepEqual(await runClean("S4-03"), [
    "开始执行main",
    "main执行完成",
    "结果",
  ]);
});
