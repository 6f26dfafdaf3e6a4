import assert from "node:assert/strict";
import { multiprocessing, os } from "../../mod.ts";

Deno.test("os.getpid, getppid, cpuCount on the main thread", () => {
  assert.ok(Number.isInteger(os.getpid()) && os.getpid() > 0);
  assert.ok(Number.isInteger(os.getppid()));
  assert.equal(os.getpid(), multiprocessing.currentProcess().pid);
  assert.ok(os.cpuCount() >= 1);
  assert.equal(os.cpuCount(), multiprocessing.cpuCount());
});
