// S0-13 — `threading.Event`: 3 threads wait; main reads `input()` until "true", then `set()` (seed 000, "线程事件").
//
// Python original:
//
//   import threading
//   def func(event):
//       print(f"{threading.current_thread().name} start")
//       event.wait()
//       print(f"{threading.current_thread().name} execute")
//   if __name__ == "__main__":
//       evt = threading.Event()
//       evt.clear()
//       for i in range(3):
//           t = threading.Thread(target=func, args=(evt,))
//           t.start()
//       input_str = ""
//       while True:
//           input_str = input("input:") + "\n"
//           if input_str.strip() == "true":
//               evt.set()
//               break
//
// Differences: `input()` is a small helper over `node:readline` that awaits a
// line instead of blocking the main thread. When standard input is not a
// terminal the helper writes the line after the prompt, as a terminal's echo
// would (the documented output shows `input:true`). At end of input it raises
// Python's `EOFError`, after setting the event so the threads can finish.

import process from "node:process";
import { createInterface } from "node:readline";
import { threading } from "../mod.ts";

export function func(event: threading.Event): void {
  console.log(`${threading.currentThread().name} start`);
  event.wait();
  console.log(`${threading.currentThread().name} execute`);
}

// Made on first use: the workers import this module too, and must not read stdin.
let lines: AsyncIterator<string> | undefined;

/** Python's `input(prompt)`: the next line of standard input, without its newline. */
async function input(prompt: string): Promise<string> {
  lines ??= createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const echo = !process.stdin.isTTY;
  if (!echo) process.stdout.write(prompt);
  const next = await lines.next();
  if (next.done) {
    if (echo) process.stdout.write(prompt + "\n");
    const error = new Error("EOF when reading a line");
    error.name = "EOFError";
    throw error;
  }
  if (echo) process.stdout.write(`${prompt}${next.value}\n`);
  return next.value;
}

if (threading.isMain(import.meta)) {
  const evt = new threading.Event();
  evt.clear();
  for (let i = 0; i < 3; i++) {
    const t = new threading.Thread({ target: func, args: [evt] });
    t.start();
  }
  let inputStr = "";
  try {
    while (true) {
      inputStr = (await input("input:")) + "\n";
      if (inputStr.trim() === "true") {
        evt.set();
        break;
      }
    }
  } catch (error) {
    evt.set(); // let the waiting threads end
    throw error;
  } finally {
    await lines?.return?.();
  }
}
