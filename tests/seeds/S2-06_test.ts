import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S2-06 Pool(4): five apply_async tasks print x*x", async () => {
  const out = await runClean("S2-06", { timeScale: 0.1 });
  assert.match(out[0], /^Parent process \d+\.$/);
  assert.equal(out[1], "Waiting for all subprocesses done...");
  assert.equal(out.at(-1), "All subprocesses done.");
  const body = out.slice(2, -1);
  assert.deepEqual(
    body.filter((l) => l.startsWith("Task")).sort(),
    [0, 1, 2, 3, 4].map((x) => `Task ${x} result is: ${x * x}`),
  );
  const pids = new Map<number, string>();
  for (const line of body.filter((l) => l.startsWith("Run"))) {
    const m = /^Run task (\d) \(pid:(\d+)\)\.\.\.$/.exec(line);
    assert.ok(m, line);
    pids.set(Number(m[1]), m[2]);
  }
  assert.equal(pids.size, 5);
  assert.equal(new Set(pids.values()).size, 4, "four worker processes");
});
