// S0-18 — a generator used as a coroutine: the producer `send`s values into a
// consumer and reads what it yields back, then `close`s it (seed 000, "协程").
//
// Python original:
//
//   def consumer():
//       r = ""
//       while True:
//           n = yield r
//           if not n:
//               return
//           print(f"[CONSUMER] Consuming {n} ")
//           r = "200 OK"
//   def producer(c):
//       c.send(None)
//       n = 0
//       while n < 3:
//           n = n + 1
//           print(f"[PRODUCER] Producing {n}")
//           r = c.send(n)
//           print(f"[PRODUCER] Consumer return: {r}")
//       c.close()
//   c = consumer()
//   producer(c)
//
// Differences: none in behaviour. JavaScript generators are the same
// coroutines: `c.send(x)` is `c.next(x).value`, priming with `send(None)` is a
// first `next()`, and `close()` is `return()`.

function* consumer(): Generator<string, void, number | undefined> {
  let r = "";
  while (true) {
    const n = yield r;
    if (!n) {
      return;
    }
    console.log(`[CONSUMER] Consuming ${n} `);
    r = "200 OK";
  }
}

function producer(c: Generator<string, void, number | undefined>): void {
  c.next(); // c.send(None)
  let n = 0;
  while (n < 3) {
    n = n + 1;
    console.log(`[PRODUCER] Producing ${n}`);
    const r = c.next(n).value;
    console.log(`[PRODUCER] Consumer return: ${r}`);
  }
  c.return(); // c.close()
}

const c = consumer();
producer(c);
