/**
 * What the workers of the workers benchmark run: the same loops for pyconc,
 * a raw `Atomics` mutex and the `multithreading` package's `Mutex`. Each
 * writes its own elapsed milliseconds into `out` so that worker start-up is
 * left out.
 *
 * @module
 */

import { threading } from "../../mod.ts";

// multithreading 0.3.52 reads `navigator` at load, which Node 20 lacks.
const multithreading = await import("multithreading").catch(() => undefined);

/** Whether the `multithreading` package loads on this runtime. */
export const hasMultithreading: boolean = multithreading !== undefined;

type Event = threading.Event;
type Lock = threading.Lock;
const { Lock } = threading;

/** This module's URL (the `module` option of the benchmark's threads). */
export const here: string = import.meta.url;

/** Sets `ready` (start → first result). */
export function ping(ready: Event): void {
  ready.set();
}

// ---------------------------------------------------------------------------
// A raw futex mutex on one word (Drepper's mutex 2): the floor for a lock.

function rawAcquire(word: Int32Array): void {
  let c = Atomics.compareExchange(word, 0, 0, 1);
  if (c === 0) return;
  if (c !== 2) c = Atomics.exchange(word, 0, 2);
  while (c !== 0) {
    Atomics.wait(word, 0, 2);
    c = Atomics.exchange(word, 0, 2);
  }
}

function rawRelease(word: Int32Array): void {
  if (Atomics.sub(word, 0, 1) !== 1) {
    Atomics.store(word, 0, 0);
    Atomics.notify(word, 0, 1);
  }
}

/** The lock subjects, by name. */
export type LockSubject = "pyconc" | "pyconc-using" | "raw-atomics" | "multithreading";

function lockLoop(
  subject: LockSubject,
  n: number,
  shared: SharedArrayBuffer | Lock,
  counter?: Int32Array,
): void {
  if (subject === "pyconc" || subject === "pyconc-using") {
    const lock = shared as Lock;
    if (subject === "pyconc") {
      for (let i = 0; i < n; i++) {
        lock.acquire();
        if (counter) counter[0]++;
        lock.release();
      }
    } else {
      for (let i = 0; i < n; i++) {
        using _ = lock.acquire();
        if (counter) counter[0]++;
      }
    }
  } else if (subject === "raw-atomics") {
    const word = new Int32Array(shared as SharedArrayBuffer);
    for (let i = 0; i < n; i++) {
      rawAcquire(word);
      if (counter) counter[0]++;
      rawRelease(word);
    }
  } else {
    if (!multithreading) throw new Error("the multithreading package does not load here");
    const mutex = new multithreading.Mutex(undefined, shared as SharedArrayBuffer);
    for (let i = 0; i < n; i++) {
      const guard = mutex.blockingLock();
      if (counter) counter[0]++;
      guard.dispose();
    }
  }
}

/** A fresh lock of `subject`'s kind (what is shared with the workers). */
export function makeLock(subject: LockSubject): SharedArrayBuffer | Lock {
  return subject.startsWith("pyconc") ? new Lock() : new SharedArrayBuffer(8);
}

/**
 * Waits for `go`, runs `n` acquire/release pairs (incrementing `counter`
 * under the lock when given) and writes its milliseconds to `out[slot]`.
 */
export function lockBench(
  subject: LockSubject,
  n: number,
  shared: SharedArrayBuffer | Lock,
  go: Event,
  out: Float64Array,
  slot: number,
  counter?: Int32Array,
): void {
  lockLoop(subject, Math.min(n, 1000), makeLock(subject), undefined); // warm-up
  go.wait();
  const t0 = performance.now();
  lockLoop(subject, n, shared, counter);
  out[slot] = performance.now() - t0;
}

/**
 * Event ping-pong between two workers: `rounds` times, side 0 sets `a` and
 * waits for `b`, side 1 waits for `a` and sets `b`. Writes milliseconds.
 */
export function eventPingPong(
  side: 0 | 1,
  rounds: number,
  a: Event,
  b: Event,
  go: Event,
  out: Float64Array,
): void {
  go.wait();
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) {
    if (side === 0) {
      a.set();
      b.wait();
      b.clear();
    } else {
      a.wait();
      a.clear();
      b.set();
    }
  }
  out[side] = performance.now() - t0;
}

/** The same ping-pong on raw words with `Atomics.wait`/`notify`. */
export function rawPingPong(
  side: 0 | 1,
  rounds: number,
  words: Int32Array,
  go: Event,
  out: Float64Array,
): void {
  go.wait();
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) {
    const mine = side, theirs = 1 - side;
    if (side === 0) {
      Atomics.store(words, theirs, 1);
      Atomics.notify(words, theirs);
      while (Atomics.load(words, mine) === 0) Atomics.wait(words, mine, 0);
      Atomics.store(words, mine, 0);
    } else {
      while (Atomics.load(words, mine) === 0) Atomics.wait(words, mine, 0);
      Atomics.store(words, mine, 0);
      Atomics.store(words, theirs, 1);
      Atomics.notify(words, theirs);
    }
  }
  out[side] = performance.now() - t0;
}
