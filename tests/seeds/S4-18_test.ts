import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-18 writes and reads back Chinese text", async () => {
  assert.deepEqual(await runClean("S4-18"), ["读取到内容: 这是异步写入的内容"]);
});
