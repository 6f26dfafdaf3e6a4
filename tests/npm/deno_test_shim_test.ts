// The Deno.test forms the test suite uses. On Deno these run on Deno's own
// runner; in the npm build they run on Node through scripts/_build/
// deno_test_shim.ts (@deno/shim-deno-test + node:test), and must behave the same.
import assert from "node:assert/strict";

const order: string[] = [];

Deno.test("name and function form runs", () => {
  order.push("plain");
  assert.deepEqual(order, ["plain"]);
});

Deno.test(function namedFunctionForm() {
  order.push("named");
  assert.deepEqual(order, ["plain", "named"]);
});

Deno.test({
  name: "options form with sanitizer options",
  sanitizeOps: true,
  sanitizeResources: true,
  sanitizeExit: true,
  async fn() {
    await new Promise((resolve) => setTimeout(resolve, 1));
    order.push("options");
    assert.deepEqual(order, ["plain", "named", "options"]);
  },
});

Deno.test("name, options, function form", { permissions: {} }, () => {
  order.push("name+options");
  assert.equal(order.length, 4);
});

Deno.test({
  name: "an ignored test does not run",
  ignore: true,
  fn() {
    order.push("ignored");
    throw new Error("an ignored test ran");
  },
});

Deno.test("t.step runs steps in order, nests, and returns whether each passed", async (t) => {
  assert.equal(t.name, "t.step runs steps in order, nests, and returns whether each passed");
  const steps: string[] = [];
  const first = await t.step("first", () => {
    steps.push("first");
  });
  const second = await t.step({
    name: "second",
    async fn(inner) {
      steps.push("second");
      await inner.step("nested", () => {
        steps.push("nested");
      });
    },
  });
  const skipped = await t.step({
    name: "ignored step",
    ignore: true,
    fn() {
      steps.push("ignored");
    },
  });
  const third = await t.step(async function third() {
    await Promise.resolve();
    steps.push("third");
  });
  assert.deepEqual(steps, ["first", "second", "nested", "third"]);
  assert.deepEqual([first, second, skipped, third], [true, true, false, true]);
  assert.ok(!order.includes("ignored"));
});
