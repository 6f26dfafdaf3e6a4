// Ports of _test_multiprocessing.py's Value/Array tests (_TestValue, _TestArray).
import assert from "node:assert/strict";
import { multiprocessing, threading } from "../../mod.ts";
import * as targets from "../threading/fixtures/targets.ts";

const { Array: SharedArrayOf, RawArray, RawValue, Value } = multiprocessing;

Deno.test("Value: typecodes, default zero, wrap-around, repr", () => {
  const cases: [multiprocessing.Typecode, unknown, unknown][] = [
    ["i", 1 << 20, 1 << 20],
    ["d", 1.25, 1.25],
    ["h", -5, -5],
    ["c", "x", "x"],
    ["u", "é", "é"],
    ["?", true, true],
    ["q", 2n ** 40n, 2n ** 40n],
    ["l", 5, 5n],
  ];
  for (const [code, value, expected] of cases) {
    const v = Value(code, value as never);
    assert.deepEqual(v.value, expected, code);
    const raw = RawValue(code, value as never);
    assert.deepEqual(raw.value, expected, code);
  }
  assert.equal(Value("i").value, 0);
  assert.equal(Value("d").value, 0);
  const b = RawValue("B", 255);
  b.value = 256;
  assert.equal(b.value, 0, "stored with the typecode's width");
  assert.equal(String(Value("i", 3)), "<Synchronized wrapper for c_int(3)>");
  assert.equal(String(RawValue("d", 1.5)), "c_double(1.5)");
  assert.throws(() => Value("z" as never), { name: "TypeError", message: /unknown typecode "z"/ });
  assert.throws(() => RawValue("c", "ab"), TypeError);
  assert.throws(() => RawValue("q", 1.5 as never), TypeError);
});

Deno.test("Value: lock option and getLock/getObj", () => {
  const v = Value("i", 1);
  assert.ok(v.getLock() instanceof threading.RLock);
  assert.equal(v.getObj().value, 1);
  const lock = new threading.Lock();
  const w = Value("i", 2, { lock });
  assert.equal(w.getLock(), lock);
  {
    using _ = w.acquire();
    assert.ok(lock.locked());
  }
  const raw = Value("i", 3, { lock: false });
  assert.ok(raw instanceof multiprocessing.SharedValue);
  assert.equal("getLock" in raw, false);
  assert.throws(() => Value("i", 0, { lock: "yes" as never }), TypeError);
});

Deno.test("Array: size or values, indexing, slice, iteration, repr", () => {
  const a = SharedArrayOf("i", [1, 2, 3]);
  assert.equal(a.length, 3);
  assert.equal(a[0], 1);
  a[2] = 30;
  assert.equal(a[-1 as number], 30);
  assert.deepEqual(a.slice(), [1, 2, 30]);
  assert.deepEqual([...a], [1, 2, 30]);
  assert.deepEqual(a.slice(1), [2, 30]);
  assert.throws(() => a[5], RangeError);
  assert.equal(String(a), "<SynchronizedArray wrapper for c_int_Array_3([1, 2, 30])>");
  const z = RawArray("d", 4);
  assert.deepEqual(z.slice(), [0, 0, 0, 0]);
  assert.ok(z.view instanceof Float64Array && z.view.buffer instanceof SharedArrayBuffer);
  const chars = RawArray("c", "abc");
  assert.deepEqual(chars.slice(), ["a", "b", "c"]);
  assert.ok(0 in a && !(3 in a));
  assert.throws(() => SharedArrayOf("i", -1), { name: "ValueError" });
  assert.throws(() => SharedArrayOf("i", {} as never), TypeError);
  const raw = SharedArrayOf("i", 2, { lock: false });
  assert.ok(raw instanceof multiprocessing.SharedArray);
});

Deno.test("Value and Array are shared with workers (a process increments them)", async () => {
  const counter = SharedArrayOf("i", 1);
  const procs = [1, 2].map(() =>
    new multiprocessing.Process({
      target: targets.increment,
      args: [counter.getLock(), counter.getObj(), 500],
      module: targets.here,
    })
  );
  for (const p of procs) p.start();
  for (const p of procs) await p.join();
  assert.equal(counter[0], 1000);
  const woken = Value("i", 0);
  const evt = new multiprocessing.Event();
  evt.set();
  const p = new multiprocessing.Process({
    target: targets.waitEvent,
    args: [evt, woken],
    module: targets.here,
  });
  p.start();
  await p.join();
  assert.equal(woken.value, 1);
});
