import assert from "node:assert/strict";
import { maskOutput } from "./harness.ts";
import { assertBefore, runClean } from "./_asyncio_checks.ts";

Deno.test("S0-07 a writer and a reader process share a multiprocessing.Queue", async () => {
  const out = (await runClean("S0-07", { timeScale: 1 })).map(maskOutput);
  assert.deepEqual([...out].sort(), [
    "Get A from queue",
    "Get B from queue",
    "Get C from queue",
    "Process to read: N",
    "Process to write:N",
    "Put A to queue ",
    "Put B to queue ",
    "Put C to queue ",
  ]);
  for (const v of ["A", "B", "C"]) assertBefore(out, `Put ${v} to queue `, `Get ${v} from queue`);
  assertBefore(out, "Get A from queue", "Get B from queue");
  assertBefore(out, "Get B from queue", "Get C from queue");
});
