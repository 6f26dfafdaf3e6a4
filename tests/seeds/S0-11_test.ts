import assert from "node:assert/strict";
import { before, runLines } from "./_workers_checks.ts";

Deno.test("S0-11 args/kwargs; main joins only the first; the program waits for the second", async () => {
  const out = await runLines("S0-11");
  assert.equal(out.length, 6);
  assert.equal(out[0], "thread MainThread is running");
  before(out, "thread LoopThread is running", "thread LoopThread end");
  before(out, "thread LoopThread end", "thread MainThread end");
  before(out, "thread DeamonThread is running", "thread DeamonThread end");
  assert.equal(out.at(-1), "thread DeamonThread end", "3 s outlast 1 s and the main thread");
});
