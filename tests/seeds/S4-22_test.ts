import assert from "node:assert/strict";
import { cpuCount } from "../../lib/_internal/runtime.ts";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S4-22 a process pool squares a million float64 in shared memory", async () => {
  const out = await runClean("S4-22");
  const cpus = cpuCount();
  const chunk = Math.floor(1_000_000 / cpus);
  const ranges = Array.from({ length: cpus }, (_, i) => {
    const start = i * chunk;
    return `(${start}, ${i < cpus - 1 ? start + chunk : 1_000_000})`;
  });
  assert.deepEqual(out, [`处理完成: [${ranges.join(", ")}]`, "结果示例: [4. 4. 4. 4. 4.]"]);
});
