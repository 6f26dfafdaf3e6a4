import assert from "node:assert/strict";
import { maskOutput } from "./harness.ts";
import { runLines } from "./_workers_checks.ts";

Deno.test("S0-03 a Process subclass runs its run() with its own name", async () => {
  const out = await runLines("S0-03");
  assert.deepEqual(out.map(maskOutput), [
    "Parent Process (N) start...",
    "Child process will start.",
    "Run child process 测试进程 (N)...",
    "child process 测试进程 (N) done",
    "Child process end.",
  ]);
  assert.equal(out[2].match(/\d+/)![0], out[3].match(/\d+/)![0]);
});
