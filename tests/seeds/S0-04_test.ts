import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S0-04 Pool(4): five tasks, the fifth in a worker that finished one", async () => {
  const out = await runClean("S0-04", { timeScale: 0.1 });
  assert.match(out[0], /^Parent Process \(\d+\) start\.\.\.$/);
  assert.equal(out[1], "Waiting for all subprocesses done...");
  assert.equal(out.at(-1), "All subprocesses done.");
  const pids = new Map<number, number>();
  const done = new Map<number, number>();
  out.slice(2, -1).forEach((line, index) => {
    let m = /^Run child process (\d) \((\d+)\)\.\.\.$/.exec(line);
    if (m) return void pids.set(Number(m[1]), Number(m[2]));
    m = /^child process (\d) \((\d+)\) done$/.exec(line);
    assert.ok(m, `unexpected line ${line}`);
    assert.equal(pids.get(Number(m[1])), Number(m[2]), "done in the same worker");
    done.set(Number(m[1]), index);
  });
  assert.deepEqual([...pids.keys()].sort(), [0, 1, 2, 3, 4]);
  assert.equal(done.size, 5);
  assert.equal(new Set([0, 1, 2, 3].map((i) => pids.get(i))).size, 4, "four workers");
  assert.ok([0, 1, 2, 3].map((i) => pids.get(i)).includes(pids.get(4)), "task 4 reuses a worker");
  assert.notEqual(pids.get(0), Number(/\((\d+)\)/.exec(out[0])![1]), "children are not the parent");
});
