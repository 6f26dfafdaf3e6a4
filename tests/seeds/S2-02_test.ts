import assert from "node:assert/strict";
import { count, runLines } from "./_workers_checks.ts";

Deno.test("S2-02 Process args and kwargs; the program waits for both", async () => {
  const out = await runLines("S2-02");
  assert.equal(count(out, "singing"), 3);
  assert.equal(count(out, "drawing"), 3);
  assert.equal(out.length, 6);
});
