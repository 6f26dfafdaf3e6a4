import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-03 asyncio.run(main, {debug: true}) returns main's result", async () => {
  // Debug mode reports callbacks that take 0.1 s or more. Run at scale 1 (a
  // 1 s program): with a scaled clock a few real milliseconds of start-up
  // would read as a slow callback.
  assert.deepEqual(await runClean("S4-03", { timeScale: 1 }), [
    "开始执行main",
    "main执行完成",
    "结果",
  ]);
});
