import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { runClean } from "./_asyncio_checks.ts";

function hasSqlite3(): boolean {
  try {
    execFileSync("sqlite3", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

Deno.test({
  name: "S4-19 creates the table, inserts a user and reads it back through sqlite3",
  // The example drives the sqlite3 program (Debian package sqlite3).
  ignore: !hasSqlite3(),
  async fn() {
    assert.deepEqual(await runClean("S4-19"), [
      "sqlalchemy.engine.Engine CREATE TABLE IF NOT EXISTS users " +
      "(id INTEGER PRIMARY KEY, name VARCHAR, email VARCHAR);",
      "sqlalchemy.engine.Engine BEGIN; INSERT INTO users (name, email) " +
      "VALUES ('John Doe', 'john@example.com'); COMMIT;",
      "sqlalchemy.engine.Engine SELECT * FROM users;",
      "User: John Doe, Email: john@example.com",
    ]);
  },
});
