// S2-17 — `ProcessPoolExecutor().map(is_prime, PRIMES)`: which of six large
// numbers are prime, computed in worker processes (seed 002, "ProcessPoolExecutor").
//
// Python original:
//
//   import concurrent.futures
//   import math
//   PRIMES = [
//       112272535095293,
//       112582705942171,
//       112272535095293,
//       115280095190773,
//       115797848077099,
//       1099726899285419]
//   def is_prime(n):
//       if n < 2:
//           return False
//       if n == 2:
//           return True
//       if n % 2 == 0:
//           return False
//       sqrt_n = int(math.floor(math.sqrt(n)))
//       for i in range(3, sqrt_n + 1, 2):
//           if n % i == 0:
//               return False
//       return True
//   def main():
//       with concurrent.futures.ProcessPoolExecutor() as executor:
//           for number, prime in zip(PRIMES, executor.map(is_prime, PRIMES)):
//               print('%d is prime: %s' % (number, prime))
//   if __name__ == '__main__':
//       main()
//
// Differences: every number is below 2**53, so a JavaScript number holds it
// exactly. `map` is an async iterator; booleans print as Python's True/False.

import { concurrent, multiprocessing } from "../mod.ts";

export const PRIMES = [
  112272535095293,
  112582705942171,
  112272535095293,
  115280095190773,
  115797848077099,
  1099726899285419,
];

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

async function main(): Promise<void> {
  await using executor = new concurrent.futures.ProcessPoolExecutor();
  let i = 0;
  for await (const prime of executor.map(isPrime, PRIMES)) {
    console.log(`${PRIMES[i++]} is prime: ${prime ? "True" : "False"}`);
  }
}

if (multiprocessing.isMain(import.meta)) {
  await main();
}
