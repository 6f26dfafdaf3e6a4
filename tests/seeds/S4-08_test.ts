import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-08 Lock serialises three coroutines in FIFO order", async () => {
  assert.deepEqual(await runClean("S4-08"), [
    "协程1 获得了锁",
    "协程1 释放了锁",
    "协程2 获得了锁",
    "协程2 释放了锁",
    "协程3 获得了锁",
    "协程3 释放了锁",
  ]);
});
