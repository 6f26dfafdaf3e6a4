// Shipping targets the spawn way (lib/_internal/spawn.ts).
import assert from "node:assert/strict";
import { moduleExports, resolveShipped, shipFunction } from "../../lib/_internal/spawn.ts";
import * as targets from "./fixtures/targets.ts";

const outside = 41;

Deno.test("an exported function travels by module and name, with its source for the identity check", async () => {
  const shipped = shipFunction(targets.fail, "target", targets.here);
  assert.equal(shipped.exportName, "fail");
  assert.equal(shipped.module, targets.here);
  assert.equal(await resolveShipped(shipped), targets.fail);
  assert.equal(moduleExports(targets.here, "fail"), true);
  assert.equal(moduleExports(targets.here, "notThere"), false);
});

Deno.test("a different function under an exported name fails the identity check", async () => {
  const impostor = {
    name: "fail",
    source: "function fail() {}",
    module: targets.here,
    exportName: "fail",
  };
  await assert.rejects(resolveShipped(impostor), { name: "TypeError", message: /identity check/ });
});

Deno.test("a self-contained function travels as source; one that uses outside names says to export it", async () => {
  const double = shipFunction((x: number) => x * 2, "target", targets.here);
  assert.equal(double.exportName, undefined);
  assert.equal((await resolveShipped(double))(21), 42);
  const closes = shipFunction(
    function usesOutside() {
      return outside + 1;
    },
    "target",
    targets.here,
  );
  const fn = await resolveShipped(closes);
  assert.throws(() => fn(), {
    name: "ReferenceError",
    message: /'usesOutside' .*uses something defined outside it .*export 'usesOutside' from/,
  });
});

Deno.test("classes must be exported; built-ins and non-functions cannot travel", () => {
  class Hidden {}
  assert.throws(() => shipFunction(Hidden, "class", targets.here), {
    name: "TypeError",
    message: /export it from .*`export class Hidden …`/,
  });
  assert.throws(() => shipFunction(Math.max, "target", targets.here), /built-in or bound/);
  assert.throws(() => shipFunction(5, "target", targets.here), /must be a function/);
});
