// Ports of _test_multiprocessing.py's _TestSharedMemory cases.
import assert from "node:assert/strict";
import { multiprocessing } from "../../mod.ts";
import * as targets from "../threading/fixtures/targets.ts";

const { ShareableList, SharedMemory } = multiprocessing.sharedMemory;

Deno.test("SharedMemory: create, attach by name, close, unlink", () => {
  const shm = new SharedMemory("test_shm_basic", true, 512);
  assert.equal(shm.name, "test_shm_basic");
  assert.equal(shm.size, 512);
  assert.equal(shm.buf.length, 512);
  assert.ok(shm.buf.every((b) => b === 0), "a new block is zero-filled");
  shm.buf.set([1, 2, 3]);
  const also = new SharedMemory("test_shm_basic");
  assert.deepEqual([...also.buf.subarray(0, 3)], [1, 2, 3]);
  assert.equal(also.size, 512);
  assert.throws(() => new SharedMemory("test_shm_basic", true, 8), {
    name: "FileExistsError",
    message: "[Errno 17] File exists: '/test_shm_basic'",
  });
  also.close();
  assert.throws(() => also.buf, { name: "ValueError" });
  shm.unlink();
  assert.throws(() => new SharedMemory("test_shm_basic"), { name: "FileNotFoundError" });
  assert.throws(() => shm.unlink(), { name: "FileNotFoundError" });
  assert.equal(shm.buf[0], 1, "a view stays valid after unlink");
  shm.close();
});

Deno.test("SharedMemory: argument checks and random names", () => {
  assert.throws(() => new SharedMemory(null, true, 0), { name: "ValueError" });
  assert.throws(() => new SharedMemory(null, true, -1), { name: "ValueError" });
  assert.throws(() => new SharedMemory(), { name: "ValueError" });
  using a = new SharedMemory({ create: true, size: 16 });
  assert.match(a.name, /^psm_[0-9a-f]{8}$/);
  assert.match(String(a), /^SharedMemory\('psm_[0-9a-f]{8}', size=16\)$/);
  const f = new Float64Array(a.buf.buffer, a.buf.byteOffset, 2);
  f[1] = 2.5;
  assert.equal(new SharedMemory(a.name).buf[15], 0x40);
  a.unlink();
});

Deno.test("ShareableList: values, replacement, room, count/index, attach", () => {
  const sl = new ShareableList([1, 2.5, "howdy", null, true, 7n, new Uint8Array([1, 2])]);
  assert.equal(sl.length, 7);
  assert.deepEqual([...sl].slice(0, 6), [1, 2.5, "howdy", null, true, 7n]);
  assert.deepEqual([...(sl[6] as Uint8Array)], [1, 2]);
  sl[2] = "hi";
  assert.equal(sl[2], "hi");
  assert.throws(() => (sl[2] = "much longer than before"), { name: "ValueError" });
  sl[0] = "ok";
  assert.equal(sl[0], "ok");
  assert.equal(sl.count(null), 1);
  assert.equal(sl.index(true), 4);
  assert.throws(() => sl.index(false), { name: "ValueError" });
  assert.throws(() => sl[7], RangeError);
  assert.equal(sl[-1 as number] instanceof Uint8Array, true);
  const other = new ShareableList(null, { name: sl.shm.name });
  assert.equal(other[2], "hi");
  assert.match(sl.format, /^4sd12sx\?q4s$/);
  assert.match(String(other), /^ShareableList\(\['ok', 2\.5, 'hi', None, True, 7, /);
  assert.throws(() => new ShareableList([{}] as never), TypeError);
  sl.shm.unlink();
});

Deno.test("SharedMemory: a worker attaches by name and another receives it as an argument", async () => {
  const sl = new ShareableList([".".repeat(40), 0, 0, ".".repeat(40), ".".repeat(40), false, 0]);
  const p = new multiprocessing.Process({
    target: targets.whoAmI,
    args: [sl],
    module: targets.here,
  });
  p.start();
  await p.join();
  assert.equal(sl[0], "MainThread");
  const byName = new multiprocessing.Process({
    target: targets.recordArgs,
    args: [new ShareableList(null, { name: sl.shm.name }), 5, "y"],
    module: targets.here,
  });
  byName.start();
  await byName.join();
  assert.deepEqual([sl[0], sl[1], sl[2]], [5, "y", null]);
  sl.shm.unlink();
});
