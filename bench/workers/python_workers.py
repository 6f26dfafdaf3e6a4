"""CPython anchors for bench/workers: Process start (spawn) -> first result,
threading.Lock acquire/release, threading.Event ping-pong between threads.
Prints one JSON line: {"runtime": ..., "rows": [{workload, median_ms, runs_ms}]}."""
import json
import multiprocessing as mp
import platform
import statistics
import sys
import threading
import time


def ping(ev):
    ev.set()


def start_first_result(ctx, runs):
    times = []
    for _ in range(runs + 1):
        ev = ctx.Event()
        t0 = time.perf_counter()
        p = ctx.Process(target=ping, args=(ev,))
        p.start()
        ev.wait()
        times.append((time.perf_counter() - t0) * 1000)
        p.join()
    return times[1:]


def lock_uncontended(n, runs):
    times = []
    for _ in range(runs):
        lock = threading.Lock()
        t0 = time.perf_counter()
        for _ in range(n):
            lock.acquire()
            lock.release()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def event_ping_pong(rounds, runs):
    times = []
    for _ in range(runs):
        a, b = threading.Event(), threading.Event()

        def other():
            for _ in range(rounds):
                a.wait()
                a.clear()
                b.set()

        t = threading.Thread(target=other)
        t.start()
        t0 = time.perf_counter()
        for _ in range(rounds):
            a.set()
            b.wait()
            b.clear()
        times.append((time.perf_counter() - t0) * 1000)
        t.join()
    return times


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    runs = 3 if quick else 7
    n = 100_000 if quick else 1_000_000
    rounds = 1000 if quick else 10_000
    ctx = mp.get_context("spawn")
    rows = []
    for workload, values in [
        ("start → first result", start_first_result(ctx, runs)),
        (f"Lock uncontended: {n} acquire+release", lock_uncontended(n, runs)),
        (f"Event wake-up: {rounds} ping-pong round trips", event_ping_pong(rounds, runs)),
    ]:
        rows.append({"workload": workload, "median_ms": statistics.median(values), "runs_ms": values})
    print(json.dumps({"runtime": f"python {platform.python_version()}", "rows": rows}))
