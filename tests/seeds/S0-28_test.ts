import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-28 fetches the page from its own local server and prints it", async () => {
  const out = await runClean("S0-28");
  assert.equal(out[0], "<!doctype html>");
  assert.ok(out.includes("<head><title>Example Domain</title></head>"));
  assert.equal(out.at(-1), "</html>");
});
