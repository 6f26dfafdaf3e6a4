import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-20 sends all three requests before any result; wait returns all done", async () => {
  const out = (await runClean("S1-20")).map((line) =>
    line.replace(/http:\/\/127\.0\.0\.1:\d+\//g, "https://")
  );
  assert.equal(out.length, 8);
  assert.deepEqual(out.slice(0, 3), [
    "发送请求:https://www.python.org/",
    "发送请求:https://www.baidu.com/",
    "发送请求:https://gitee.com/",
  ]);
  // Results arrive as the server answers (a race, as in the seed; the server's
  // delays make baidu, gitee, python.org the usual order).
  assert.deepEqual(
    out.slice(3, 6).sort(),
    [
      "得到结果:https://www.baidu.com/,长度:227",
      "得到结果:https://gitee.com/,长度:318",
      "得到结果:https://www.python.org/,长度:512",
    ].sort(),
  );
  // print(done): a set of three finished tasks, in arbitrary order; print(pending): set().
  const done = out[6];
  assert.match(done, /^\{<Task finished name='Task-\d+' coro=<fetchTask\(\) done>/);
  assert.equal(done.match(/<Task finished /g)?.length, 3);
  assert.equal(out[7], "set()");
});
