// The functions the pyconc pool benchmark ships to its workers.
import type { Queue } from "../../lib/multiprocessing/queues.ts";

export function add(a: number, b: number): number {
  return a + b;
}

export function square(x: number): number {
  return x * x;
}

export function isPrime(n: number): boolean {
  if (n < 2) return false;
  if (n === 2) return true;
  if (n % 2 === 0) return false;
  const sqrtN = Math.floor(Math.sqrt(n));
  for (let i = 3; i <= sqrtN; i += 2) {
    if (n % i === 0) return false;
  }
  return true;
}

/** Puts 0..n-1 on the queue. */
export function produce(q: Queue<number>, n: number): number {
  for (let i = 0; i < n; i++) q.put(i);
  return n;
}
