import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-26 Queue(maxsize=3): consumers take turns in FIFO order; bounded run ends", async () => {
  assert.deepEqual(await runClean("S0-26"), [
    "生产了 0",
    "消费者A 收到 0",
    "生产了 1",
    "消费者A 收到 1",
    "生产了 2",
    "消费者B 收到 2",
    "生产了 3",
    "消费者A 收到 3",
    "生产了 4",
    "消费者B 收到 4",
  ]);
});
