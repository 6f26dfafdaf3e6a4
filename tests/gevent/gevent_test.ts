import assert from "node:assert/strict";
import * as gevent from "../../lib/gevent/mod.ts";

Deno.test("gevent: three spawned greenlets interleave at every sleep (seed S1-03)", async () => {
  const out: string[] = [];
  const task = (name: string) => async () => {
    for (let i = 0; i < 5; i++) {
      out.push(`${name} + ${i}`);
      await gevent.sleep(0.005);
    }
  };
  const ga = gevent.spawn(task("A"));
  const gb = gevent.spawn(task("B"));
  const gc = gevent.spawn(task("C"));
  // spawn only schedules: nothing has run yet.
  assert.deepEqual(out, []);
  assert.equal(ga.started, true);
  assert.equal(ga.ready(), false);
  await ga.join();
  await gb.join();
  await gc.join();
  const expected: string[] = [];
  for (let i = 0; i < 5; i++) expected.push(`A + ${i}`, `B + ${i}`, `C + ${i}`);
  assert.deepEqual(out, expected);
  assert.ok(ga.successful() && gb.successful() && gc.successful());
});

Deno.test("gevent: value, exception, get and successful", async () => {
  const ok = gevent.spawn((a: number, b: number) => a + b, 2, 3);
  const bad = gevent.spawn(() => {
    throw new RangeError("bad input");
  });
  const done = await gevent.joinall([ok, bad]);
  assert.deepEqual(new Set(done), new Set([ok, bad]));
  assert.equal(ok.value, 5);
  assert.equal(ok.exception, null);
  assert.equal(await ok.get(), 5);
  assert.equal(bad.successful(), false);
  assert.ok(bad.exception instanceof RangeError);
  assert.equal(bad.value, null);
  await assert.rejects(bad.get(), RangeError);
  assert.match(
    String(ok),
    /^<Greenlet "Greenlet-\d+": \(2, 3\) \[dead\]>$|^<Greenlet "Greenlet-\d+": run\(2, 3\) \[dead\]>$/,
  );
});

Deno.test("gevent: join(timeout) returns, get(timeout) raises Timeout", async () => {
  const slow = gevent.spawn(() => gevent.sleep(10));
  await slow.join(0.01);
  assert.equal(slow.ready(), false);
  await assert.rejects(slow.get(true, 0.01), (e: unknown) => {
    assert.ok(e instanceof gevent.Timeout);
    assert.equal(e.message, "0.01 seconds");
    return true;
  });
  await assert.rejects(slow.get(false), gevent.Timeout);
  await slow.kill();
  assert.ok(slow.dead && slow.successful());
  assert.ok(slow.value instanceof gevent.GreenletExit);
});

Deno.test("gevent: kill raises inside the greenlet's wait; unstarted ones never run", async () => {
  const log: string[] = [];
  const g = gevent.spawn(async () => {
    try {
      await gevent.sleep(10);
      log.push("woke");
    } finally {
      log.push("cleanup");
    }
  });
  await gevent.sleep(0);
  await g.kill();
  assert.deepEqual(log, ["cleanup"]);
  assert.ok(g.signal.aborted);

  let ran = false;
  const never = gevent.spawn(() => {
    ran = true;
  });
  await never.kill(new TypeError("stop"));
  assert.equal(ran, false);
  assert.ok(never.exception instanceof TypeError);

  const later = gevent.spawnLater(10, () => "late");
  await later.kill();
  assert.ok(later.dead && later.value instanceof gevent.GreenletExit);

  const all = [gevent.spawn(() => gevent.sleep(10)), gevent.spawn(() => gevent.sleep(10))];
  await gevent.sleep(0);
  await gevent.killall(all);
  assert.ok(all.every((x) => x.dead));
});

Deno.test("gevent: joinall with raiseError raises the first failure; timeout stops early", async () => {
  const a = gevent.spawn(async () => {
    await gevent.sleep(0.01);
    throw new Error("first");
  });
  const b = gevent.spawn(() => gevent.sleep(0.03));
  await assert.rejects(gevent.joinall([a, b], { raiseError: true }), /first/);
  const slow = gevent.spawn(() => gevent.sleep(10));
  const quick = gevent.spawn(() => "q");
  const done = await gevent.joinall([slow, quick], { timeout: 0.02 });
  assert.deepEqual(done, [quick]);
  await gevent.killall([slow, b]);
});

Deno.test("gevent: spawnLater, iwait order, wait() for everything", async () => {
  const order: string[] = [];
  const late = gevent.spawnLater(0.02, () => order.push("late"));
  const soon = gevent.spawn(() => order.push("soon"));
  const seen: gevent.Greenlet<unknown>[] = [];
  for await (const g of gevent.iwait([late, soon])) seen.push(g);
  assert.deepEqual(seen, [soon, late]);
  assert.deepEqual(order, ["soon", "late"]);
  gevent.spawn(() => gevent.sleep(0.01));
  assert.equal(await gevent.wait(), true);
});

Deno.test("gevent: Timeout interrupts a wait; withTimeout returns timeoutValue", async () => {
  await assert.rejects(async () => {
    using _t = gevent.Timeout.startNew(0.01);
    await gevent.sleep(10);
  }, gevent.Timeout);
  const custom = new RangeError("too slow");
  await assert.rejects(async () => {
    using _t = gevent.Timeout.startNew(0.01, custom);
    await gevent.sleep(10);
  }, (e: unknown) => e === custom);
  assert.equal(
    await gevent.withTimeout(0.01, () => gevent.sleep(10), { timeoutValue: "late" }),
    "late",
  );
  assert.equal(await gevent.withTimeout(1, () => "quick"), "quick");
  // A timeout cancelled before it fires raises nothing later.
  {
    using _t = gevent.Timeout.startNew(0.01);
  }
  await gevent.sleep(0.02);
  // Inside a greenlet, the Timeout reaches that greenlet.
  const g = gevent.spawn(async () => {
    using _t = gevent.Timeout.startNew(0.01);
    await gevent.sleep(10);
  });
  await g.join();
  assert.ok(g.exception instanceof gevent.Timeout);
  assert.equal(String(new gevent.Timeout(1)), "<Timeout seconds=1 exception=None>");
  assert.equal(new gevent.Timeout(2, false).message, "2 seconds (silent)");
});

Deno.test("gevent: getcurrent is the running greenlet, null in the main program", async () => {
  assert.equal(gevent.getcurrent(), null);
  const g = gevent.spawn(async () => {
    await gevent.sleep(0);
    return gevent.getcurrent();
  });
  assert.equal(await g.get(), g);
});
