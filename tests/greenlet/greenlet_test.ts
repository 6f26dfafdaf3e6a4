import assert from "node:assert/strict";
import { getcurrent, greenlet, GreenletExit } from "../../lib/greenlet/mod.ts";

Deno.test("greenlet: the seed's A → B → C → A ring prints in Python's order", async () => {
  const out: string[] = [];
  const ring = (name: string, next: () => greenlet) => async () => {
    for (let i = 0; i < 5; i++) {
      out.push(`${name} + ${i}`);
      await next().switch();
    }
  };
  const ga: greenlet = new greenlet(ring("A", () => gb));
  const gb: greenlet = new greenlet(ring("B", () => gc));
  const gc: greenlet = new greenlet(ring("C", () => ga));
  await ga.switch();
  const expected: string[] = [];
  for (let i = 0; i < 5; i++) expected.push(`A + ${i}`, `B + ${i}`, `C + ${i}`);
  assert.deepEqual(out, expected);
  // A returned to main; B and C stay suspended, as in Python.
  assert.equal(ga.dead, true);
  assert.equal(gb.dead, false);
  assert.equal(String(gb), "<greenlet [suspended]>");
  assert.equal(String(ga), "<greenlet [dead]>");
  assert.equal(String(getcurrent()), "<greenlet [main]>");
  async function named() {}
  assert.equal(String(new greenlet(named)), "<greenlet named [unstarted]>");
});

Deno.test("greenlet: values travel both ways through switch()", async () => {
  const main = getcurrent();
  const log: unknown[] = [];
  const g = new greenlet(async (a: number, b: number) => {
    log.push(["started", a, b]);
    const x = await main.switch(a + b);
    log.push(["got", x]);
    const y = await main.switch();
    log.push(["got", y]);
    return "done";
  });
  assert.equal(g.started, false);
  assert.equal(await g.switch(1, 2), 3);
  assert.equal(g.active, true);
  assert.deepEqual(await g.switch("x"), []);
  assert.equal(await g.switch("p", "q"), "done");
  assert.deepEqual(log, [["started", 1, 2], ["got", "x"], ["got", ["p", "q"]]]);
  assert.equal(g.dead, true);
  // Switching to a dead greenlet goes to its parent: here, straight back.
  assert.equal(await g.switch(42), 42);
});

Deno.test("greenlet: an error in run is raised in the parent", async () => {
  const g = new greenlet(() => {
    throw new RangeError("boom");
  });
  await assert.rejects(g.switch(), RangeError);
  assert.equal(g.dead, true);
});

Deno.test("greenlet: throw() ends a greenlet; GreenletExit becomes the return value", async () => {
  const seen: string[] = [];
  const g = new greenlet(async () => {
    try {
      await getcurrent().parent!.switch("paused");
    } finally {
      seen.push("finally ran");
    }
  });
  assert.equal(await g.switch(), "paused");
  const result = await g.throw();
  assert.ok(result instanceof GreenletExit);
  assert.deepEqual(seen, ["finally ran"]);
  assert.equal(g.dead, true);

  const h = new greenlet(async () => {
    try {
      await getcurrent().parent!.switch();
    } catch (e) {
      return `caught ${(e as Error).message}`;
    }
    return "not thrown";
  });
  await h.switch();
  assert.equal(await h.throw(new Error("stop")), "caught stop");

  const unstarted = new greenlet(() => "never");
  await assert.rejects(unstarted.throw(new TypeError("early")), TypeError);
  assert.equal(unstarted.dead, true);
});

Deno.test("greenlet: the result goes to the parent, not to the switcher", async () => {
  const order: string[] = [];
  const parent = new greenlet((v: unknown) => {
    order.push(`parent got ${v}`);
    return "parent done";
  });
  const child = new greenlet(() => "child result", parent);
  assert.equal(child.parent, parent);
  assert.equal(await child.switch(), "parent done");
  assert.deepEqual(order, ["parent got child result"]);
  assert.throws(() => {
    parent.parent = child;
  }, /cyclic parent chain/);
  assert.throws(() => new greenlet(42 as never), /'run' must be a function/);
});

Deno.test("greenlet: a subclass may override run", async () => {
  class Doubler extends greenlet {
    override run(x: unknown) {
      return (x as number) * 2;
    }
  }
  assert.equal(await new Doubler().switch(21), 42);
  await assert.rejects(new greenlet().switch(), /no run function/);
});

Deno.test("greenlet: getcurrent inside run; switching to oneself returns at once", async () => {
  const main = getcurrent();
  let seen: greenlet | undefined;
  let release!: () => void;
  const busy = new greenlet(async () => {
    seen = getcurrent();
    // Awaiting something that is not a switch: the greenlet is running, not suspended.
    await new Promise<void>((resolve) => release = resolve);
    return "finished";
  });
  const result = busy.switch();
  assert.equal(seen, busy);
  assert.equal(String(busy), "<greenlet [current]>");
  // Until busy ends, busy is the current greenlet: a switch to it is a
  // switch to oneself and returns its arguments at once.
  assert.deepEqual(await busy.switch("self"), "self");
  release();
  assert.equal(await result, "finished");
  assert.equal(getcurrent(), main);
  assert.equal(busy.dead, true);
});
