// S4-19 — asynchronous database access: create a table, insert a user, query
// it back (seed 004, "异步数据库操作", which uses SQLAlchemy 2.0's async API
// over aiosqlite).
//
// Python original:
//
//   import asyncio
//   from sqlalchemy.ext.asyncio import create_async_engine, AsyncSession
//   from sqlalchemy.orm import declarative_base, sessionmaker
//   from sqlalchemy import Column, Integer, String, select
//   # 定义模型
//   Base = declarative_base()
//   class User(Base):
//       __tablename__ = "users"
//       id = Column(Integer, primary_key=True)
//       name = Column(String)
//       email = Column(String)
//   async def example_db_operations():
//       # 创建异步引擎
//       engine = create_async_engine("sqlite+aiosqlite:///test.db", echo=True)
//       # 创建表
//       async with engine.begin() as conn:
//           await conn.run_sync(Base.metadata.create_all)
//       # 创建会话
//       async_session = sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
//       # 插入数据
//       async with async_session() as session:
//           user = User(name="John Doe", email="john@example.com")
//           session.add(user)
//           await session.commit()
//       # 查询数据
//       async with async_session() as session:
//           result = await session.execute(select(User))
//           users = result.scalars().all()
//           for user in users:
//               print(f"User: {user.name}, Email: {user.email}")
//       # 关闭引擎
//       await engine.dispose()
//   # asyncio.run(example_db_operations())
//
// Differences: SQLAlchemy and aiosqlite are Python packages. aiosqlite runs
// SQLite off the event loop (in a thread); this port does the same with the
// `sqlite3` program from Debian's packages, driven through pyconc's own
// `subprocess` (each statement batch is one `await subprocess.run(...)`, so
// the loop never blocks). A tiny engine stands in for the ORM: a `User`
// model, `createAll`, a session with `add` / `commit`, and `select(User)`;
// `echo` prints each SQL batch as SQLAlchemy's `echo=True` logs it. test.db
// lives in a temporary directory that is removed at the end.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asyncio, subprocess } from "../mod.ts";

// 定义模型
class User {
  static tablename = "users";
  static columns = { id: "INTEGER PRIMARY KEY", name: "VARCHAR", email: "VARCHAR" };
  id?: number;
  name: string;
  email: string;
  constructor(fields: { name: string; email: string; id?: number }) {
    this.id = fields.id;
    this.name = fields.name;
    this.email = fields.email;
  }
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** create_async_engine("sqlite+aiosqlite:///path"): SQL runs in the sqlite3 program. */
class AsyncEngine {
  constructor(readonly path: string, readonly echo: boolean) {}

  async execute(sql: string): Promise<Record<string, unknown>[]> {
    if (this.echo) console.log(`sqlalchemy.engine.Engine ${sql.trim().replace(/\n/g, " ")}`);
    const result = await subprocess.run(["sqlite3", "-json", "-bail", this.path], {
      input: sql,
      text: true,
      captureOutput: true,
      check: true,
    });
    const out = result.stdout ?? "";
    return out.trim() ? JSON.parse(out) : [];
  }

  async createAll(...models: (typeof User)[]): Promise<void> {
    for (const model of models) {
      const columns = Object.entries(model.columns).map(([name, type]) => `${name} ${type}`);
      await this.execute(
        `CREATE TABLE IF NOT EXISTS ${model.tablename} (${columns.join(", ")});`,
      );
    }
  }

  /** Nothing stays open between statements: each batch is its own sqlite3 run. */
  dispose(): Promise<void> {
    return Promise.resolve();
  }
}

/** AsyncSession: collects added objects, writes them in one transaction on commit. */
class AsyncSession {
  #pending: User[] = [];
  constructor(readonly engine: AsyncEngine) {}
  add(user: User): void {
    this.#pending.push(user);
  }
  async commit(): Promise<void> {
    const inserts = this.#pending.splice(0).map((u) =>
      `INSERT INTO ${User.tablename} (name, email) VALUES (${literal(u.name)}, ${
        literal(u.email)
      });`
    );
    await this.engine.execute(`BEGIN;\n${inserts.join("\n")}\nCOMMIT;`);
  }
  async execute(query: { model: typeof User }): Promise<User[]> {
    const rows = await this.engine.execute(`SELECT * FROM ${query.model.tablename};`);
    return rows.map((row) => new User(row as { name: string; email: string; id: number }));
  }
  [Symbol.asyncDispose](): Promise<void> {
    this.#pending.length = 0; // uncommitted objects are dropped, as on session close
    return Promise.resolve();
  }
}

function select(model: typeof User): { model: typeof User } {
  return { model };
}

const dir = await mkdtemp(join(tmpdir(), "pyconc-S4-19-"));

async function exampleDbOperations(): Promise<void> {
  // 创建异步引擎
  const engine = new AsyncEngine(join(dir, "test.db"), true);
  // 创建表
  await engine.createAll(User);
  // 插入数据
  {
    await using session = new AsyncSession(engine);
    const user = new User({ name: "John Doe", email: "john@example.com" });
    session.add(user);
    await session.commit();
  }
  // 查询数据
  {
    await using session = new AsyncSession(engine);
    const users = await session.execute(select(User));
    for (const user of users) {
      console.log(`User: ${user.name}, Email: ${user.email}`);
    }
  }
  // 关闭引擎
  await engine.dispose();
}

try {
  await asyncio.run(exampleDbOperations);
} finally {
  await rm(dir, { recursive: true });
}
