// Tests of the built npm package in npm/ (scripts/build_npm.ts). They run
// wherever a build is present: on Deno after `deno task build:npm`, and on
// Node as part of the build's own test run (where they sit inside npm/esm/).
// Without a build they are ignored. They check the build's own consistency,
// never against the current sources, so a stale build does not fail them.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkOutput } from "../../scripts/_build/compile.ts";

/** npm/ when built: from the sources (tests/npm/) or inside it (npm/esm/tests/npm/). */
function findPackage(): string | undefined {
  for (const up of ["../../../", "../../npm/"]) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8"));
    if (pkg.name === "pyconc" && existsSync(join(dir, "esm"))) return dir;
  }
  return undefined;
}

const pkgDir = findPackage();
const ignore = pkgDir === undefined;
const dir = pkgDir ?? "";

function walk(path: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

Deno.test({
  name: "npm package.json: name, ESM exports with types, engines, files",
  ignore,
  fn() {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    assert.equal(pkg.name, "pyconc");
    assert.match(pkg.version, /^\d+\.\d+\.\d+/);
    assert.equal(pkg.type, "module");
    assert.equal(pkg.license, "MIT");
    assert.ok(pkg.description.length > 10, "has a description");
    assert.deepEqual(Object.keys(pkg.exports["."]), ["types", "default"], "types come first");
    for (const target of [pkg.exports["."].types, pkg.exports["."].default, pkg.main, pkg.types]) {
      assert.ok(existsSync(join(dir, target)), `${target} exists`);
    }
    assert.match(pkg.engines.node, /^>=20(\.|$)/);
    assert.ok(pkg.files.includes("esm/"));
    assert.ok(existsSync(join(dir, "README.md")) && existsSync(join(dir, "LICENSE")));
    if (pkg.sideEffects !== false) {
      for (const file of pkg.sideEffects) assert.ok(existsSync(join(dir, file)), `${file} exists`);
    }
    assert.equal(pkg.dependencies, undefined, "the package has no runtime dependencies");
  },
});

Deno.test({
  name: "npm output: no .ts specifier, no using, every relative import and asset resolves",
  ignore,
  fn() {
    const files = walk(join(dir, "esm")).filter((f) => /\.(js|d\.ts)$/.test(f));
    assert.ok(files.some((f) => f.endsWith("mod.js")) && files.some((f) => f.endsWith("mod.d.ts")));
    assert.ok(files.every((f) => !f.endsWith(".ts") || f.endsWith(".d.ts")), "no .ts sources");
    const problems = checkOutput(files, (f) => readFileSync(f, "utf8"), existsSync);
    assert.deepEqual(problems.map((p) => `${p.file}:${p.line}: ${p.message}`), []);
  },
});

Deno.test({
  name: "npm entry module: every export its .d.ts declares exists at run time",
  ignore,
  async fn() {
    const dts = readFileSync(join(dir, "esm", "mod.d.ts"), "utf8");
    const declared = new Set<string>();
    for (const m of dts.matchAll(/export \* as (\w+) from/g)) declared.add(m[1]);
    for (const m of dts.matchAll(/export \{([^}]*)\} from/g)) {
      for (const part of m[1].split(",")) {
        const name = part.trim();
        if (name && !name.startsWith("type ")) declared.add(name.split(/\s+as\s+/).pop()!);
      }
    }
    assert.ok(declared.size > 0, "mod.d.ts declares exports");
    const mod = await import(pathToFileURL(join(dir, "esm", "mod.js")).href);
    for (const name of declared) assert.notEqual(mod[name], undefined, `export ${name}`);
  },
});

interface BuiltExecutor {
  submit(fn: (a: number, b: number) => number, a: number, b: number): {
    result(): Promise<number>;
  };
  shutdown(wait: boolean): Promise<void>;
}

Deno.test({
  name: "npm build: a worker started from the built package runs a call and answers",
  ignore: ignore || !existsSync(join(dir, "esm", "lib", "concurrent", "mod.js")),
  async fn() {
    const mod = await import(pathToFileURL(join(dir, "esm", "mod.js")).href);
    const executor: BuiltExecutor = new mod.concurrent.futures.ThreadPoolExecutor(1);
    try {
      // A self-contained function travels as source; the worker runs the
      // built bootstrap (worker_bootstrap.js), which must resolve in npm/.
      const sum = await executor.submit((a: number, b: number) => a + b, 20, 22).result();
      assert.equal(sum, 42);
    } finally {
      await executor.shutdown(true);
    }
  },
});
