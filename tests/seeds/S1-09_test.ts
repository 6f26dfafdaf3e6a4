import assert from "node:assert/strict";
import { maskOutput } from "./harness.ts";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-09 asyncio.run(asyncio.wait(coroutines)) returns both done tasks", async () => {
  const out = await runClean("S1-09");
  assert.deepEqual(out.slice(0, 4), ["1", "1", "2", "2"]);
  assert.equal(out.length, 6);
  // {<Task finished name='Task-2' coro=<func() done, defined at …> result='返回值'>, …}:
  // default names, arbitrary set order in Python.
  const reprs = maskOutput(out[4]).slice(1, -1).split(/, (?=<Task )/);
  assert.equal(reprs.length, 2);
  for (const repr of reprs) {
    assert.match(repr, /^<Task finished name='Task-N' coro=<.+> result='返回值'>$/);
  }
  assert.equal(out[5], "set()");
});
