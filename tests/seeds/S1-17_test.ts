import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S1-17 names the runtime's native event loop and runs func on it", async () => {
  const out = await runClean("S1-17");
  assert.match(out[0], /^event loop: (Deno \S+ \(tokio\)|Node\.js \S+ \(libuv \S+\))$/);
  assert.deepEqual(out.slice(1), ["hello", "world"]);
});
