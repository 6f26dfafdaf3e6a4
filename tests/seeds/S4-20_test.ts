import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-20 answers at once and finishes the background task after the response", async () => {
  assert.deepEqual(await runClean("S4-20"), [
    'GET / -> {"message":"Hello World"}',
    'POST /items/ -> {"status":"accepted","message":"处理中"}',
    "处理完成: 订单-42",
  ]);
});
