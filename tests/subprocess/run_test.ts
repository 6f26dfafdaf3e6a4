import assert from "node:assert/strict";
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import * as subprocess from "../../lib/subprocess/mod.ts";
import { FileNotFoundError, OSError, PermissionError } from "../../lib/exceptions.ts";
import { getEnv } from "../../lib/_internal/runtime.ts";
import { jsCommand } from "./_helpers.ts";

Deno.test("run captures text output, stderr and the exit status", async () => {
  const r = await subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], {
    captureOutput: true,
    text: true,
  });
  assert.equal(r.returncode, 3);
  assert.equal(r.stdout, "out\n");
  assert.equal(r.stderr, "err\n");
  assert.deepEqual(r.args, ["sh", "-c", "echo out; echo err >&2; exit 3"]);
  assert.equal(
    String(r),
    "CompletedProcess(args=['sh', '-c', 'echo out; echo err >&2; exit 3'], returncode=3, " +
      "stdout='out\\n', stderr='err\\n')",
  );
  assert.throws(() => r.checkReturncode(), subprocess.CalledProcessError);
});

Deno.test("run without text gives bytes; uncaptured streams are null", async () => {
  const r = await subprocess.run(["printf", "a\\001b"], { stdout: subprocess.PIPE });
  assert.ok(r.stdout instanceof Uint8Array);
  assert.deepEqual([...r.stdout!], [0x61, 0x01, 0x62]);
  assert.equal(r.stderr, null);
  assert.equal(
    String(r),
    "CompletedProcess(args=['printf', 'a\\\\001b'], returncode=0, stdout=b'a\\x01b')",
  );
});

Deno.test("text mode translates \\r\\n and \\r to \\n, as universal newlines", async () => {
  const out = await subprocess.checkOutput(["printf", "a\\r\\nb\\rc\\n"], { text: true });
  assert.equal(out, "a\nb\nc\n");
});

Deno.test("check: a non-zero exit raises CalledProcessError with the output", async () => {
  await assert.rejects(
    subprocess.run(["sh", "-c", "echo partial; exit 7"], { check: true, stdout: subprocess.PIPE }),
    (e: unknown) => {
      assert.ok(e instanceof subprocess.CalledProcessError);
      assert.ok(e instanceof subprocess.SubprocessError);
      assert.equal(e.returncode, 7);
      assert.deepEqual(e.output, new TextEncoder().encode("partial\n"));
      assert.equal(
        e.message,
        "Command '['sh', '-c', 'echo partial; exit 7']' returned non-zero exit status 7.",
      );
      return true;
    },
  );
  assert.equal(await subprocess.call(["sh", "-c", "exit 5"]), 5);
  assert.equal(await subprocess.checkCall(["true"]), 0);
  await assert.rejects(subprocess.checkCall(["false"]), (e: unknown) => {
    assert.ok(e instanceof subprocess.CalledProcessError);
    assert.equal(e.returncode, 1);
    assert.equal(e.stdout, null);
    return true;
  });
  await assert.rejects(
    subprocess.checkOutput(["sh", "-c", "echo so-far; exit 2"], { text: true }),
    (e: unknown) => e instanceof subprocess.CalledProcessError && e.stdout === "so-far\n",
  );
});

Deno.test("timeout kills the child and raises TimeoutExpired with output so far", async () => {
  const started = performance.now();
  await assert.rejects(
    subprocess.run(["sh", "-c", "echo begun; exec sleep 20"], {
      timeout: 0.5,
      captureOutput: true,
      text: true,
    }),
    (e: unknown) => {
      assert.ok(e instanceof subprocess.TimeoutExpired);
      assert.equal(e.timeout, 0.5);
      assert.equal(e.stdout, "begun\n");
      assert.equal(
        e.message,
        "Command '['sh', '-c', 'echo begun; exec sleep 20']' timed out after 0.5 seconds",
      );
      return true;
    },
  );
  // The child was killed, not waited for: far less than its 20 s.
  assert.ok((performance.now() - started) / 1000 < 15);
  await assert.rejects(
    subprocess.call(jsCommand("setTimeout(() => {}, 20000)"), { timeout: 0.5 }),
    subprocess.TimeoutExpired,
  );
});

Deno.test("several megabytes on stdout and stderr at once do not deadlock", async () => {
  const size = 6 * 1024 * 1024;
  const r = await subprocess.run(
    jsCommand(
      `const a = "o".repeat(${size}); const b = "e".repeat(${size});` +
        "let n = 0; process.stdout.write(a, () => n++); process.stderr.write(b, () => n++);",
    ),
    { captureOutput: true },
  );
  assert.equal(r.returncode, 0);
  assert.equal(r.stdout!.length, size);
  assert.equal(r.stderr!.length, size);
  assert.ok(r.stdout!.every((b) => b === 0x6f));
  assert.ok(r.stderr!.every((b) => b === 0x65));
});

Deno.test("input is written to stdin; text input must be a string", async () => {
  const r = await subprocess.run(["cat"], {
    input: "héllo\nworld",
    captureOutput: true,
    text: true,
  });
  assert.equal(r.stdout, "héllo\nworld");
  const bytes = await subprocess.checkOutput(["cat"], { input: new Uint8Array([1, 2, 3]) });
  assert.deepEqual([...bytes], [1, 2, 3]);
  await assert.rejects(
    subprocess.run(["cat"], { input: "text", stdout: subprocess.DEVNULL }),
    (e: unknown) => e instanceof TypeError && /expected a Uint8Array/.test(e.message),
  );
});

Deno.test("a missing program raises FileNotFoundError with errno and filename", async () => {
  assert.throws(() => new subprocess.Popen(["no-such-program-xyz"]), (e: unknown) => {
    assert.ok(e instanceof FileNotFoundError);
    assert.ok(e instanceof OSError);
    assert.equal(e.errno, 2);
    assert.equal(e.filename, "no-such-program-xyz");
    assert.equal(e.message, "[Errno 2] No such file or directory: 'no-such-program-xyz'");
    return true;
  });
  await assert.rejects(subprocess.run(["./nowhere/prog"]), FileNotFoundError);
  await assert.rejects(
    subprocess.run(["true"], { cwd: "/no/such/dir" }),
    (e: unknown) => e instanceof FileNotFoundError && e.filename === "/no/such/dir",
  );
  const dir = mkdtempSync(join(tmpdir(), "pyconc-sp-"));
  try {
    const file = join(dir, "not-executable");
    writeFileSync(file, "echo hi\n", { mode: 0o644 });
    await assert.rejects(
      subprocess.run([file]),
      (e: unknown) => e instanceof PermissionError && e.errno === 13,
    );
  } finally {
    rmSync(dir, { recursive: true });
  }
});

Deno.test("cwd and env reach the child; env replaces the environment", async () => {
  const dir = realpathSync(tmpdir());
  const out = await subprocess.checkOutput(["sh", "-c", 'pwd; echo "$FOO|$HOME"'], {
    cwd: dir,
    env: { FOO: "bar", PATH: getEnv("PATH") ?? "/usr/bin:/bin" },
    text: true,
  });
  assert.equal(out, `${dir}\nbar|\n`);
});

Deno.test("shell: true runs through /bin/sh -c; STDOUT merges stderr", async () => {
  const out = await subprocess.checkOutput("echo one && echo two >&2", {
    shell: true,
    stderr: subprocess.STDOUT,
    text: true,
  });
  assert.deepEqual(out.split("\n").sort(), ["", "one", "two"]);
  const quiet = await subprocess.run("echo hidden", {
    shell: true,
    stdout: subprocess.DEVNULL,
  });
  assert.equal(quiet.stdout, null);
  assert.equal(quiet.returncode, 0);
});

Deno.test("bad arguments are rejected with a message naming the problem", async () => {
  assert.throws(() => new subprocess.Popen([]), /'args' is an empty array/);
  assert.throws(
    () => new subprocess.Popen(["echo"], { stdout: subprocess.STDOUT }),
    /'stdout' must be PIPE, DEVNULL, a file descriptor or null: current value is -2/,
  );
  await assert.rejects(
    subprocess.run(["echo"], { captureOutput: true, stdout: subprocess.PIPE }),
    /'stdout' and 'stderr' may not be used with 'captureOutput'/,
  );
  await assert.rejects(
    subprocess.run(["cat"], { input: "x", stdin: subprocess.DEVNULL, text: true }),
    /'stdin' and 'input' may not both be used/,
  );
  assert.throws(() => new subprocess.Popen(["echo"], { encoding: "no-such-codec" }), RangeError);
});
