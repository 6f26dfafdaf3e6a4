import assert from "node:assert/strict";
import { assertBefore, runClean } from "./_asyncio_checks.ts";

Deno.test("S4-21 CPU tasks in a process pool and I/O tasks under one gather", async () => {
  const out = await runClean("S4-21", { timeScale: 0.05 });
  const primes: Record<number, number> = { 1000: 7919, 2000: 17389, 3000: 27449, 4000: 37813 };
  for (const n of [1000, 2000, 3000, 4000]) {
    const begin = `计算第 ${n} 个素数`;
    const end = out.find((l) => l.startsWith(`第 ${n} 个素数是 ${primes[n]},耗时 `));
    assert.ok(end, `no result line for ${n}`);
    assert.match(end, /耗时 \d+\.\d\d 秒$/);
    assertBefore(out, begin, end);
  }
  for (const n of [1, 2, 3, 4]) assertBefore(out, `I/O任务 ${n} 开始`, `I/O任务 ${n} 完成`);
  assert.equal(
    out.at(-1),
    "所有结果: [7919, 17389, 27449, 37813, 'I/O结果 1', 'I/O结果 2', 'I/O结果 3', 'I/O结果 4']",
  );
  assert.equal(out.length, 17);
});
