// S0-06 — `subprocess.call(["python", "-V"])` runs an external program and
// returns its exit code (seed 000, "外部子进程").
//
// Python original:
//
//   import subprocess
//   r = subprocess.call(["python", "-V"])
//   print("Exit code:", r)
//
// Output there:
//
//   Python 3.10.8
//   Exit code: 0
//
// Differences: the program called is the JavaScript runtime running this
// example (`deno --version` or `node --version`), the counterpart of
// `python -V`; its output goes straight to our standard output, as in Python.
// `subprocess.call` returns a promise of the exit code.

import process from "node:process";
import { subprocess } from "../mod.ts";

const r = await subprocess.call([process.execPath, "--version"]);
console.log("Exit code:", r);
