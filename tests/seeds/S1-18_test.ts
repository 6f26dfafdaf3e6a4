import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { runClean } from "./_asyncio_checks.ts";

function hasRedisServer(): boolean {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

Deno.test({
  name: "S1-18 hset/hgetall on one local redis-server, then on two at once",
  // The example starts two redis-server processes (Debian package redis-server).
  ignore: !hasRedisServer(),
  async fn() {
    const out = (await runClean("S1-18")).map((line) =>
      line.replace(/redis:\/\/127\.0\.0\.1:\d+/, "redis://host")
    );
    const dict = "{'key1': '1', 'key2': '2', 'key3': '3'}";
    assert.deepEqual(out.slice(0, 3), [
      "开始执行:redis://host",
      dict,
      "执行结束:redis://host",
    ]);
    // Two servers at once: both start before either has a result (the
    // connects overlap); the rest interleaves as the servers answer.
    assert.deepEqual(out.slice(3, 5), ["开始执行:redis://host", "开始执行:redis://host"]);
    assert.deepEqual(
      out.slice(5).sort(),
      [dict, dict, "执行结束:redis://host", "执行结束:redis://host"].sort(),
    );
    assert.ok(out.indexOf("执行结束:redis://host", 5) > out.indexOf(dict, 5));
  },
});
