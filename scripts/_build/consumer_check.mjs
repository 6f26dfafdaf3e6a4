// Run by scripts/check_pack.sh inside an empty Node project that installed the
// packed tarball: the package imports by name, its entry exports what its
// .d.ts declares, and a worker started from node_modules/pyconc runs calls
// (by exported name from this module, Python's spawn, and as shipped source).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// By name, as a user would; not a static import, because `deno check scripts/`
// would try to resolve "pyconc", which exists only in the consumer project.
const packageName = "pyconc";
const pyconc = await import(packageName);

/** A worker target, found by its exported name. */
export function square(x) {
  return x * x;
}

/** A target that raises, to see the error class come back. */
export function fail(message) {
  throw new RangeError(message);
}

if (pyconc.threading.isMain(import.meta)) {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve("pyconc/package.json");
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8"));
  assert.equal(pkg.name, "pyconc");
  for (const name of ["asyncio", "threading", "concurrent", "ExceptionGroup", "TimeoutError"]) {
    assert.notEqual(pyconc[name], undefined, `pyconc exports ${name}`);
  }

  const executor = new pyconc.concurrent.futures.ThreadPoolExecutor(2);
  try {
    assert.equal(await executor.submit(square, 12).result(), 144);
    assert.equal(await executor.submit((a, b) => a + b, 20, 22).result(), 42);
    await assert.rejects(executor.submit(fail, "bad input").result(), (error) => {
      assert.ok(error instanceof RangeError, `a RangeError comes back: ${error}`);
      assert.match(error.message, /bad input/);
      return true;
    });
  } finally {
    await executor.shutdown(true);
  }

  const value = await pyconc.asyncio.run(async () => {
    await pyconc.asyncio.sleep(0.01);
    return "done";
  });
  assert.equal(value, "done");
  console.log(`consumer check passed: pyconc ${pkg.version} on Node ${process.version}`);
}
