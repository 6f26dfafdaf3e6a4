import assert from "node:assert/strict";
import { runLines } from "./_workers_checks.ts";

Deno.test("S0-12 an RLock serialises add/sub across two thread pools", async () => {
  const out = await runLines("S0-12");
  assert.equal(out[0], "thread MainThread is running");
  assert.equal(out.at(-1), "thread MainThread end");
  const counts = out.filter((l) => l.startsWith("count: ")).map((l) => Number(l.slice(7)));
  assert.deepEqual(counts, [1, 2, 3, 4, 3, 2, 1, 0]);
  // Each add: "get lock", its count, then "release lock" by the same pool thread.
  const gets = out.filter((l) => l.endsWith(" get lock"));
  const releases = out.filter((l) => l.endsWith(" release lock"));
  assert.equal(gets.length, 4);
  assert.equal(releases.length, 4);
  for (const line of [...gets, ...releases]) {
    assert.match(line, /^thread ThreadPoolExecutor-0_[01] (get|release) lock$/);
  }
  // The holder prints its count right after "get lock"; only another thread's
  // "release lock" (printed after its release) may come in between.
  for (let i = 0; i < out.length; i++) {
    if (!out[i].endsWith(" get lock")) continue;
    let j = i + 1;
    while (out[j].endsWith(" release lock")) j++;
    assert.match(out[j], /^count: [1-4]$/);
  }
  // Every count line of add comes after the previous holder's count line.
  const lastAdd = out.lastIndexOf("count: 4");
  assert.ok(out.indexOf("count: 0") > lastAdd);
});
