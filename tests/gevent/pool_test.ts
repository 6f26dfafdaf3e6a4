import assert from "node:assert/strict";
import * as gevent from "../../lib/gevent/mod.ts";

Deno.test("Pool(size) never runs more than size greenlets; map keeps item order", async () => {
  const pool = new gevent.pool.Pool(2);
  let running = 0;
  let most = 0;
  const results = await pool.map(async (n: number) => {
    most = Math.max(most, ++running);
    await gevent.sleep(0.001 * (6 - n));
    running--;
    return n * 10;
  }, [1, 2, 3, 4, 5]);
  assert.deepEqual(results, [10, 20, 30, 40, 50]);
  assert.equal(most, 2);
  assert.equal(pool.length, 0);
  assert.equal(pool.freeCount(), 2);
});

Deno.test("Pool.spawn queues past size; waitAvailable and join", async () => {
  const pool = new gevent.pool.Pool(1);
  const order: string[] = [];
  const a = pool.spawn(async () => {
    order.push("a start");
    await gevent.sleep(0.01);
    order.push("a end");
  });
  const b = pool.spawn(() => {
    order.push("b");
  });
  assert.equal(a.started, true);
  assert.equal(b.started, false);
  assert.equal(pool.full(), true);
  assert.match(String(pool), /^<Pool \[1\/1 running, 2 greenlets\]>$/);
  assert.equal(await pool.join(), true);
  assert.deepEqual(order, ["a start", "a end", "b"]);
  assert.equal(await pool.waitAvailable(), 1);
  const stuck = pool.spawn(() => gevent.sleep(10));
  await assert.rejects(pool.waitAvailable(0.01), gevent.Timeout);
  assert.equal(await pool.join(0.01), false);
  await pool.kill();
  assert.ok(stuck.dead);
  assert.throws(() => new gevent.pool.Pool(0), /'size' must be an integer of at least 1/);
});

Deno.test("Group: imap in order, imapUnordered as finished, apply, raiseError", async () => {
  const group = new gevent.pool.Group();
  const delays = [0.09, 0.03, 0.06];
  const ordered: number[] = [];
  for await (
    const v of group.imap(async (d: number) => {
      await gevent.sleep(d);
      return d;
    }, delays)
  ) ordered.push(v);
  assert.deepEqual(ordered, delays);
  const unordered: number[] = [];
  for await (
    const v of group.imapUnordered(async (d: number) => {
      await gevent.sleep(d);
      return d;
    }, delays)
  ) unordered.push(v);
  assert.deepEqual(unordered, [0.03, 0.06, 0.09]);
  assert.equal(await group.apply((a: number, b: number) => a * b, [6, 7]), 42);
  const got: number[] = [];
  const g = group.applyAsync((x: number) => x + 1, [1], (r) => got.push(r));
  await g.join();
  await gevent.sleep(0);
  assert.deepEqual(got, [2]);
  group.spawn(() => {
    throw new Error("member failed");
  });
  await assert.rejects(group.join(null, true), /member failed/);
  await assert.rejects(
    group.map((x: number) => {
      if (x === 2) throw new RangeError("two");
      return x;
    }, [1, 2, 3]),
    RangeError,
  );
  await group.join();
});
