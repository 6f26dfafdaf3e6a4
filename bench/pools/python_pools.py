"""The CPython anchors of bench/pools: multiprocessing.Pool,
concurrent.futures.ProcessPoolExecutor and multiprocessing.Queue, with the
same workloads and 2 workers. Prints {"runs_ms": [...]} on its last line.

    python3 bench/pools/python_pools.py <subject> <workload> <n> <runs> <warmup>
"""
import json
import math
import sys
import time
from concurrent.futures import ProcessPoolExecutor, wait
from multiprocessing import Pool, Process, Queue

WORKERS = 2
PRIMES = [112272535095293, 112582705942171, 112272535095293,
          115280095190773, 115797848077099, 1099726899285419]
BATCH = [PRIMES[i % 5] for i in range(64)]


def add(a, b):
    return a + b


def square(x):
    return x * x


def is_prime(n):
    if n < 2:
        return False
    if n == 2:
        return True
    if n % 2 == 0:
        return False
    sqrt_n = int(math.floor(math.sqrt(n)))
    for i in range(3, sqrt_n + 1, 2):
        if n % i == 0:
            return False
    return True


def produce(q, n):
    for i in range(n):
        q.put(i)


def measure(once, runs, warmup):
    times = []
    for i in range(warmup + runs):
        t = time.perf_counter()
        own = once()
        elapsed = own if own is not None else (time.perf_counter() - t) * 1000
        if i >= warmup:
            times.append(elapsed)
    return times


def main():
    subject, workload, n, runs, warmup = sys.argv[1:6]
    n, runs, warmup = int(n), int(runs), int(warmup)
    batch = PRIMES if workload == "primes" else BATCH
    if workload == "calls" and subject == "cpython ProcessPoolExecutor.submit":
        with ProcessPoolExecutor(WORKERS) as ex:
            wait([ex.submit(add, 1, 1) for _ in range(WORKERS)])
            times = measure(lambda: wait([ex.submit(add, i, 1) for i in range(n)]) and None,
                            runs, warmup)
    elif workload == "calls" and subject == "cpython Pool.apply_async":
        with Pool(WORKERS) as pool:
            pool.map(add, [1, 2]) if False else pool.apply(add, (1, 1))
            times = measure(lambda: [r.get() for r in
                                     [pool.apply_async(add, (i, 1)) for i in range(n)]] and None,
                            runs, warmup)
    elif workload == "map" and subject == "cpython Pool.map":
        with Pool(WORKERS) as pool:
            pool.map(square, range(4))
            items = list(range(n))
            times = measure(lambda: pool.map(square, items) and None, runs, warmup)
    elif workload in ("primes", "batch64") and subject == "cpython sequential":
        times = measure(lambda: [is_prime(x) for x in batch] and None, runs, warmup)
    elif workload in ("primes", "batch64") and subject == "cpython ProcessPoolExecutor":
        with ProcessPoolExecutor(WORKERS) as ex:
            list(ex.map(is_prime, [3, 5]))
            times = measure(lambda: list(ex.map(is_prime, batch)) and None, runs, warmup)
    elif workload == "queue" and subject == "cpython multiprocessing.Queue":
        def once():
            q = Queue()
            p = Process(target=produce, args=(q, n))
            p.start()
            time.sleep(0.2)  # leave the process start-up out, as the JS subjects do
            t = time.perf_counter()
            total = 0
            for _ in range(n):
                total += q.get()
            elapsed = (time.perf_counter() - t) * 1000
            p.join()
            assert total == n * (n - 1) // 2
            return elapsed
        times = measure(once, runs, warmup)
    else:
        raise SystemExit(f"unknown subject/workload {subject} {workload}")
    print(json.dumps({"runs_ms": times}))


if __name__ == "__main__":
    main()
