import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-05 ProcessPoolExecutor(max_workers=2): four tasks on two workers", async () => {
  const out = await runClean("S0-05", { timeScale: 0.1 });
  assert.match(out[0], /^Parent Process \(\d+\) start\.\.\.$/);
  assert.equal(out.at(-1), "All subprocesses done.", "the with-block waits for every task");
  const pids = new Map<number, number>();
  let finished = 0;
  for (const line of out.slice(1, -1)) {
    let m = /^Run child process (\d) \((\d+)\)\.\.\.$/.exec(line);
    if (m) {
      pids.set(Number(m[1]), Number(m[2]));
      continue;
    }
    m = /^child process (\d) \((\d+)\) done$/.exec(line);
    assert.ok(m, `unexpected line ${line}`);
    assert.equal(pids.get(Number(m[1])), Number(m[2]));
    finished++;
  }
  assert.equal(finished, 4);
  assert.deepEqual([...pids.keys()].sort(), [0, 1, 2, 3]);
  assert.ok(new Set(pids.values()).size <= 2, "at most two worker processes");
});
