// Tests of the npm build's compiler half (scripts/_build/compile.ts): they
// compile small projects in a temporary directory, on Deno and on Node.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  checkOutput,
  compileLibrary,
  rewriteSpecifier,
  transpileTestFile,
} from "../../scripts/_build/compile.ts";
import type { BuildProblem } from "../../scripts/_build/compile.ts";

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "pyconc-build-test-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function messages(root: string, problems: BuildProblem[]): string[] {
  return problems.map((p) => `${p.file.slice(root.length + 1)}: ${p.message}`);
}

Deno.test("the library build rewrites every specifier to .js and downlevels using", async () => {
  const root = project({
    "mod.ts": `export { run, type Box } from "./lib/a.ts";\n`,
    "lib/a.ts": `
      import type { Shape } from "./b.ts";
      import { helper } from "./b.ts";
      export * from "./c.ts";
      export interface Box { shape: Shape; loader: typeof import("./b.ts") }
      const workerUrl = new URL("./_internal/worker.ts", import.meta.url);
      export async function run(): Promise<string> {
        const log: string[] = [];
        {
          using _r = { [Symbol.dispose]: () => log.push("disposed") };
          log.push(helper());
        }
        const b = await import("./b.ts");
        const file = (u: string) => u.split("/").pop()!;
        return [...log, b.helper(), file(workerUrl.href), file(import.meta.resolve("./c.ts"))]
          .join(",");
      }
    `,
    "lib/b.ts":
      `export type Shape = "round";\nexport function helper(): string { return "helped"; }\n`,
    "lib/c.ts": `export const c = [1];\nc.push(2);\n`,
    "lib/_internal/worker.ts": `export {};\n`,
  });
  try {
    const roots = ["mod.ts", "lib/a.ts", "lib/b.ts", "lib/c.ts", "lib/_internal/worker.ts"]
      .map((f) => join(root, f));
    const out = join(root, "out");
    const result = compileLibrary(root, roots, out);
    assert.deepEqual(messages(root, result.problems), []);
    assert.deepEqual(result.sideEffectFiles, [join(root, "lib/c.ts")]);
    assert.equal(result.written.length, 10); // 5 × (.js + .d.ts)

    const js = readFileSync(join(out, "lib/a.js"), "utf8");
    assert.match(js, /from "\.\/b\.js"/);
    assert.match(js, /export \* from "\.\/c\.js"/);
    assert.match(js, /import\("\.\/b\.js"\)/);
    assert.match(js, /new URL\("\.\/_internal\/worker\.js", import\.meta\.url\)/);
    assert.match(js, /import\.meta\.resolve\("\.\/c\.js"\)/);
    assert.doesNotMatch(js, /\.ts"/);
    assert.doesNotMatch(js, /\busing _r\b/);
    const dts = readFileSync(join(out, "lib/a.d.ts"), "utf8");
    assert.match(dts, /import type \{ Shape \} from "\.\/b\.js"/);
    assert.match(dts, /typeof import\("\.\/b\.js"\)/);
    assert.doesNotMatch(dts, /\.ts"/);
    assert.deepEqual(checkOutput(result.written, (f) => readFileSync(f, "utf8"), existsSync), []);

    // The output runs: `using` disposed at the block's end, assets resolve.
    writeFileSync(join(out, "package.json"), `{ "type": "module" }\n`);
    const mod = await import(pathToFileURL(join(out, "mod.js")).href);
    assert.equal(await mod.run(), "helped,disposed,helped,worker.js,c.js");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("the library build rejects Deno, Node-20-missing APIs and runtime globals", () => {
  const root = project({
    "mod.ts": `export * from "./lib/uses.ts";\n`,
    "lib/uses.ts": `
      export const home = Deno.env.get("HOME");
      export const pair = Promise.withResolvers<number>();
      export const pid = (globalThis as any).process?.pid;
    `,
    "lib/_internal/runtime.ts": `export const pid = (globalThis as any).process?.pid;\n`,
  });
  try {
    const roots = ["mod.ts", "lib/uses.ts", "lib/_internal/runtime.ts"].map((f) => join(root, f));
    const result = compileLibrary(root, roots, join(root, "out"));
    const found = messages(root, result.problems);
    assert.equal(found.length, 3, found.join("\n"));
    assert.match(found[0], /^lib\/uses\.ts: TS2304: Cannot find name 'Deno'/);
    assert.match(found[1], /^lib\/uses\.ts: TS2550: Property 'withResolvers' does not exist/);
    assert.match(found[2], /^lib\/uses\.ts: touches globalThis\.process: only lib\/_internal\//);
    assert.equal(existsSync(join(root, "out")), false, "nothing is emitted on error");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

Deno.test("test files: Deno becomes the shim import, the package name becomes mod.js", () => {
  const root = "/repo";
  const shim = "/repo/scripts/_build/deno_test_shim.js";
  const problems: BuildProblem[] = [];
  const out = transpileTestFile(
    root,
    "/repo/tests/x/a_test.ts",
    `import assert from "node:assert/strict";
     import { asyncio } from "@pyconc/pyconc";
     import { lines } from "../seeds/harness.ts";
     Deno.test("t", () => assert.ok(asyncio && lines));`,
    shim,
    problems,
  );
  assert.equal(problems.length, 0, JSON.stringify(problems));
  assert.match(out, /^import \{ Deno \} from "\.\.\/\.\.\/scripts\/_build\/deno_test_shim\.js";/);
  assert.match(out, /from "\.\.\/\.\.\/mod\.js"/);
  assert.match(out, /from "\.\.\/seeds\/harness\.js"/);
  assert.match(out, /from "node:assert\/strict"/);

  const declares = transpileTestFile(
    root,
    "/repo/scripts/_build/deno_test_shim.ts",
    `export const Deno = { test() {} };\nDeno.test();\n`,
    shim,
    problems,
  );
  assert.doesNotMatch(declares, /deno_test_shim\.js/);

  transpileTestFile(root, "/repo/tests/b_test.ts", `import "jsr:@std/assert";\n`, shim, problems);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /"jsr:@std\/assert" cannot be built for npm/);
});

Deno.test("rewriteSpecifier maps each kind of specifier", () => {
  const problems: BuildProblem[] = [];
  const rules = { root: "/r", allowBare: false, problems };
  const at = (spec: string, kind: "static" | "url" = "static") =>
    rewriteSpecifier(spec, "/r/lib/x/y.ts", rules, kind, 1);
  assert.equal(at("./z.ts"), "./z.js");
  assert.equal(at("../z.mts"), "../z.mjs");
  assert.equal(at("./types.d.ts"), "./types.d.ts");
  assert.equal(at("./data.json"), "./data.json");
  assert.equal(at("@pyconc/pyconc"), "../../mod.js");
  assert.equal(at("node:fs"), "node:fs");
  assert.equal(at("data:text/javascript,1", "url"), "data:text/javascript,1");
  assert.equal(problems.length, 0, JSON.stringify(problems));
  at("lodash");
  at("@pyconc/pyconc/lib/x.ts");
  assert.equal(problems.length, 2);
  assert.match(problems[0].message, /bare import but the npm package has no dependencies/);
  assert.match(problems[1].message, /one entry point/);
});

Deno.test("checkOutput reports .ts specifiers, missing files and using declarations", () => {
  const files: Record<string, string> = {
    "/o/a.js": [
      `import { b } from "./b.ts";`,
      `const w = new URL("./gone.js", import.meta.url);`,
      `const dir = new URL("./assets/", import.meta.url);`,
      `export function f() { using x = b(); return [w, dir, x]; }`,
      `export async function g() { await using y = b(); return y; }`,
    ].join("\n"),
    "/o/a.d.ts": `export declare const t: typeof import("./b.js");\n`,
    "/o/b.js": `export const b = () => ({ [Symbol.dispose]() {} });\n`,
  };
  const problems = checkOutput(Object.keys(files), (f) => files[f], (f) => f in files);
  assert.deepEqual(problems.map((p) => `${p.file}:${p.line}: ${p.message.split(" (")[0]}`), [
    `/o/a.js:1: specifier "./b.ts" still ends in .ts`,
    `/o/a.js:2: specifier "./gone.js" points at /o/gone.js, which is not in the build`,
    "/o/a.js:4: a `using` declaration was left in the output",
    "/o/a.js:5: a `using` declaration was left in the output",
    `/o/a.d.ts:1: specifier "./b.js" points at /o/b.d.ts, which is not in the build`,
  ]);
});
