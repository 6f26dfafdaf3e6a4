import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-06 subprocess.call runs the runtime's --version and prints its exit code", async () => {
  const out = await runClean("S0-06");
  // deno --version prints three lines ("deno 2.x ..."), node --version one ("v20.x").
  assert.match(out[0], /^(deno \d+\.\d+\.\d+|v\d+\.\d+\.\d+)/);
  assert.equal(out.at(-1), "Exit code: 0");
});
