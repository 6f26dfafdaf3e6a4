/**
 * Python's `gevent`: greenlets that switch on every wait. `spawn`,
 * `spawnLater`, `Greenlet` (`join`, `get`, `kill`, `ready`, `successful`,
 * `value`, `exception`), `joinall`, `killall`, `sleep`, `wait`, `iwait`,
 * `Timeout`, `withTimeout`, and `pool.Pool` / `pool.Group`.
 *
 * gevent needs `monkey.patch_all()` so that blocking calls (`time.sleep`,
 * sockets) yield to other greenlets. JavaScript's I/O never blocks the event
 * loop, and every `await` already yields, so there is no `monkey` here: port
 * `time.sleep(s)` as `await gevent.sleep(s)` and blocking I/O as its promise
 * form (`fetch`, `node:fs/promises`).
 *
 * @example Usage
 * ```ts
 * import { gevent } from "@pyconc/pyconc";
 *
 * const out: string[] = [];
 * const task = (name: string) => async () => {
 *   for (let i = 0; i < 2; i++) {
 *     out.push(`${name} + ${i}`);
 *     await gevent.sleep(0.01);
 *   }
 * };
 * await gevent.joinall([gevent.spawn(task("A")), gevent.spawn(task("B"))]);
 * console.assert(out.join() === "A + 0,B + 0,A + 1,B + 1");
 * ```
 *
 * @module
 */

export { GreenletExit } from "../greenlet/greenlet.ts";
export {
  getcurrent,
  Greenlet,
  iwait,
  joinall,
  type JoinallOptions,
  killall,
  type KillException,
  type KillOptions,
  sleep,
  spawn,
  spawnLater,
  wait,
  type WaitOptions,
} from "./greenlet.ts";
export { Timeout, withTimeout, type WithTimeoutOptions } from "./timeout.ts";
export * as pool from "./pool.ts";
