/**
 * Python's `repr()` of a string, for error messages that quote names the way
 * Python prints them (`[Errno 2] No such file or directory: 'nope'`).
 *
 * @module
 */

/** Python's repr of a string: single quotes unless the text holds one and no double quote. */
export function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of text) {
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else out += ch;
  }
  return quote + out + quote;
}
