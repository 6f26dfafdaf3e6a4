/**
 * Python's `repr()` for the values subprocess messages show (command lines).
 * @module
 */

import { reprString } from "../_internal/py_repr.ts";

export { reprString };

/** Python's repr of a command: a string, or a list of strings. */
export function reprArgs(args: string | readonly string[]): string {
  return typeof args === "string" ? reprString(args) : `[${args.map(reprString).join(", ")}]`;
}

/** Python's repr of captured output: `b'...'` for bytes, a quoted string for text, `None`. */
export function reprOutput(value: string | Uint8Array | null | undefined): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "string") return reprString(value);
  let out = "";
  for (const byte of value) {
    if (byte === 0x5c) out += "\\\\";
    else if (byte === 0x27) out += "\\'";
    else if (byte === 0x0a) out += "\\n";
    else if (byte === 0x0d) out += "\\r";
    else if (byte === 0x09) out += "\\t";
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += "\\x" + byte.toString(16).padStart(2, "0");
  }
  return `b'${out}'`;
}
