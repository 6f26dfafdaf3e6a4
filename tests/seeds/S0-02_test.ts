import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S0-02 Process(target, args) runs in a child with its own pid; join waits", async () => {
  const out = await runLines("S0-02");
  const parent = out[0].match(/^Parent Process \((\d+)\) start\.\.\.$/)![1];
  const child = out[2].match(/^Run child process test \((\d+)\)\.\.\.$/)![1];
  assert.notEqual(child, parent);
  assert.deepEqual(out, [
    `Parent Process (${parent}) start...`,
    "Child process will start.",
    `Run child process test (${child})...`,
    `child process test (${child}) done`,
    "Child process end.",
  ]);
});
