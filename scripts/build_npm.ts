/**
 * Builds the npm package `pyconc` into `npm/` (dnt's layout, without dnt:
 * JSR cannot be reached here).
 *
 *     npx deno run -A scripts/build_npm.ts           # build npm/
 *     npx deno run -A scripts/build_npm.ts --test    # build, then run the tests on Node
 *
 * 1. Type-checks mod.ts and everything under lib/ with TypeScript against
 *    ES2022 + DOM + the few newer globals Node 20 has (no `Deno`, no `process`);
 *    a type error fails the build. Outside lib/_internal/ the library may not
 *    touch runtime globals or `node:` built-ins.
 * 2. Emits ESM + `.d.ts` into `npm/esm/` (same layout as the sources), target
 *    ES2022 so `using` is downleveled, with every relative `.ts` specifier
 *    rewritten to `.js` (imports, `import()`, `new URL(…, import.meta.url)`).
 * 3. Checks the output: no `.ts` specifier, every relative specifier and asset
 *    URL resolves inside the build, no `using` left.
 * 4. Writes `npm/package.json` and copies README.md and LICENSE.
 * 5. With `--test`: transpiles tests/, examples/ and scripts/_build/ beside the
 *    library (as dnt does), runs every test file in its own Node process (2 at
 *    a time; `Deno.test` from @deno/shim-deno-test handed to `node:test`),
 *    prints one line per file and `PYCONC_NODE_RESULT passed=N failed=N …`,
 *    then removes the compiled tests so `npm pack` ships only the library.
 *
 * Options: `--test`, `--jobs=N` (test files at a time, default 2),
 * `--timeout=S` (seconds one test may take, default 120; a whole file may take
 * five times that before it is killed),
 * `--keep-tests` (leave compiled tests in npm/ for debugging), `--filter=TEXT`
 * (run only test files whose path contains TEXT).
 *
 * @module
 */

import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import process from "node:process";
import { fileURLToPath } from "node:url";
import {
  type BuildProblem,
  checkOutput,
  compileLibrary,
  formatProblems,
  transpileTestFile,
} from "./_build/compile.ts";
import type { TestRecord } from "./_build/node_reporter.ts";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const npmDir = join(root, "npm");
const esmDir = join(npmDir, "esm");
/** Where the test support (Deno.test shim, reporter, build helpers) lands. */
const supportDir = join(esmDir, "scripts", "_build");

interface Options {
  test: boolean;
  keepTests: boolean;
  jobs: number;
  /** Seconds one test may run before node:test fails it. */
  timeout: number;
  filter?: string;
}

function parseArgs(args: string[]): Options {
  const options: Options = { test: false, keepTests: false, jobs: 2, timeout: 120 };
  for (const arg of args) {
    if (arg === "--test") options.test = true;
    else if (arg === "--keep-tests") options.keepTests = true;
    else if (arg.startsWith("--jobs=")) {
      const jobs = Number(arg.slice("--jobs=".length));
      if (!Number.isInteger(jobs) || jobs < 1) {
        fail(`--jobs must be a whole number of at least 1: got ${JSON.stringify(arg)}`);
      }
      options.jobs = jobs;
    } else if (arg.startsWith("--timeout=")) {
      const timeout = Number(arg.slice("--timeout=".length));
      if (!(timeout > 0)) {
        fail(`--timeout must be a positive number of seconds: got ${JSON.stringify(arg)}`);
      }
      options.timeout = timeout;
    } else if (arg.startsWith("--filter=")) options.filter = arg.slice("--filter=".length);
    else {fail(
        `Unknown option ${
          JSON.stringify(arg)
        } (expected --test, --jobs=N, --timeout=S, --keep-tests, --filter=TEXT)`,
      );}
  }
  return options;
}

/** Ends the build with a message (after any cleanup in `finally` blocks). */
class BuildFailure extends Error {}

function fail(message: string): never {
  throw new BuildFailure(message);
}

function log(message: string): void {
  console.log(`build_npm: ${message}`);
}

/** Every file below `dir` (absolute paths, sorted), skipping dot-entries. */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

const isTs = (f: string) => /\.(m|c)?tsx?$/.test(f) && !/\.d\.(m|c)?ts$/.test(f);
const isTestFile = (f: string) => /(^|[/_.])test\.(m|c)?tsx?$/.test(f);
const toJs = (f: string) =>
  f.replace(
    /\.(m|c)?tsx?$/,
    (ext) => (ext.startsWith(".m") ? ".mjs" : ext.startsWith(".c") ? ".cjs" : ".js"),
  );
const outPath = (source: string) => join(esmDir, toJs(relative(root, source)));

function report(problems: BuildProblem[], what: string): void {
  if (problems.length === 0) return;
  console.error(formatProblems(root, problems));
  fail(`${what}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
}

// ---------------------------------------------------------------------------

function buildLibrary(): string[] {
  rmSync(npmDir, { recursive: true, force: true });
  mkdirSync(esmDir, { recursive: true });
  const roots = [join(root, "mod.ts"), ...walk(join(root, "lib")).filter(isTs)];
  const started = performance.now();
  const result = compileLibrary(root, roots, esmDir);
  report(result.problems, "the library does not build");
  const problems = checkOutput(result.written, (f) => readFileSync(f, "utf8"), existsSync);
  report(problems, "the built library is not valid for Node");
  log(
    `compiled ${roots.length} modules into npm/esm in ${
      ((performance.now() - started) / 1000).toFixed(1)
    }s`,
  );
  writePackageJson(result.sideEffectFiles);
  return result.written;
}

function writePackageJson(sideEffectFiles: string[]): void {
  const deno = JSON.parse(readFileSync(join(root, "deno.json"), "utf8"));
  if (typeof deno.version !== "string") fail('deno.json has no "version"');
  const sideEffects = sideEffectFiles.length === 0
    ? false
    : sideEffectFiles.map((f) => "./" + relative(npmDir, outPath(f))).sort();
  const pkg = {
    name: "pyconc",
    version: deno.version,
    description: description(),
    keywords: ["asyncio", "threading", "multiprocessing", "concurrency", "python", "workers"],
    license: deno.license ?? "MIT",
    type: "module",
    main: "./esm/mod.js",
    types: "./esm/mod.d.ts",
    exports: {
      ".": { types: "./esm/mod.d.ts", default: "./esm/mod.js" },
      "./package.json": "./package.json",
    },
    // process.getBuiltinModule, which the runtime adapter needs, came in 20.16.
    engines: { node: ">=20.16.0" },
    sideEffects,
    files: ["esm/", "README.md", "LICENSE"],
  };
  writeFileSync(join(npmDir, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
  copyFileSync(join(root, "README.md"), join(npmDir, "README.md"));
  copyFileSync(join(root, "LICENSE"), join(npmDir, "LICENSE"));
}

/** The first sentence of mod.ts's module doc, after "pyconc: ". */
function description(): string {
  const text = readFileSync(join(root, "mod.ts"), "utf8");
  const doc = /\/\*\*([\s\S]*?)\*\//.exec(text)?.[1] ?? "";
  const prose = doc.split("\n").map((l) => l.replace(/^\s*\* ?/, "")).join(" ");
  const first = /^\s*(?:pyconc:\s*)?(.+?\.)(\s|$)/.exec(prose)?.[1];
  if (!first) fail("mod.ts has no module doc to take the package description from");
  return first.charAt(0).toUpperCase() + first.slice(1);
}

// ---------------------------------------------------------------------------

interface CompiledTests {
  testFiles: string[];
}

function compileTests(options: Options): CompiledTests {
  const problems: BuildProblem[] = [];
  // The output mirrors the source layout, so the shim's path is given there.
  const shimPath = join(root, "scripts", "_build", "deno_test_shim.js");
  const written: string[] = [];
  const emit = (source: string, target: string) => {
    const text = transpileTestFile(root, source, readFileSync(source, "utf8"), shimPath, problems);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    written.push(target);
  };
  const testFiles: string[] = [];
  // scripts/_build/ holds the shim and the reporter, and tests/npm/ imports
  // the build helpers from it.
  for (const dir of ["tests", "examples", "scripts/_build"]) {
    for (const source of walk(join(root, dir))) {
      const target = outPath(source);
      if (isTs(source)) {
        emit(source, target);
        if (dir === "tests" && isTestFile(source)) {
          if (!options.filter || relative(root, source).includes(options.filter)) {
            testFiles.push(target);
          }
        }
      } else {
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(source, target);
      }
    }
  }
  report(problems, "the tests do not build");
  report(
    checkOutput(written, (f) => readFileSync(f, "utf8"), existsSync),
    "the built tests are not valid for Node",
  );
  return { testFiles };
}

function removeTests(): void {
  for (const dir of ["tests", "examples", "scripts"]) {
    rmSync(join(esmDir, dir), { recursive: true, force: true });
  }
}

let nodeVersion = "";

function checkNode(): void {
  const result = spawnSync("node", ["--version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    fail("cannot run `node` (Node ≥ 20.16 is needed for --test)");
  }
  nodeVersion = result.stdout.trim();
  const [major, minor] = result.stdout.trim().replace(/^v/, "").split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 16)) {
    fail(`Node ${result.stdout.trim()} is too old: the package needs Node ≥ 20.16`);
  }
}

/** What one test file did on Node. */
interface FileResult {
  file: string;
  passed: number;
  failed: number;
  ignored: number;
  seconds: number;
  code: number | null;
  timedOut: boolean;
  failures: TestRecord[];
  output: string;
}

const MAX_OUTPUT = 8000;

/** Runs one compiled test file under node:test, reading its events afterwards. */
function runFile(file: string, eventsFile: string, timeoutS: number): Promise<FileResult> {
  const started = performance.now();
  const fileTimeoutS = 5 * timeoutS;
  const args = [
    `--test-reporter=${join(supportDir, "node_reporter.js")}`,
    `--test-reporter-destination=${eventsFile}`,
    file,
  ];
  return new Promise((resolvePromise) => {
    const child = spawn("node", args, {
      cwd: npmDir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PYCONC_NODE_TEST_TIMEOUT_MS: String(timeoutS * 1000) },
    });
    let output = "";
    const collect = (chunk: Uint8Array) => {
      output += new TextDecoder().decode(chunk);
      if (output.length > 4 * MAX_OUTPUT) output = output.slice(-2 * MAX_OUTPUT);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, fileTimeoutS * 1000);
    const finish = (code: number | null) => {
      clearTimeout(timer);
      const result: FileResult = {
        file,
        passed: 0,
        failed: 0,
        ignored: 0,
        seconds: (performance.now() - started) / 1000,
        code,
        timedOut,
        failures: [],
        output,
      };
      const text = existsSync(eventsFile) ? readFileSync(eventsFile, "utf8") : "";
      for (const line of text.split("\n")) {
        if (!line.trim()) continue;
        let record: TestRecord;
        try {
          record = JSON.parse(line);
        } catch {
          continue; // a line cut short by a kill
        }
        if (record.t === "fail") result.failures.push(record);
        if (record.nesting !== 0) continue;
        if (record.skip) result.ignored++;
        else if (record.t === "pass") result.passed++;
        else result.failed++;
      }
      // A file that fails outside its tests (cannot load, leaks, crashes,
      // hangs) counts as one failure of its own.
      if ((code !== 0 || timedOut) && result.failed === 0) {
        result.failed++;
        result.failures.push({
          t: "fail",
          name: "(the test file itself)",
          nesting: 0,
          skip: false,
          ms: 0,
          error: timedOut
            ? `killed after ${fileTimeoutS}s without finishing`
            : `node exited with code ${code} outside any test (see its output below)`,
        });
      }
      resolvePromise(result);
    };
    child.on("error", (error) => {
      output += `cannot start node: ${error.message}\n`;
      finish(127);
    });
    child.on("close", (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

function printResult(r: FileResult): void {
  const name = relative(esmDir, r.file).replace(/\.js$/, ".ts");
  const status = r.failed > 0 ? "FAIL" : "ok  ";
  const ignored = r.ignored > 0 ? `, ${r.ignored} ignored` : "";
  console.log(
    `${status} ${name} (${r.passed} passed, ${r.failed} failed${ignored}) ${r.seconds.toFixed(1)}s`,
  );
  if (r.failed === 0) return;
  for (const f of r.failures) {
    const where = f.nesting > 0 ? ` (step)` : "";
    console.log(`     ✗ ${f.name}${where}`);
    if (f.error && f.error !== "a step failed") {
      console.log(f.error.split("\n").map((l) => `         ${l}`).join("\n"));
    }
  }
  const out = r.output.trimEnd();
  if (out) {
    const tail = out.length > MAX_OUTPUT ? "…" + out.slice(-MAX_OUTPUT) : out;
    console.log(`     output:\n${tail.split("\n").map((l) => `     | ${l}`).join("\n")}`);
  }
}

async function runNodeTests(testFiles: string[], options: Options): Promise<number> {
  const started = performance.now();
  log(`running ${testFiles.length} test files on Node ${nodeVersion} (${options.jobs} at a time)`);
  const eventsDir = mkdtempSync(join(tmpdir(), "pyconc-node-tests-"));
  const results: FileResult[] = [];
  try {
    let next = 0;
    const lane = async () => {
      while (next < testFiles.length) {
        const index = next++;
        const events = join(eventsDir, `${index}.jsonl`);
        const result = await runFile(testFiles[index], events, options.timeout);
        printResult(result);
        results.push(result);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.jobs, testFiles.length) }, lane));
  } finally {
    rmSync(eventsDir, { recursive: true, force: true });
  }
  const sum = (k: "passed" | "failed" | "ignored") => results.reduce((n, r) => n + r[k], 0);
  const [passed, failed, ignored] = [sum("passed"), sum("failed"), sum("ignored")];
  const failedFiles = results.filter((r) => r.failed > 0).map((r) => relative(esmDir, r.file));
  if (failedFiles.length > 0) console.log(`failed files: ${failedFiles.sort().join(" ")}`);
  console.log(
    `node: ${passed} passed, ${failed} failed, ${ignored} ignored (${results.length} files, ${
      ((performance.now() - started) / 1000).toFixed(1)
    }s)`,
  );
  console.log(
    `PYCONC_NODE_RESULT passed=${passed} failed=${failed} ignored=${ignored} files=${results.length}`,
  );
  return failed > 0 ? 1 : 0;
}

async function main(): Promise<void> {
  const options = parseArgs(Deno.args);
  const started = performance.now();
  buildLibrary();
  if (!options.test) {
    log(`built npm/ in ${((performance.now() - started) / 1000).toFixed(1)}s`);
    return;
  }
  checkNode();
  let code = 1;
  try {
    const { testFiles } = compileTests(options);
    if (testFiles.length === 0) {
      log("no test files");
      console.log("PYCONC_NODE_RESULT passed=0 failed=0 ignored=0 files=0");
      code = 0;
    } else {
      code = await runNodeTests(testFiles, options);
    }
  } finally {
    if (!options.keepTests) removeTests();
  }
  const leftover = walk(esmDir).filter((f) => statSync(f).isFile() && /_test\.js$/.test(f));
  if (!options.keepTests && leftover.length > 0) {
    fail(`compiled tests were left in npm/: ${leftover[0]}`);
  }
  log(
    `${code === 0 ? "Node tests passed" : "Node tests FAILED"} (${
      ((performance.now() - started) / 1000).toFixed(1)
    }s)`,
  );
  if (code !== 0) Deno.exit(code);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof BuildFailure)) throw error;
  console.error(`build_npm: ${error.message}`);
  Deno.exit(1);
}
