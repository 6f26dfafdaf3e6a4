// Ports of CPython's _test_multiprocessing.py _TestConnection (test_connection,
// test_duplex_false, test_spawn_close, test_sendbytes).
import assert from "node:assert/strict";
import { Connection, EOFError, Pipe } from "../../lib/multiprocessing/connection.ts";
import { Pool } from "../../lib/multiprocessing/pool.ts";
import { echo, sendNumbers } from "./fixtures/pipe_workers.ts";

const module = new URL("./fixtures/pipe_workers.ts", import.meta.url);

Deno.test("Pipe: send/recv, poll, bytes, duplex=false (_TestConnection)", () => {
  const [a, b] = Pipe();
  assert.ok(a instanceof Connection);
  assert.equal(a.poll(), false);
  const seq = [1, 2.25, null, "x", [1, 2], { k: "v" }];
  a.send(seq);
  assert.equal(b.poll(), true);
  assert.equal(b.poll(0.5), true);
  assert.deepEqual(b.recv(), seq);
  assert.equal(b.poll(0.01), false);

  // send_bytes / recv_bytes with offsets, sizes and maxlength.
  const msg = new TextEncoder().encode("abcdefghijklmnopqrstuvwxyz");
  b.sendBytes(msg);
  assert.deepEqual(a.recvBytes(), msg);
  b.sendBytes(msg, 5);
  assert.deepEqual(a.recvBytes(), msg.slice(5));
  b.sendBytes(msg, 7, 8);
  assert.deepEqual(a.recvBytes(), msg.slice(7, 15));
  b.sendBytes(msg, 26);
  assert.deepEqual(a.recvBytes(), new Uint8Array(0));
  assert.throws(() => b.sendBytes(msg, 27), RangeError);
  assert.throws(() => b.sendBytes(msg, 10, 30), RangeError);
  assert.throws(() => b.sendBytes(msg, -1), RangeError);
  b.sendBytes(msg);
  assert.throws(() => a.recvBytes(10), /bad message length/);
  assert.throws(() => a.send(() => 1), TypeError, "an unsendable message fails at send");

  const [reader, writer] = Pipe(false);
  assert.equal(reader.readable, true);
  assert.equal(reader.writable, false);
  assert.equal(writer.readable, false);
  assert.throws(() => reader.send(1), /read-only/);
  assert.throws(() => writer.recv(), /write-only/);
  writer.send("one way");
  assert.equal(reader.recv(), "one way");

  // EOF once the other end is closed and drained.
  writer.send("last");
  writer.close();
  assert.equal(writer.closed, true);
  assert.throws(() => writer.send(1), /handle is closed/);
  assert.equal(reader.poll(), true);
  assert.equal(reader.recv(), "last");
  assert.equal(reader.poll(), true, "poll is true at EOF");
  assert.throws(() => reader.recv(), EOFError);
  a.close();
  b.close();
});

Deno.test("Pipe ends travel to workers; EOF when the worker closes its copy", async () => {
  await using pool = new Pool(2, { module });
  const [parent, child] = Pipe();
  const echoed = pool.applyAsync(echo, [child]);
  child.close(); // The parent's copy; the worker holds its own.
  for (const m of ["a", 1, [2, 3]]) {
    await parent.sendAsync(m);
    assert.deepEqual(await parent.recvAsync(), m);
  }
  parent.send("stop");
  assert.equal(await echoed.get(), 3);
  await assert.rejects(parent.recvAsync(), EOFError);

  const [r, w] = Pipe(false);
  const sent = pool.applyAsync(sendNumbers, [w, 20]);
  w.close();
  const got: number[] = [];
  for (;;) {
    try {
      got.push(await r.recvAsync() as number);
    } catch (e) {
      assert.ok(e instanceof EOFError);
      break;
    }
  }
  await sent.get();
  assert.deepEqual(got, [...Array(20).keys()]);
  assert.equal(await r.pollAsync(0), true);
});
