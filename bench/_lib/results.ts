/**
 * Results of a benchmark suite: the JSON file in bench/results/ and the
 * markdown table of ratios in README.md (between `<!-- bench:SUITE -->` markers).
 *
 * @module
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { spawnSync } from "node:child_process";

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
  return `${
    ratio >= 10 ? ratio.toFixed(0) : ratio >= 1 ? ratio.toFixed(1) : ratio.toPrecision(2)
  }×`;
}

/**
 * A markdown table from a header row and body rows, columns padded the way
 * `deno fmt` pads them (cells are escaped for `|`).
 */
export function markdownTable(header: string[], body: string[][]): string {
  const rows = [header, ...body].map((row) => row.map((cell) => cell.replace(/\|/g, "\\|")));
  const widths = header.map((_, i) =>
    Math.max(3, ...rows.map((row) => [...(row[i] ?? "")].length))
  );
  const line = (row: string[]) =>
    `| ${
      widths.map((w, i) => (row[i] ?? "") + " ".repeat(w - [...(row[i] ?? "")].length)).join(" | ")
    } |`;
  return [
    line(rows[0]),
    `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`,
    ...rows.slice(1).map(line),
  ].join("\n");
}

/**
 * Formats markdown the way `deno fmt` formats README.md (line width 100), so
 * that a generated section passes `deno fmt --check`. Must run under Deno.
 */
export function formatMarkdown(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "pyconc-bench-"));
  try {
    const file = join(dir, "section.md");
    writeFileSync(file, text);
    const result = spawnSync(process.execPath, ["fmt", "--no-config", "--line-width=100", file]);
    if (result.status !== 0) throw new Error(`deno fmt failed: ${result.stderr}`);
    return readFileSync(file, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
