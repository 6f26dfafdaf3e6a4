import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-03 asyncio.run(main, {debug: true}) returns main's result", async () => {
  assert.deepEqual(await runClean("S4-03"), ["开始执行main", "main执行完成", "结果"]);
});
