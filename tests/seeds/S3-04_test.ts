import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S3-04 wait(timeout=3): A done, C raised, B pending then cancelled", async () => {
  const out = await runClean("S3-04");
  assert.deepEqual(out.slice(0, 4), [
    "Task A started",
    "Task B started",
    "Task C started",
    "Task A completed",
  ]);
  // `done` is a set: Python iterates it in arbitrary order.
  assert.deepEqual(out.slice(4, 6).sort(), [
    "Task A done,result is Data fetched",
    "Task C raised an exception: Task C failed",
  ]);
  assert.deepEqual(out.slice(6), [
    "Task B is still pending",
    "Task B has been cancelled",
  ]);
});
