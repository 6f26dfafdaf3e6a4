import assert from "node:assert/strict";
import { accessSync, constants } from "node:fs";
import { hostname } from "node:os";
import { delimiter, join } from "node:path";
import { env } from "node:process";
import { runClean } from "./_asyncio_checks.ts";

/** Whether `name` is an executable on PATH or in the sbin directories. */
function installed(name: string): boolean {
  const dirs = [...(env.PATH ?? "").split(delimiter), "/usr/sbin", "/usr/local/sbin", "/sbin"];
  return dirs.filter((dir) => dir !== "").some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const hasMariaDB = ["mariadbd", "mariadb-install-db", "mariadb"].every(installed);

/** Python's repr() of a str without quotes in it. */
function repr(text: string): string {
  return `'${text.replace(/\\/g, "\\\\")}'`;
}

/**
 * The rows of mysql.user on a fresh server, as the tuples Python prints:
 * mariadb-install-db's accounts (root on localhost, 127.0.0.1, ::1 and this
 * machine's host name, lower-cased with `_` and `%` escaped; mariadb.sys) and
 * the seed's 'user'@'127.0.0.1'.
 */
function expectedRows(): string[] {
  const rows = [
    ["127.0.0.1", "root"],
    ["127.0.0.1", "user"],
    ["::1", "root"],
    ["localhost", "mariadb.sys"],
    ["localhost", "root"],
  ];
  const host = hostname().replace(/_/g, "\\_").replace(/%/g, "\\%").toLowerCase();
  if (host !== "localhost") rows.push([host, "root"]);
  return rows.map(([h, u]) => `(${repr(h)}, ${repr(u)})`).sort();
}

/** The tuples of a printed `fetchall()` result, sorted (the server picks the order). */
function rowsOf(line: string): string[] {
  const item = String.raw`'(?:[^'\\]|\\.)*'`;
  const tuple = `\\(${item}, ${item}\\)`;
  assert.match(line, new RegExp(`^\\(${tuple}(?:, ${tuple})*\\)$`), "a tuple of (Host, User)");
  return [...line.matchAll(new RegExp(tuple, "g"))].map(([t]) => t).sort();
}

Deno.test({
  name: "S1-19 select Host, User from user on one local MariaDB server, then on two at once",
  // The example starts two mariadbd servers (Debian packages
  // mariadb-server-core and mariadb-client-core).
  ignore: !hasMariaDB,
  async fn() {
    const out = (await runClean("S1-19", { timeout: 180 })).map((line) =>
      line.replace(/127\.0\.0\.1:\d+/, "host")
    );
    assert.equal(out.length, 7, JSON.stringify(out));
    const rows = expectedRows();
    // 示例 1: the seed's 'user' reads mysql.user.
    assert.deepEqual(rowsOf(out[0]), rows);
    // 示例 2: both tasks start before either has a result (the connects
    // overlap); the rest interleaves as the servers answer.
    assert.deepEqual(out.slice(1, 3), ["开始执行:host", "开始执行:host"]);
    const rest = out.slice(3);
    assert.deepEqual(
      rest.map((line) => line.startsWith("(") ? "result" : line).sort(),
      ["result", "result", "执行结束:host", "执行结束:host"].sort(),
    );
    for (const line of rest.filter((l) => l.startsWith("("))) assert.deepEqual(rowsOf(line), rows);
    // Each task prints its result before its end line.
    assert.ok(rest[0].startsWith("("), JSON.stringify(rest));
    assert.equal(rest.at(-1), "执行结束:host", JSON.stringify(rest));
  },
});
