// S1-18 — asynchronous Redis: connect, `hset`, `hgetall`, close; first on one
// server, then on two servers at once (seed 001, "异步 Redis", which uses the
// third-party aioredis).
//
// Python original (示例 1, then 示例 2):
//
//   import asyncio
//   import aioredis
//
//   async def execute(uri, password, db):
//       print(f'开始执行:{uri}')
//       # 网络IO操作:创建Redis链接
//       redis = await aioredis.from_url(uri, password=password, db=db, decode_responses=True)
//       # 网络IO操作:在Redis中设置哈希值car,内部再设置三个键值对
//       await redis.hset('car', mapping={'key1': 1, 'key2': 2, 'key3': 3})
//       # 网络IO操作:去Redis中获取值
//       result = await redis.hgetall('car')
//       print(result)
//       # 网络IO操作:关闭Redis连接
//       await redis.close()
//       print(f'执行结束:{uri}')
//
//   asyncio.run(execute('redis://host:6379', 'password', 1))
//
//   task_list = [
//       execute('redis://host1:6379', 'password1', 1),
//       execute('redis://host2:6379', 'password2', 2)
//   ]
//   asyncio.run(asyncio.wait(task_list))
//
// Differences: aioredis is a Python package; this port speaks Redis's wire
// protocol (RESP) itself over the runtime's TCP sockets (`node:net`), in a
// small client with the same calls. The two servers are real `redis-server`
// processes (Debian package redis-server) that the example starts on free
// ports of 127.0.0.1 with pyconc's `subprocess.Popen`, each with its own
// password, and stops at the end. Without redis-server installed it says so
// and exits.

import { connect, createServer, type Socket } from "node:net";
import { asyncio, FileNotFoundError, subprocess } from "../mod.ts";

type Reply = string | number | null | Reply[];

/** A minimal aioredis-style client: RESP over one TCP connection. */
class Redis {
  #socket: Socket;
  #buffer = "";
  #waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.setEncoding("utf-8");
    socket.on("data", (chunk: string) => {
      this.#buffer += chunk;
      this.#drain();
    });
  }

  /** aioredis.from_url(uri, password=..., db=..., decode_responses=True) */
  static async fromUrl(uri: string, options: { password: string; db: number }): Promise<Redis> {
    const url = new URL(uri);
    const socket = connect(Number(url.port || 6379), url.hostname);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    const redis = new Redis(socket);
    await redis.command("AUTH", options.password);
    await redis.command("SELECT", String(options.db));
    return redis;
  }

  command(...args: string[]): Promise<Reply> {
    const request = `*${args.length}\r\n` +
      args.map((a) => `$${new TextEncoder().encode(a).length}\r\n${a}\r\n`).join("");
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#socket.write(request);
    });
  }

  async hset(key: string, mapping: Record<string, number | string>): Promise<number> {
    const fields = Object.entries(mapping).flatMap(([k, v]) => [k, String(v)]);
    return await this.command("HSET", key, ...fields) as number;
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    const flat = await this.command("HGETALL", key) as string[];
    const result: Record<string, string> = {};
    for (let i = 0; i < flat.length; i += 2) result[flat[i]] = flat[i + 1];
    return result;
  }

  async close(): Promise<void> {
    await this.command("QUIT");
    await new Promise<void>((resolve) => this.#socket.end(resolve));
  }

  #drain(): void {
    while (this.#waiting.length > 0) {
      const parsed = parse(this.#buffer, 0);
      if (!parsed) return; // incomplete: wait for more data
      this.#buffer = this.#buffer.slice(parsed.end);
      const waiter = this.#waiting.shift()!;
      if (parsed.value instanceof Error) waiter.reject(parsed.value);
      else waiter.resolve(parsed.value);
    }
  }
}

/** Parses one RESP reply at `at`; undefined when the buffer holds only part of it. */
function parse(text: string, at: number): { value: Reply | Error; end: number } | undefined {
  const eol = text.indexOf("\r\n", at);
  if (eol < 0) return undefined;
  const line = text.slice(at + 1, eol);
  switch (text[at]) {
    case "+":
      return { value: line, end: eol + 2 };
    case "-":
      return { value: new Error(line), end: eol + 2 };
    case ":":
      return { value: Number(line), end: eol + 2 };
    case "$": {
      const length = Number(line);
      if (length < 0) return { value: null, end: eol + 2 };
      // Lengths are in bytes; the values used here are ASCII.
      if (text.length < eol + 2 + length + 2) return undefined;
      return { value: text.slice(eol + 2, eol + 2 + length), end: eol + 2 + length + 2 };
    }
    case "*": {
      const count = Number(line);
      const items: Reply[] = [];
      let end = eol + 2;
      for (let i = 0; i < count; i++) {
        const item = parse(text, end);
        if (!item) return undefined;
        items.push(item.value as Reply);
        end = item.end;
      }
      return { value: items, end };
    }
  }
  throw new Error(`unexpected RESP reply: ${JSON.stringify(text.slice(at, eol))}`);
}

function pyDict(record: Record<string, string>): string {
  return `{${Object.entries(record).map(([k, v]) => `'${k}': '${v}'`).join(", ")}}`;
}

async function execute(uri: string, password: string, db: number): Promise<void> {
  console.log(`开始执行:${uri}`);
  // 网络IO操作:创建Redis链接
  const redis = await Redis.fromUrl(uri, { password, db });
  // 网络IO操作:在Redis中设置哈希值car,内部再设置三个键值对
  await redis.hset("car", { key1: 1, key2: 2, key3: 3 });
  // 网络IO操作:去Redis中获取值
  const result = await redis.hgetall("car");
  console.log(pyDict(result));
  // 网络IO操作:关闭Redis连接
  await redis.close();
  console.log(`执行结束:${uri}`);
}

// ---- two local redis-server processes -------------------------------------

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startRedis(password: string): Promise<{ uri: string; process: subprocess.Popen }> {
  const port = await freePort();
  const process = new subprocess.Popen([
    "redis-server",
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--requirepass",
    password,
    "--save",
    "",
    "--appendonly",
    "no",
  ], { stdout: subprocess.DEVNULL });
  // Wait until it accepts connections.
  for (let attempt = 0;; attempt++) {
    try {
      const socket = connect(port, "127.0.0.1");
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("error", reject);
      });
      socket.destroy();
      return { uri: `redis://127.0.0.1:${port}`, process };
    } catch (error) {
      if (attempt > 200 || process.poll() !== null) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

let servers: { uri: string; process: subprocess.Popen }[];
try {
  servers = [await startRedis("password1"), await startRedis("password2")];
} catch (error) {
  if (error instanceof FileNotFoundError) {
    console.log("redis-server is not installed (Debian: apt-get install redis-server)");
    servers = [];
  } else throw error;
}

if (servers.length > 0) {
  try {
    // 示例 1: one server.
    await asyncio.run(() => execute(servers[0].uri, "password1", 1));
    // 示例 2: two servers at once; the awaits interleave.
    const taskList = [
      () => execute(servers[0].uri, "password1", 1),
      () => execute(servers[1].uri, "password2", 2),
    ];
    await asyncio.run(() => asyncio.wait(taskList));
  } finally {
    for (const server of servers) {
      server.process.terminate();
      await server.process.wait();
    }
  }
}
