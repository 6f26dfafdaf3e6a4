import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S2-16 a thread-pool crawler: every image printed and downloaded once", async () => {
  const out = await runClean("S2-16", { timeScale: 0.05 });
  const images = out.slice(0, -2);
  const expected = [1, 2, 3, 4].flatMap((p) =>
    [1, 2, 3].map((i) => `/uploads/allimg/p${p}_${i}.jpg`)
  );
  assert.deepEqual([...images].sort(), expected.sort());
  for (const p of [1, 2, 3, 4]) {
    const ofPage = images.filter((l) => l.includes(`/p${p}_`));
    assert.deepEqual(ofPage, [1, 2, 3].map((i) => `/uploads/allimg/p${p}_${i}.jpg`), "page order");
  }
  assert.equal(out.at(-2), "下载 12 张图片");
  assert.match(out.at(-1)!, /^总耗时 \d+\.\d\d 秒$/);
});
