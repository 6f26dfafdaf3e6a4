import assert from "node:assert/strict";
import { time } from "../../mod.ts";

Deno.test("time.sleep blocks for about the time asked; negative raises ValueError", () => {
  const t0 = performance.now();
  time.sleep(0.03);
  const ms = performance.now() - t0;
  assert.ok(ms >= 29, `slept ${ms} ms`);
  time.sleep(0);
  assert.throws(() => time.sleep(-1), {
    name: "ValueError",
    message: "sleep length must be non-negative",
  });
  assert.throws(() => time.sleep("1" as never), TypeError);
});

Deno.test("time.time, monotonic, perfCounter are seconds and move forward", () => {
  const wall = time.time();
  assert.ok(Math.abs(wall - Date.now() / 1000) < 5 || wall > 1e9);
  const a = time.monotonic();
  const p = time.perfCounter();
  time.sleep(0.01);
  assert.ok(time.monotonic() - a >= 0.009);
  assert.ok(time.perfCounter() - p >= 0.009);
});
