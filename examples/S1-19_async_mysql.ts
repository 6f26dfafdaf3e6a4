// S1-19 — asynchronous MySQL: connect, open a cursor, run a query, fetch the
// rows, close; first on one server, then on two servers at once (seed 001,
// "异步 MySQL", which uses the third-party aiomysql).
//
// Python original (示例 1, then 示例 2):
//
//   import asyncio
//   import aiomysql
//
//   async def execute():
//       # 网络IO操作:连接MySQL
//       conn = await aiomysql.connect(host='host', port=3306, user='user',
//                                     password='password', db='mysql')
//       # 网络IO操作:创建cursor
//       cur = await conn.cursor()
//       # 网络IO操作:执行SQL
//       await cur.execute('select Host, User from user')
//       # 网络IO操作:获取SQL结果
//       result = await cur.fetchall()
//       print(result)
//       # 网络IO操作:关闭连接
//       await cur.close()
//       conn.close()
//
//   asyncio.run(execute())
//
//   async def execute(host, password):
//       print(f'开始执行:{host}')
//       # 网络IO操作:先去连接host1,遇到IO则自动切换任务,去连接host2
//       conn = await aiomysql.connect(host=host, port=3306, user='root',
//                                     password=password, db='mysql')
//       cur = await conn.cursor()
//       await cur.execute('select Host, User from user')
//       result = await cur.fetchall()
//       print(result)
//       await cur.close()
//       conn.close()
//       print(f'执行结束:{host}')
//
//   task_list = [
//       execute('host1', 'password'),
//       execute('host2', 'password')
//   ]
//   asyncio.run(asyncio.wait(task_list))
//
// Differences: aiomysql is a Python package (PyMySQL's wire protocol on
// asyncio's streams). This port sends the same requests through MariaDB's
// own command-line client, `mariadb`, run with pyconc's `subprocess.run`:
// `connect` runs it once to log in (a wrong password or database fails
// there, as in aiomysql), and `cursor.execute` runs it with the query and
// reads the rows back as XML, so every network round trip is an awaited
// child process and the event loop never blocks. Values come back as
// strings (None for NULL); `fetchall` gives the tuple of tuples aiomysql's
// default cursor gives, printed as Python prints it.
//
// The servers "host1" and "host2" are two throwaway MariaDB servers
// (`mariadbd`, Debian packages mariadb-server-core and mariadb-client-core)
// that the example starts itself: `mariadb-install-db` builds the system
// tables (mysql.user, which the seed queries) in a temporary directory, with
// the seed's accounts (root and user, password 'password', reachable from
// 127.0.0.1); the second server gets a copy of that data directory. Each
// server listens on a free port of 127.0.0.1, so a host prints as
// 127.0.0.1:port. At the end (or on an error) the servers are stopped and the
// temporary directory is removed. Without MariaDB installed the example says
// so and exits.

import { accessSync, constants } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { delimiter, join } from "node:path";
import { env } from "node:process";
import { asyncio, subprocess } from "../mod.ts";

/** The full path of program `name` on PATH or in the sbin directories, or undefined. */
function which(name: string): string | undefined {
  const dirs = [...(env.PATH ?? "").split(delimiter), "/usr/sbin", "/usr/local/sbin", "/sbin"];
  for (const dir of dirs.filter((d) => d !== "")) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

// ---- a minimal aiomysql: the mariadb client run as a subprocess ------------

type Value = string | null;

/** pymysql.err.MySQLError: what the client reported, with MySQL's error number. */
class MySQLError extends Error {
  /** e.g. 1045 (access denied), 2002 / 2003 (cannot connect). */
  readonly errno: number;
  constructor(message: string) {
    // e.g. "ERROR 1045 (28000): Access denied for user 'user'@'127.0.0.1' (using password: YES)"
    super(message);
    this.name = "MySQLError";
    this.errno = Number(/^ERROR (\d+)/.exec(message)?.[1] ?? -1);
  }
}

interface ConnectOptions {
  host: string;
  port: number;
  user: string;
  password: string;
  db: string;
}

const client = which("mariadb");

/** Runs the `mariadb` client against the server once; resolves to its output. */
async function mariadb(options: ConnectOptions, ...args: string[]): Promise<string> {
  const done = await subprocess.run([
    client!,
    "--no-defaults", // read no option files: only what is given here
    `--host=${options.host}`,
    `--port=${options.port}`,
    `--user=${options.user}`,
    `--password=${options.password}`,
    `--database=${options.db}`,
    "--connect-timeout=10",
    ...args,
  ], { captureOutput: true, text: true });
  if (done.returncode !== 0) throw new MySQLError(String(done.stderr).trim());
  return String(done.stdout);
}

/** aiomysql.Connection */
class Connection {
  #open = true;
  constructor(readonly options: ConnectOptions) {}

  /** aiomysql.connect(host=..., port=..., user=..., password=..., db=...) */
  static async connect(options: ConnectOptions): Promise<Connection> {
    await mariadb(options, "--execute="); // log in, select the database, log out
    return new Connection(options);
  }

  /** await conn.cursor() */
  cursor(): Promise<Cursor> {
    if (!this.#open) {
      return Promise.reject(new Error("Cannot open a cursor: the connection is closed"));
    }
    return Promise.resolve(new Cursor(this));
  }

  /** conn.close() */
  close(): void {
    this.#open = false;
  }
}

const entities: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&apos;": "'",
};

function unescapeXml(text: string): string {
  return text.replace(
    /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g,
    (entity, name: string) =>
      name.startsWith("#x")
        ? String.fromCodePoint(parseInt(name.slice(2), 16))
        : name.startsWith("#")
        ? String.fromCodePoint(Number(name.slice(1)))
        : entities[entity],
  );
}

/** aiomysql.Cursor (the default one: rows are tuples). */
class Cursor {
  #rows: Value[][] = [];
  #closed = false;
  constructor(readonly connection: Connection) {}

  /** await cur.execute(query): the query runs in the mariadb client, rows come back as XML. */
  async execute(query: string): Promise<number> {
    if (this.#closed) throw new Error("Cannot execute a query: the cursor is closed");
    const xml = await mariadb(this.connection.options, "--xml", `--execute=${query}`);
    this.#rows = [...xml.matchAll(/<row>([\s\S]*?)<\/row>/g)].map(([, row]) =>
      [...row.matchAll(/<field name="[^"]*"(?: xsi:nil="true" \/>|>([\s\S]*?)<\/field>)/g)].map(
        ([, value]) => value === undefined ? null : unescapeXml(value),
      )
    );
    return this.#rows.length;
  }

  /** await cur.fetchall() */
  fetchall(): Promise<Value[][]> {
    return Promise.resolve(this.#rows.splice(0));
  }

  /** await cur.close() */
  close(): Promise<void> {
    this.#closed = true;
    this.#rows = [];
    return Promise.resolve();
  }
}

/** Python's repr() of a str or None. */
function pyRepr(value: Value): string {
  if (value === null) return "None";
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const body = value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
}

/** Python's repr() of a tuple (one item: a trailing comma). */
function pyTuple(items: string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

// ---- the seed --------------------------------------------------------------

interface Server {
  host: string;
  port: number;
}

async function execute1(server: Server): Promise<void> {
  // 网络IO操作:连接MySQL
  const conn = await Connection.connect({
    host: server.host,
    port: server.port,
    user: "user",
    password: "password",
    db: "mysql",
  });
  // 网络IO操作:创建cursor
  const cur = await conn.cursor();
  // 网络IO操作:执行SQL
  await cur.execute("select Host, User from user");
  // 网络IO操作:获取SQL结果
  const result = await cur.fetchall();
  console.log(pyTuple(result.map((row) => pyTuple(row.map(pyRepr)))));
  // 网络IO操作:关闭连接
  await cur.close();
  conn.close();
}

async function execute2(server: Server, password: string): Promise<void> {
  const host = `${server.host}:${server.port}`;
  console.log(`开始执行:${host}`);
  // 网络IO操作:先去连接host1,遇到IO则自动切换任务,去连接host2
  const conn = await Connection.connect({
    host: server.host,
    port: server.port,
    user: "root",
    password,
    db: "mysql",
  });
  // 网络IO操作:遇到IO会自动切换任务
  const cur = await conn.cursor();
  // 网络IO操作:遇到IO会自动切换任务
  await cur.execute("select Host, User from user");
  // 网络IO操作:遇到IO会自动切换任务
  const result = await cur.fetchall();
  console.log(pyTuple(result.map((row) => pyTuple(row.map(pyRepr)))));
  // 网络IO操作:遇到IO会自动切换任务
  await cur.close();
  conn.close();
  console.log(`执行结束:${host}`);
}

// ---- two throwaway MariaDB servers -----------------------------------------

/** The seed's accounts, created while the system tables are built. */
const accounts = `
FLUSH PRIVILEGES;
ALTER USER 'root'@'localhost' IDENTIFIED BY 'password';
ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY 'password';
ALTER USER 'root'@'::1' IDENTIFIED BY 'password';
CREATE USER 'user'@'127.0.0.1' IDENTIFIED BY 'password';
GRANT SELECT ON mysql.* TO 'user'@'127.0.0.1';
`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function sleepReal(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

class MariaDBServer implements Server {
  readonly host = "127.0.0.1";
  #process?: subprocess.Popen;
  private constructor(readonly dir: string, readonly port: number) {}

  /** Starts mariadbd on `dir`/data, listening on a free port of 127.0.0.1. */
  static async launch(mariadbd: string, dir: string): Promise<MariaDBServer> {
    const server = new MariaDBServer(dir, await freePort());
    server.#process = new subprocess.Popen([
      mariadbd,
      "--no-defaults",
      `--datadir=${join(dir, "data")}`,
      `--socket=${join(dir, "mysqld.sock")}`,
      `--pid-file=${join(dir, "mysqld.pid")}`,
      `--log-error=${join(dir, "error.log")}`,
      `--tmpdir=${dir}`,
      `--user=${userInfo().username}`,
      "--bind-address=127.0.0.1",
      `--port=${server.port}`,
      "--skip-name-resolve",
      "--innodb-buffer-pool-size=16M",
    ], { stdin: subprocess.DEVNULL, stdout: subprocess.DEVNULL, stderr: subprocess.DEVNULL });
    return server;
  }

  /** Waits (polling, 30 s at most) until the server accepts the seed's root login. */
  async ready(): Promise<void> {
    const login = {
      host: this.host,
      port: this.port,
      user: "root",
      password: "password",
      db: "mysql",
    };
    const deadline = performance.now() + 30_000;
    for (;;) {
      try {
        await mariadb(login, "--connect-timeout=1", "--execute=");
        return;
      } catch (error) {
        // 2002 / 2003: nothing listens yet; any other error is final.
        if (!(error instanceof MySQLError) || ![2002, 2003].includes(error.errno)) throw error;
        if (this.#process!.poll() !== null) {
          throw new Error(
            `mariadbd exited with status ${this.#process!.returncode}; see ${
              join(this.dir, "error.log")
            }`,
          );
        }
        if (performance.now() > deadline) throw error;
        await sleepReal(50);
      }
    }
  }

  /** SIGTERM (a clean shutdown); SIGKILL if it has not ended within 30 s. */
  async stop(): Promise<void> {
    const process = this.#process;
    if (!process || process.poll() !== null) return;
    process.terminate();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<"late">((resolve) =>
      timer = setTimeout(() => resolve("late"), 30_000)
    );
    if (await Promise.race([process.wait(), late]) === "late") process.kill();
    clearTimeout(timer);
    await process.wait();
  }
}

async function main(): Promise<void> {
  const mariadbd = which("mariadbd");
  const installDb = which("mariadb-install-db");
  if (!mariadbd || !installDb || !client) {
    console.log(
      "MariaDB is not installed (Debian: apt-get install mariadb-server-core mariadb-client-core)",
    );
    return;
  }
  const root = await mkdtemp(join(tmpdir(), "pyconc-S1-19-"));
  const servers: MariaDBServer[] = [];
  try {
    // One data directory with the system tables and the seed's accounts...
    const first = join(root, "host1");
    await mkdir(first);
    await writeFile(join(root, "accounts.sql"), accounts);
    await subprocess.run([
      installDb,
      "--no-defaults",
      `--datadir=${join(first, "data")}`,
      `--user=${userInfo().username}`,
      "--auth-root-authentication-method=normal",
      "--skip-test-db",
      `--extra-file=${join(root, "accounts.sql")}`,
    ], { captureOutput: true, text: true, check: true });
    // ...and a copy of it for the second server.
    const second = join(root, "host2");
    await cp(first, second, { recursive: true });
    for (const dir of [first, second]) servers.push(await MariaDBServer.launch(mariadbd, dir));
    await Promise.all(servers.map((server) => server.ready()));

    // 示例 1: one server.
    await asyncio.run(() => execute1(servers[0]));
    // 示例 2: two servers at once; each await lets the other task run.
    const taskList = [
      () => execute2(servers[0], "password"),
      () => execute2(servers[1], "password"),
    ];
    await asyncio.run(() => asyncio.wait(taskList));
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await rm(root, { recursive: true, force: true });
  }
}

await main();
