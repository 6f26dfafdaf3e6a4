import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-02 the running loop: repr, is_running, create_future, call_later", async () => {
  const out = await runClean("S4-02");
  assert.equal(out.length, 5);
  assert.deepEqual(out.slice(0, 2), ["Hello, world!", "Hello again!"]);
  // Python: 当前事件循环: <_UnixSelectorEventLoop running=True closed=False debug=False>
  // (the repr names the loop's class: pyconc's is EventLoop).
  assert.equal(out[2], "当前事件循环: <EventLoop running=True closed=False debug=False>");
  assert.deepEqual(out.slice(3), ["事件循环运行状态: True", "Future结果: 完成"]);
});
