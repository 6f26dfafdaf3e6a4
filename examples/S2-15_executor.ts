// S2-15 — the `Executor` interface: `submit(fn, *args)` returns a Future;
// `map(fn, *iterables, timeout=None, chunksize=1)` yields results in order;
// `with` shuts the executor down (seed 002, "Executor 对象").
//
// Python (the interface the seed describes, as in Python's documentation):
//
//   from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
//   def power(base, exp):
//       return base ** exp
//   if __name__ == "__main__":
//       with ThreadPoolExecutor(max_workers=1) as executor:
//           future = executor.submit(power, 2, 10)
//           print(future.result())
//       with ProcessPoolExecutor(max_workers=2) as executor:
//           for result in executor.map(power, [2, 3, 4], [5, 2, 3], timeout=60, chunksize=2):
//               print(result)
//
// Differences: `result()` returns a promise; `map` returns an async iterator
// (`for await`), its keyword arguments a trailing options object; `with`
// becomes `await using`. `power` is exported so the workers import it.

import { concurrent, multiprocessing } from "../mod.ts";

export function power(base: number, exp: number): number {
  return base ** exp;
}

if (multiprocessing.isMain(import.meta)) {
  {
    await using executor = new concurrent.futures.ThreadPoolExecutor({ maxWorkers: 1 });
    const future = executor.submit(power, 2, 10);
    console.log(await future.result());
  }
  {
    await using executor = new concurrent.futures.ProcessPoolExecutor({ maxWorkers: 2 });
    for await (
      const result of executor.map(power, [2, 3, 4], [5, 2, 3], { timeout: 60, chunksize: 2 })
    ) {
      console.log(result);
    }
  }
}
