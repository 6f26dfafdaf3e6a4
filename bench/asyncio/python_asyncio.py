"""CPython asyncio twin of bench/asyncio/workloads.ts (the `pyconc` functions).

Runs every workload `warmup + runs` times, each run in its own asyncio.run()
and timed inside main with time.perf_counter(), and prints
{"runtime", "subject", "results": {workload id: [ms, ...]}} as its last line.

    python3 bench/asyncio/python_asyncio.py --sizes='{"tasks": 100000, ...}' --runs=5 --warmup=1
"""

import asyncio
import json
import platform
import sys
import time

FULL = {
    "tasks": 100_000,
    "queue": 1_000_000,
    "lock": 1_000_000,
    "contendedTasks": 100,
    "contendedRounds": 1_000,
    "waiters": 10_000,
    "queueMaxsize": 100,
}


def check(label, got, want):
    if got != want:
        raise RuntimeError(f"{label}: computed {got}, expected {want}")


def triangle(n):
    return n * (n - 1) // 2


def timed(body):
    async def main():
        start = time.perf_counter()
        await body()
        return (time.perf_counter() - start) * 1000

    return lambda: asyncio.run(main())


def workloads(s):
    async def work(i):
        return i

    async def queue_run(maxsize):
        q = asyncio.Queue(maxsize)

        async def produce():
            for i in range(s["queue"]):
                await q.put(i)

        async def consume():
            total = 0
            for _ in range(s["queue"]):
                total += await q.get()
            return total

        producer = asyncio.create_task(produce())
        consumer = asyncio.create_task(consume())
        await producer
        check("queue", await consumer, triangle(s["queue"]))

    async def tasks():
        ts = [asyncio.create_task(work(i)) for i in range(s["tasks"])]
        total = 0
        for t in ts:
            total += await t
        check("tasks", total, triangle(s["tasks"]))

    async def queue_unbounded():
        await queue_run(0)

    async def queue_bounded():
        await queue_run(s["queueMaxsize"])

    async def lock_uncontended():
        lock = asyncio.Lock()
        for _ in range(s["lock"]):
            await lock.acquire()
            lock.release()

    async def lock_contended():
        lock = asyncio.Lock()
        count = 0

        async def worker():
            nonlocal count
            for _ in range(s["contendedRounds"]):
                await lock.acquire()
                await asyncio.sleep(0)
                count += 1
                lock.release()

        ts = [asyncio.create_task(worker()) for _ in range(s["contendedTasks"])]
        await asyncio.gather(*ts)
        check("lock", count, s["contendedTasks"] * s["contendedRounds"])

    async def event():
        ev = asyncio.Event()
        woken = 0

        async def waiter():
            nonlocal woken
            await ev.wait()
            woken += 1

        ts = [asyncio.create_task(waiter()) for _ in range(s["waiters"])]
        await asyncio.sleep(0)
        ev.set()
        await asyncio.gather(*ts)
        check("event", woken, s["waiters"])

    return {
        "tasks": timed(tasks),
        "queue_unbounded": timed(queue_unbounded),
        "queue_bounded": timed(queue_bounded),
        "lock_uncontended": timed(lock_uncontended),
        "lock_contended": timed(lock_contended),
        "event": timed(event),
    }


def arg(name, default=None):
    prefix = f"--{name}="
    for a in sys.argv[1:]:
        if a.startswith(prefix):
            return a[len(prefix):]
    return default


def main():
    sizes = {**FULL, **json.loads(arg("sizes", "{}"))}
    runs = int(arg("runs", "5"))
    warmup = int(arg("warmup", "1"))
    only = arg("only")
    only = only.split(",") if only else None
    runtime = f"python {platform.python_version()}"
    results = {}
    for wid, run in workloads(sizes).items():
        if only and wid not in only:
            continue
        times = [run() for _ in range(warmup + runs)][warmup:]
        results[wid] = times
        print(f"  {runtime} cpython-asyncio {wid}: {' '.join(f'{t:.1f}' for t in times)} ms",
              file=sys.stderr)
    print(json.dumps({"runtime": runtime, "subject": "cpython-asyncio", "results": results}))


if __name__ == "__main__":
    main()
