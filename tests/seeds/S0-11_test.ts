import assert from "node:assert/strict";
import { before, runLines } from "./_workers_checks.ts";

Deno.test("S0-11 args/kwargs; main joins only the first; the program waits for the second", async () => {
  // 1 s against 3 s: at the default scale (50 ms against 150 ms) a worker that
  // starts late on a loaded machine let the second thread finish first.
  const out = await runLines("S0-11", { timeScale: 0.4 });
  assert.equal(out.length, 6);
  assert.equal(out[0], "thread MainThread is running");
  before(out, "thread LoopThread is running", "thread LoopThread end");
  before(out, "thread LoopThread end", "thread MainThread end");
  before(out, "thread DeamonThread is running", "thread DeamonThread end");
  assert.equal(out.at(-1), "thread DeamonThread end", "3 s outlast 1 s and the main thread");
});
