// Tasks created before any ContextVar was ever set share no context object:
// their (empty) context is made on first use. These tests run first in their
// module, so that path is the one taken; the behaviour must be Python's
// either way.

import assert from "node:assert/strict";
import { asyncio, contextvars } from "../../mod.ts";

Deno.test("a task created before the first set keeps an empty, private context", async () => {
  const v = new contextvars.ContextVar<string>("cow", { default: "default" });
  await asyncio.run(async () => {
    const seen: string[] = [];
    const gate = new asyncio.Event();
    const child = asyncio.createTask(async () => {
      await gate.wait();
      // The parent's later set is not visible: the context was taken at creation.
      seen.push(`child sees ${v.get()}`);
      v.set("child");
      seen.push(`child set ${v.get()}`);
    });
    const other = asyncio.createTask(async () => {
      await gate.wait();
      seen.push(`other sees ${v.get()}`);
    });
    await asyncio.sleep(0);
    v.set("parent");
    gate.set();
    await asyncio.gather(child, other);
    seen.push(`parent sees ${v.get()}`);
    assert.deepEqual(seen, [
      "child sees default",
      "child set child",
      "other sees default",
      "parent sees parent",
    ]);
    // Each task has its own Context object; the child's holds its own set.
    assert.notEqual(child.getContext(), other.getContext());
    assert.equal(child.getContext().get(v), "child");
    assert.equal(other.getContext().has(v), false);
    assert.equal(child.getContext(), child.getContext());
  });
});

Deno.test("a task's getContext() before it runs is the context it runs in", async () => {
  const v = new contextvars.ContextVar<number>("cow2");
  await asyncio.run(async () => {
    const task = asyncio.createTask(async () => {
      v.set(1);
      await asyncio.sleep(0);
      return v.get();
    });
    const ctx = task.getContext();
    assert.equal(await task, 1);
    assert.equal(ctx.get(v), 1);
    assert.equal(v.get(7), 7);
  });
});
