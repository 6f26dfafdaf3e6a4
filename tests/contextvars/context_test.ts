// deno-lint-ignore-file require-await -- coroutine functions stand for Python coroutines that need not await
// Translated from CPython Lib/test/test_context.py, plus asyncio's use of contexts.
import assert from "node:assert/strict";
import {
  Context,
  ContextVar,
  copyContext,
  LookupError,
  MISSING,
  Token,
} from "../../lib/contextvars/mod.ts";
import * as asyncio from "../../lib/asyncio/mod.ts";

Deno.test("ContextVar: name, repr, bad name", () => {
  const c = new ContextVar<number>("a");
  assert.equal(c.name, "a");
  assert.equal(String(c), "<ContextVar name='a'>");
  assert.equal(String(new ContextVar("b", { default: 1 })), "<ContextVar name='b' default=1>");
  assert.throws(() => new ContextVar(1 as never), TypeError);
});

Deno.test("ContextVar.get: value, default argument, variable default, LookupError", () => {
  const a = new ContextVar<number>("a");
  assert.throws(() => a.get(), LookupError);
  assert.equal(a.get(10), 10);
  const b = new ContextVar<number>("b", { default: 5 });
  assert.equal(b.get(), 5);
  assert.equal(b.get(7), 7);
  const ctx = new Context();
  ctx.run(() => {
    a.set(1);
    assert.equal(a.get(), 1);
    assert.equal(a.get(10), 1);
  });
  assert.throws(() => a.get(), LookupError);
});

Deno.test("Context: new is empty; mapping methods", () => {
  const ctx = new Context();
  assert.equal(ctx.size, 0);
  assert.deepEqual(ctx.keys(), []);
  const a = new ContextVar<number>("a");
  const b = new ContextVar<string>("b");
  ctx.run(() => {
    a.set(1);
    b.set("x");
  });
  assert.equal(ctx.size, 2);
  assert.equal(ctx.has(a), true);
  assert.equal(ctx.get(a), 1);
  assert.equal(ctx.getItem(b), "x");
  assert.deepEqual(ctx.keys(), [a, b]);
  assert.deepEqual(ctx.values(), [1, "x"]);
  assert.deepEqual(ctx.items(), [[a, 1], [b, "x"]]);
  assert.deepEqual([...ctx], [a, b]);
  const c = new ContextVar<number>("c");
  assert.equal(ctx.get(c), undefined);
  assert.equal(ctx.get(c, 3), 3);
  assert.throws(() => ctx.getItem(c), LookupError);
  assert.equal(String(ctx), "<Context [2 vars]>");
});

Deno.test("Context.run: returns the result, passes arguments, propagates errors", () => {
  const ctx = new Context();
  assert.equal(ctx.run((x: number, y: number) => x + y, 1, 2), 3);
  const v = new ContextVar<number>("v", { default: 0 });
  assert.throws(() =>
    ctx.run(() => {
      v.set(5);
      throw new RangeError("inside");
    }), RangeError);
  assert.equal(ctx.get(v), 5);
  assert.equal(v.get(), 0);
  assert.throws(() => ctx.run("x" as never), TypeError);
});

Deno.test("Context.run: nested contexts; re-entering the same one raises", () => {
  const v = new ContextVar<string>("v", { default: "root" });
  const ctx1 = new Context();
  const ctx2 = new Context();
  ctx1.run(() => {
    v.set("one");
    ctx2.run(() => {
      assert.equal(v.get(), "root");
      v.set("two");
    });
    assert.equal(v.get(), "one");
    assert.throws(() => ctx1.run(() => {}), /is already entered/);
  });
  assert.equal(ctx1.get(v), "one");
  assert.equal(ctx2.get(v), "two");
  assert.equal(v.get(), "root");
});

Deno.test("Context.copy and copyContext are independent snapshots", () => {
  const v = new ContextVar<number>("v", { default: 0 });
  const ctx = new Context();
  ctx.run(() => v.set(1));
  const copy = ctx.copy();
  copy.run(() => v.set(2));
  assert.equal(ctx.get(v), 1);
  assert.equal(copy.get(v), 2);
  ctx.run(() => {
    const snapshot = copyContext();
    v.set(3);
    assert.equal(snapshot.get(v), 1);
  });
});

Deno.test("Token: var, oldValue, MISSING; reset restores", () => {
  const v = new ContextVar<number>("v");
  const ctx = new Context();
  ctx.run(() => {
    const t1 = v.set(1);
    assert.equal(t1.var, v);
    assert.equal(t1.oldValue, MISSING);
    assert.equal(Token.MISSING, MISSING);
    const t2 = v.set(2);
    assert.equal(t2.oldValue, 1);
    v.reset(t2);
    assert.equal(v.get(), 1);
    v.reset(t1);
    assert.throws(() => v.get(), LookupError);
    assert.equal(ctx.has(v), false);
  });
});

Deno.test("reset: used token, other variable, other context", () => {
  const v = new ContextVar<number>("v");
  const w = new ContextVar<number>("w");
  const ctx = new Context();
  ctx.run(() => {
    const t = v.set(1);
    v.reset(t);
    assert.throws(() => v.reset(t), /has already been used once/);
    const tw = w.set(1);
    assert.throws(() => v.reset(tw as never), RangeError);
  });
  let outer: Token<number> | undefined;
  ctx.run(() => (outer = v.set(2)));
  new Context().run(() => {
    assert.throws(() => v.reset(outer!), /created in a different Context/);
  });
  assert.throws(() => v.reset({} as never), TypeError);
});

Deno.test("Token is disposable: using resets", () => {
  const v = new ContextVar<string>("v", { default: "a" });
  new Context().run(() => {
    {
      using _ = v.set("b");
      assert.equal(v.get(), "b");
    }
    assert.equal(v.get(), "a");
  });
});

Deno.test("async: the context follows await inside Context.run", async () => {
  const v = new ContextVar<string>("v", { default: "none" });
  const ctx = new Context();
  const seen = await ctx.run(async () => {
    v.set("in ctx");
    await new Promise((r) => setTimeout(r, 1));
    await Promise.resolve();
    return v.get();
  });
  assert.equal(seen, "in ctx");
  assert.equal(v.get(), "none");
});

Deno.test("asyncio: each task runs in a copy; its sets are invisible to the parent", async () => {
  const v = new ContextVar<string>("v", { default: "unset" });
  await asyncio.run(async () => {
    v.set("parent");
    const child = asyncio.createTask(async () => {
      const before = v.get();
      v.set("child");
      await asyncio.sleep(0);
      return [before, v.get()];
    });
    v.set("parent changed after create");
    assert.deepEqual(await child, ["parent", "child"]);
    assert.equal(v.get(), "parent changed after create");
    const ctx = child.getContext();
    assert.equal(ctx.get(v), "child");
  });
  assert.equal(v.get(), "unset");
});

Deno.test("asyncio: a task can run in a given context", async () => {
  const v = new ContextVar<number>("v", { default: 0 });
  const ctx = new Context();
  ctx.run(() => v.set(7));
  await asyncio.run(async () => {
    const t = asyncio.createTask(async () => {
      v.set(v.get() + 1);
      return v.get();
    }, { context: ctx });
    assert.equal(await t, 8);
    assert.equal(t.getContext(), ctx);
    assert.equal(ctx.get(v), 8);
    assert.equal(v.get(), 0);
  });
});

Deno.test("asyncio: concurrent tasks keep their own values across awaits", async () => {
  const requestId = new ContextVar<number>("request_id");
  const results = await asyncio.run(() =>
    asyncio.gather(
      ...[1, 2, 3].map((id) => async () => {
        requestId.set(id);
        await asyncio.sleep(0.001 * (4 - id));
        await asyncio.sleep(0);
        return requestId.get();
      }),
    )
  );
  assert.deepEqual(results, [1, 2, 3]);
});

Deno.test("asyncio: callSoon callbacks run in a copy of the caller's context", async () => {
  const v = new ContextVar<string>("v", { default: "none" });
  await asyncio.run(async () => {
    v.set("main");
    const got = asyncio.getRunningLoop().createFuture<string>();
    asyncio.getRunningLoop().callSoon(() => {
      got.setResult(v.get());
      v.set("changed in callback");
    });
    assert.equal(await got, "main");
    assert.equal(v.get(), "main");
  });
});
