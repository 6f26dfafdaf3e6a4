import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

/** The names of the finished tasks in a printed set `{<Task finished …>, …}`. */
function finishedNames(set: string): string[] {
  assert.match(set, /^\{.*\}$/);
  return set.slice(1, -1).split(/, (?=<Task )/).map((repr) => {
    const match = /^<Task finished name='([^']+)' coro=<.+> result='返回值'>$/.exec(repr);
    assert.ok(match, `not a finished task's repr: ${repr}`);
    return match[1];
  });
}

Deno.test("S1-08 asyncio.wait returns the done set with both named tasks and an empty pending set", async () => {
  const out = await runClean("S1-08");
  assert.deepEqual(out.slice(0, 6), [
    "main函数开始执行",
    "main函数执行结束",
    "1",
    "1",
    "2",
    "2",
  ]);
  assert.equal(out.length, 8);
  // Python prints {<Task finished name='n1' coro=<func() done, defined at …> result='返回值'>, …}
  // in arbitrary set order.
  assert.deepEqual(finishedNames(out[6]).sort(), ["n1", "n2"]);
  assert.equal(out[7], "set()");
});
