/**
 * `Deno.test` on Node, for the test files of the npm build: the build replaces
 * the `Deno` global in each compiled test file by an import of this module.
 *
 * `@deno/shim-deno-test` parses `Deno.test`'s overloads into a definition
 * (`(name, fn)`, `(name, options, fn)`, `({ name, fn, ignore, … })`, `(fn)`,
 * `Deno.test.ignore`, `Deno.test.only`); this module hands each definition to
 * `node:test` and gives the test function a Deno-shaped `TestContext` whose
 * `t.step` maps onto a `node:test` subtest (the shim itself has no runner).
 * Sanitizer and permission options are accepted and have no effect on Node.
 * Any other `Deno.*` API throws: tests must reach the runtime through
 * lib/_internal/runtime.ts. A file still running 5 s after its last test
 * settled (a leaked timer or worker) fails, as Deno's sanitizers would.
 *
 * @module
 */

import { test as nodeTest, type TestContext as NodeTestContext } from "node:test";
import process from "node:process";
import shim from "@deno/shim-deno-test";

/** The Deno.TestContext subset tests use. */
interface DenoTestContext {
  name: string;
  origin: string;
  parent?: DenoTestContext;
  step(...args: unknown[]): Promise<boolean>;
}

interface Definition {
  name: string;
  fn: (t: DenoTestContext) => void | Promise<void>;
  ignore?: boolean;
  only?: boolean;
}

function context(
  node: NodeTestContext,
  name: string,
  parent: DenoTestContext | undefined,
): DenoTestContext {
  const self: DenoTestContext = {
    name,
    origin: "",
    parent,
    async step(...args: unknown[]): Promise<boolean> {
      const def = stepDefinition(args);
      if (def.ignore) {
        await node.test(def.name, { skip: true }, () => {});
        return false;
      }
      let passed = true;
      await node.test(def.name, async (sub: NodeTestContext) => {
        try {
          await def.fn(context(sub, def.name, self));
        } catch (error) {
          passed = false;
          throw error;
        }
      });
      return passed;
    },
  };
  return self;
}

function stepDefinition(args: unknown[]): Definition {
  const [first, second] = args;
  if (typeof first === "string" && typeof second === "function") {
    return { name: first, fn: second as Definition["fn"] };
  }
  if (typeof first === "function") {
    if (!first.name) throw new TypeError("t.step(fn): the step function must have a name");
    return { name: first.name, fn: first as Definition["fn"] };
  }
  if (first && typeof first === "object" && typeof (first as Definition).fn === "function") {
    return first as Definition;
  }
  throw new TypeError(
    `t.step expects (name, fn), (fn) or ({ name, fn }): got (${
      args.map((a) => typeof a).join(", ")
    })`,
  );
}

// Deno's sanitizers fail a test that leaves a timer, worker or socket behind;
// on Node such a file would simply never exit. Once every registered test has
// settled, give the file a few seconds to wind down, then report what still
// holds it open and fail it.
const LEAK_GRACE_MS = 5000;
// What is open before any test runs (stdout and stderr pipes, say) is not a leak.
void process.stdout, process.stderr;
const baseline = process.getActiveResourcesInfo();
let registered = 0;
let settled = 0;

function onSettled(): void {
  settled++;
  if (settled !== registered) return;
  const timer = setTimeout(() => {
    if (settled !== registered) return;
    const resources = process.getActiveResourcesInfo();
    for (const r of baseline) {
      const i = resources.indexOf(r);
      if (i >= 0) resources.splice(i, 1);
    }
    process.stderr.write(
      `error: this test file was still running ${LEAK_GRACE_MS / 1000}s after its last test ` +
        `finished (leaked: ${resources.join(", ") || "unknown"}); Deno's sanitizers would ` +
        `fail it too\n`,
    );
    process.exit(1);
  }, LEAK_GRACE_MS);
  timer.unref();
}

// Set by scripts/build_npm.ts (--timeout): node:test's own --test-timeout
// flag applies only to `node --test` runs, not to a file run directly.
const timeoutMs = Number(process.env.PYCONC_NODE_TEST_TIMEOUT_MS) || Infinity;

function register(def: Definition): void {
  registered++;
  if (def.ignore) {
    nodeTest(def.name, { skip: true }, () => {});
    onSettled();
    return;
  }
  nodeTest(def.name, { only: def.only === true, timeout: timeoutMs }, async (t) => {
    try {
      await def.fn(context(t, def.name, undefined));
    } finally {
      onSettled();
    }
  });
}

function take(): Definition {
  const defs = shim.testDefinitions as unknown as Definition[];
  const def = defs.pop();
  if (!def) throw new Error("@deno/shim-deno-test recorded no test definition");
  return def;
}

/** `Deno.test`, registering with `node:test`. */
const test = Object.assign(
  function test(...args: unknown[]): void {
    (shim.test as (...a: unknown[]) => void)(...args);
    register(take());
  },
  {
    ignore(...args: unknown[]): void {
      (shim.test.ignore as (...a: unknown[]) => void)(...args);
      register(take());
    },
    only(...args: unknown[]): void {
      (shim.test.only as (...a: unknown[]) => void)(...args);
      register(take());
    },
  },
);

/** The `Deno` namespace as the compiled tests see it: `Deno.test` only. */
export const Deno: { test: typeof test } = new Proxy({ test }, {
  get(target, prop) {
    if (prop === "test") return target.test;
    if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
    throw new TypeError(
      `Deno.${prop} is not available when the tests run on Node: tests may use only Deno.test ` +
        `(import runtime facts from lib/_internal/runtime.ts)`,
    );
  },
});
