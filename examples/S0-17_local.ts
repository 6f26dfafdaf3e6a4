// S0-17 — `threading.local()`: a per-thread attribute; the main thread has none (seed 000, "local").
//
// Python original:
//
//   import threading
//   def func2():
//       print(threading.current_thread().name, local_data.params)
//   def func(num):
//       local_data.params = num
//       func2()
//   if __name__ == "__main__":
//       local_data = threading.local()
//       t1 = threading.Thread(target=func, args=(2,))
//       t2 = threading.Thread(target=func, args=(3,))
//       t1.start()
//       t2.start()
//       t1.join()
//       t2.join()
//       if hasattr(local_data, "params"):
//           print(local_data.params)
//       else:
//           print(f"{threading.current_thread().name} has no params attr")
//
// Differences: `local_data` is made at module level, so each worker that
// imports this module (each thread) has its own, which is what a local is.
// `hasattr(x, "params")` is `"params" in x`.

import { threading } from "../mod.ts";

const localData = new threading.local();

function func2(): void {
  console.log(threading.currentThread().name, localData.params);
}

export function func(num: number): void {
  localData.params = num;
  func2();
}

if (threading.isMain(import.meta)) {
  const t1 = new threading.Thread({ target: func, args: [2] });
  const t2 = new threading.Thread({ target: func, args: [3] });
  t1.start();
  t2.start();
  await t1.join();
  await t2.join();
  if ("params" in localData) {
    console.log(localData.params);
  } else {
    console.log(`${threading.currentThread().name} has no params attr`);
  }
}
