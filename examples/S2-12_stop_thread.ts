// S2-12 — stop a thread from outside (seed 002, "2.8. 销毁子线程", 方法一). Kind: adapt.
//
// Python original:
//
//   def _async_raise(tid, exctype):
//       ...
//       res = ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, ctypes.py_object(exctype))
//       ...
//   def stop_thread(thread):
//       _async_raise(thread.ident, SystemExit)
//   def test_thread():
//       i = 0
//       while True:
//           print(i+1)
//           time.sleep(2)
//   if __name__ == "__main__":
//       t = threading.Thread(target=test_thread)
//       t.start()
//       stop_thread(t)
//
// Differences: there is no ctypes and no way to raise an exception inside
// another thread. A pyconc thread is a worker, and a worker can be stopped
// from outside: `terminate()` (a pyconc extension on Thread; Python has it on
// Process) stops it even inside `time.sleep`. Like the async exception it
// runs no cleanup code in the thread. The example lets the thread print twice
// before stopping it, so that the effect shows. For a cooperative stop, see S2-13.

import { threading, time } from "../mod.ts";

export function testThread(started: threading.Event): void {
  started.set();
  let i = 0;
  while (true) {
    console.log(i + 1);
    i += 1;
    time.sleep(2);
  }
}

if (threading.isMain(import.meta)) {
  const started = new threading.Event();
  const t = new threading.Thread({ target: testThread, args: [started] });
  t.start();
  await started.waitAsync();
  time.sleep(3);
  t.terminate(); // stop_thread(t)
  await t.join();
  console.log(`stopped: alive ${t.isAlive()}, exitcode ${t.exitcode}`);
}
