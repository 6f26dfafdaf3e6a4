/**
 * Results of a benchmark suite: the JSON file in bench/results/ and the
 * markdown table of ratios in README.md (between `<!-- bench:SUITE -->` markers).
 *
 * @module
 */

import { readFileSync, writeFileSync } from "node:fs";

/** One measured cell: a workload, run by a subject on a runtime. */
export interface Row {
  /** What was run, e.g. "tasks: 100k create + await". */
  workload: string;
  /** `pyconc` for ours, else the anchor's name (`cpython-asyncio`, `async-mutex`, …). */
  subject: string;
  /** Where it ran: `deno 2.9.6`, `node 20.20.2`, `python 3.11.7`. */
  runtime: string;
  /** Median wall time in milliseconds. */
  median_ms: number;
  /** Every measured run, in milliseconds. */
  runs_ms?: number[];
}

/** What a suite writes to `bench/results/<suite>.json`. */
export interface SuiteResults {
  suite: string;
  date: string;
  rows: Row[];
  [extra: string]: unknown;
}

/** Writes `results` as pretty JSON to `path`. */
export function writeResults(path: string | URL, results: SuiteResults): void {
  writeFileSync(path, JSON.stringify(results, null, 2) + "\n");
}

/** Formats milliseconds for a table: 3 significant digits. */
export function formatMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toPrecision(2);
}

/** Formats a speed ratio (anchor time / our time): `12.3×`, `0.42×`. */
export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio >= 1 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

/** A markdown table from a header row and body rows (cells are escaped for `|`). */
export function markdownTable(header: string[], body: string[][]): string {
  const esc = (cell: string) => cell.replace(/\|/g, "\\|");
  return [
    `| ${header.map(esc).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...body.map((row) => `| ${row.map(esc).join(" | ")} |`),
  ].join("\n");
}

/**
 * Replaces what stands between `<!-- MARK -->` and `<!-- /MARK -->` in the
 * file at `path` with `content`. Fails if the markers are missing.
 */
export function replaceSection(path: string | URL, mark: string, content: string): void {
  const text = readFileSync(path, "utf8");
  const open = `<!-- ${mark} -->`;
  const close = `<!-- /${mark} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`${String(path)} has no ${open} … ${close} section`);
  }
  const updated = text.slice(0, start + open.length) + "\n\n" + content.trim() + "\n\n" +
    text.slice(end);
  writeFileSync(path, updated);
}
