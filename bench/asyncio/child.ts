/**
 * Runs one subject's asyncio workloads in this process and prints
 * `{ runtime, subject, results: { <workload id>: [ms, …] } }` as its last line.
 * bench/asyncio/run.ts starts one such process per subject and runtime, so that
 * no subject pays for another's state (on Node, a single enabled
 * `AsyncLocalStorage` slows every promise in the process).
 *
 *     deno run -A bench/asyncio/child.ts --subject=pyconc --sizes='{…}' --runs=5 --warmup=1
 *     node bench/.cache/node/asyncio/child.js --subject=pyconc --pyconc=file:///…/npm/esm/mod.js …
 *
 * Subjects: `pyconc`, `pyconc-async-context-off` (run with `PYCONC_ASYNC_CONTEXT=off`), `raw-promises`, `raw-promises+AsyncLocalStorage`,
 * `async-mutex`, `async-channel`.
 *
 * @module
 */

import process from "node:process";
import { measure } from "../_lib/stats.ts";
import {
  asyncChannelWorkloads,
  asyncLocalStorageWorkloads,
  asyncMutexWorkloads,
  FULL,
  pyconcWorkloads,
  rawPromiseWorkloads,
  type Sizes,
  type SubjectWorkloads,
  WORKLOAD_IDS,
} from "./workloads.ts";

function arg(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

function runtimeLabel(): string {
  const versions = process.versions as Record<string, string | undefined>;
  return versions.deno ? `deno ${versions.deno}` : `node ${versions.node}`;
}

// deno-lint-ignore no-explicit-any
type AnyModule = any;

async function loadSubject(subject: string, sizes: Sizes): Promise<SubjectWorkloads> {
  switch (subject) {
    case "pyconc":
    case "pyconc-async-context-off": { // the parent sets PYCONC_ASYNC_CONTEXT=off for the latter
      const url = arg("pyconc") ?? new URL("../../mod.ts", import.meta.url).href;
      return pyconcWorkloads(await import(url), sizes);
    }
    case "raw-promises":
      return rawPromiseWorkloads(sizes);
    case "raw-promises+AsyncLocalStorage": {
      const hooks: AnyModule = await import("node:async_hooks");
      return asyncLocalStorageWorkloads(hooks.AsyncLocalStorage, sizes);
    }
    case "async-mutex": {
      const mod: AnyModule = await import("async-mutex");
      return asyncMutexWorkloads(mod.Mutex ?? mod.default.Mutex, sizes);
    }
    case "async-channel": {
      const mod: AnyModule = await import("async-channel");
      return asyncChannelWorkloads(mod.Channel ?? mod.default.Channel, sizes);
    }
    default:
      throw new Error(`Unknown subject ${JSON.stringify(subject)}`);
  }
}

const subject = arg("subject");
if (!subject) throw new Error("--subject=NAME is required");
const sizes: Sizes = { ...FULL, ...JSON.parse(arg("sizes") ?? "{}") };
const runs = Number(arg("runs") ?? 5);
const warmup = Number(arg("warmup") ?? 1);
const only = arg("only")?.split(",");

const workloads = await loadSubject(subject, sizes);
const results: Record<string, number[]> = {};
for (const id of WORKLOAD_IDS) {
  const workload = workloads[id];
  if (!workload || (only && !only.includes(id))) continue;
  results[id] = await measure(workload, { runs, warmup });
  process.stderr.write(
    `  ${runtimeLabel()} ${subject} ${id}: ${results[id].map((t) => t.toFixed(1)).join(" ")} ms\n`,
  );
}
console.log(JSON.stringify({ runtime: runtimeLabel(), subject, results }));
