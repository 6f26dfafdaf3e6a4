import assert from "node:assert/strict";
import { runClean } from "./_asyncio_checks.ts";

Deno.test("S2-17 ProcessPoolExecutor.map(is_prime, PRIMES)", async () => {
  assert.deepEqual(await runClean("S2-17"), [
    "112272535095293 is prime: True",
    "112582705942171 is prime: True",
    "112272535095293 is prime: True",
    "115280095190773 is prime: True",
    "115797848077099 is prime: True",
    "1099726899285419 is prime: False",
  ]);
});
