import assert from "node:assert/strict";
import * as subprocess from "../../lib/subprocess/mod.ts";
import { jsCommand } from "./_helpers.ts";

// Prints a line at once, then sleeps (exec: the kill reaches the sleeper itself).
const SLEEPER = ["sh", "-c", "echo ready; exec sleep 20"];

Deno.test("Popen: wait(timeout) raises TimeoutExpired and leaves the child running", async () => {
  const p = new subprocess.Popen(SLEEPER, { stdout: subprocess.PIPE, text: true });
  assert.ok(p.pid > 0);
  assert.equal(p.poll(), null);
  assert.match(String(p), /^<Popen: returncode: None args: \[.*\]>$/);
  await assert.rejects(p.wait(0.2), subprocess.TimeoutExpired);
  assert.equal(p.poll(), null);
  assert.equal(await p.stdout!.readline(), "ready\n");
  p.kill();
  assert.equal(await p.wait(), -9);
  assert.equal(p.returncode, -9);
  assert.equal(p.poll(), -9);
  assert.match(String(p), /^<Popen: returncode: -9 args: /);
  p.kill(); // a second kill of a finished child does nothing
  assert.equal(await p.stdout!.read(), "");
});

Deno.test("Popen: terminate and sendSignal give negative return codes", async () => {
  const a = new subprocess.Popen(SLEEPER, { stdout: subprocess.PIPE });
  await a.stdout!.readline();
  a.terminate();
  assert.equal(await a.wait(), -15);
  const b = new subprocess.Popen(SLEEPER, { stdout: subprocess.PIPE });
  await b.stdout!.readline();
  b.sendSignal("SIGINT");
  assert.equal(await b.wait(), -2);
  assert.throws(() => b.sendSignal("SIGNOPE"), /not a known signal/);
});

Deno.test("Popen: communicate with a timeout can be resumed after kill()", async () => {
  const p = new subprocess.Popen<string>(SLEEPER, { stdout: subprocess.PIPE, text: true });
  await assert.rejects(p.communicate(null, 0.5), (e: unknown) => {
    assert.ok(e instanceof subprocess.TimeoutExpired);
    assert.equal(e.stdout, "ready\n");
    return true;
  });
  p.kill();
  const [out, err] = await p.communicate();
  assert.equal(out, "ready\n");
  assert.equal(err, null);
  assert.equal(p.returncode, -9);
  await assert.rejects(p.communicate("more"), /Cannot send input after starting communication/);
});

Deno.test("Popen: stdin and stdout pipes talk line by line", async () => {
  const p = new subprocess.Popen<string>(
    jsCommand(
      'let buf = ""; process.stdin.on("data", (d) => { buf += d; let i;' +
        ' while ((i = buf.indexOf("\\n")) >= 0) { process.stdout.write(buf.slice(0, i).toUpperCase() + "\\n");' +
        " buf = buf.slice(i + 1); } });",
    ),
    { stdin: subprocess.PIPE, stdout: subprocess.PIPE, text: true },
  );
  await p.stdin!.write("first\n");
  assert.equal(await p.stdout!.readline(), "FIRST\n");
  await p.stdin!.write("second\nthird\n");
  assert.equal(await p.stdout!.readline(), "SECOND\n");
  await p.stdin!.close();
  const rest: string[] = [];
  for await (const line of p.stdout!) rest.push(line);
  assert.deepEqual(rest, ["THIRD\n"]);
  assert.equal(await p.wait(), 0);
});

Deno.test("Popen: binary reads of a given size and await using", async () => {
  let seen: subprocess.Popen<Uint8Array> | undefined;
  {
    await using p = new subprocess.Popen<Uint8Array>(["printf", "abcdef"], {
      stdout: subprocess.PIPE,
    });
    seen = p;
    assert.deepEqual([...await p.stdout!.read(4)], [97, 98, 99, 100]);
    assert.deepEqual([...await p.stdout!.read(10)], [101, 102]);
    assert.equal((await p.stdout!.read()).length, 0);
  }
  assert.equal(seen.returncode, 0);
  await assert.rejects(seen.stdout!.read(), /I\/O operation on closed file/);
});

Deno.test("Popen: communicate sends input and collects both streams", async () => {
  const p = new subprocess.Popen(["sh", "-c", "cat; echo done >&2"], {
    stdin: subprocess.PIPE,
    stdout: subprocess.PIPE,
    stderr: subprocess.PIPE,
    text: true,
  });
  const [out, err] = await p.communicate({ input: "data" });
  assert.equal(out, "data");
  assert.equal(err, "done\n");
  assert.equal(p.returncode, 0);
});
