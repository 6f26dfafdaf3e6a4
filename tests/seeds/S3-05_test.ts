import assert from "node:assert/strict";
import { maskOutput } from "./harness.ts";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S3-05 gather of random sleeps returns results in argument order", async () => {
  const out = await runClean("S3-05");
  assert.deepEqual(out.map(maskOutput), [
    "N wait sec N",
    "N wait sec N",
    "N wait sec N",
    "['fetched N', 'fetched N', 'fetched N']",
  ]);
  for (const [i, line] of out.slice(0, 3).entries()) {
    const [name, sec] = line.split(" wait sec ").map(Number);
    assert.equal(name, i + 1, "the coroutines start in argument order");
    assert.ok(Number.isInteger(sec) && sec >= 1 && sec <= 10, `randint(1, 10) gave ${sec}`);
  }
  assert.equal(out[3], "['fetched 1', 'fetched 2', 'fetched 3']");
});
