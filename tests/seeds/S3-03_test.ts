import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S3-03 two named tasks start at once and finish together", async () => {
  assert.deepEqual(await runClean("S3-03"), [
    "Task 1 started",
    "Task 2 started",
    "Task 1 finished Data fetched",
    "Task 2 finished Data fetched",
  ]);
});
