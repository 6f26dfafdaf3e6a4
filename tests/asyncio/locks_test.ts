// Translated from CPython Lib/test/test_asyncio/test_locks.py.
import assert from "node:assert/strict";
import * as asyncio from "../../lib/asyncio/mod.ts";
import { BrokenBarrierError, CancelledError } from "../../lib/exceptions.ts";

const tick = async (n = 1) => {
  for (let i = 0; i < n; i++) await asyncio.sleep(0);
};

Deno.test("Lock: repr, acquire, release, locked", async () => {
  await asyncio.run(async () => {
    const lock = new asyncio.Lock();
    assert.equal(String(lock), "<Lock [unlocked]>");
    const permit = await lock.acquire();
    assert.ok(permit);
    assert.equal(lock.locked(), true);
    assert.equal(String(lock), "<Lock [locked]>");
    const waiter = asyncio.createTask(() => lock.acquire());
    await tick();
    assert.equal(String(lock), "<Lock [locked, waiters:1]>");
    lock.release();
    await waiter;
    assert.equal(lock.locked(), true);
    lock.release();
    assert.equal(lock.locked(), false);
    assert.throws(() => lock.release(), /Lock is not acquired/);
  });
});

Deno.test("Lock: waiters acquire in FIFO order", async () => {
  await asyncio.run(async () => {
    const lock = new asyncio.Lock();
    const order: number[] = [];
    await lock.acquire();
    const tasks = [1, 2, 3].map((i) =>
      asyncio.createTask(async () => {
        await lock.acquire();
        order.push(i);
        await asyncio.sleep(0);
        lock.release();
      })
    );
    await tick();
    lock.release();
    await asyncio.gather(...tasks);
    assert.deepEqual(order, [1, 2, 3]);
  });
});

Deno.test("Lock: await using releases on every exit path", async () => {
  await asyncio.run(async () => {
    const lock = new asyncio.Lock();
    {
      await using _ = await lock.acquire();
      assert.equal(lock.locked(), true);
    }
    assert.equal(lock.locked(), false);
    await assert.rejects(async () => {
      using _ = await lock.acquire();
      throw new RangeError("inside");
    }, RangeError);
    assert.equal(lock.locked(), false);
  });
});

Deno.test("Lock: a cancelled acquire leaves no lock held and no waiter", async () => {
  await asyncio.run(async () => {
    const lock = new asyncio.Lock();
    await lock.acquire();
    const task = asyncio.createTask(() => lock.acquire());
    await tick();
    task.cancel();
    await assert.rejects(async () => await task, CancelledError);
    assert.equal(String(lock), "<Lock [locked]>");
    lock.release();
    assert.equal(lock.locked(), false);
  });
});

Deno.test("Lock: a woken waiter cancelled before it runs passes the lock on", async () => {
  await asyncio.run(async () => {
    const lock = new asyncio.Lock();
    await lock.acquire();
    const got: string[] = [];
    const ta = asyncio.createTask(async () => {
      await lock.acquire();
      got.push("a");
    });
    const tb = asyncio.createTask(async () => {
      await lock.acquire();
      got.push("b");
      lock.release();
    });
    await tick();
    lock.release(); // wakes ta
    ta.cancel(); // ...which is cancelled before it runs
    await assert.rejects(async () => await ta, CancelledError);
    await tb;
    assert.deepEqual(got, ["b"]);
    assert.equal(lock.locked(), false);
  });
});

Deno.test("Lock: a newcomer does not overtake a woken waiter", async () => {
  await asyncio.run(async () => {
    const lock = new asyncio.Lock();
    await lock.acquire();
    const order: string[] = [];
    const waiter = asyncio.createTask(async () => {
      await lock.acquire();
      order.push("waiter");
      lock.release();
    });
    await tick();
    lock.release();
    const newcomer = asyncio.createTask(async () => {
      await lock.acquire();
      order.push("newcomer");
      lock.release();
    });
    await asyncio.gather(waiter, newcomer);
    assert.deepEqual(order, ["waiter", "newcomer"]);
  });
});

Deno.test("Event: wait, set wakes every waiter, clear, repr", async () => {
  await asyncio.run(async () => {
    const ev = new asyncio.Event();
    assert.equal(String(ev), "<Event [unset]>");
    assert.equal(ev.isSet(), false);
    const results: number[] = [];
    const tasks = [1, 2, 3].map((i) =>
      asyncio.createTask(async () => {
        if (await ev.wait()) results.push(i);
      })
    );
    await tick();
    assert.equal(String(ev), "<Event [unset, waiters:3]>");
    assert.deepEqual(results, []);
    ev.set();
    assert.equal(ev.isSet(), true);
    await asyncio.gather(...tasks);
    assert.deepEqual(results, [1, 2, 3]);
    assert.equal(await ev.wait(), true);
    ev.clear();
    assert.equal(ev.isSet(), false);
    assert.equal(String(ev), "<Event [unset]>");
  });
});

Deno.test("Event: a cancelled wait leaves no waiter; set, then clear before wake still wakes", async () => {
  await asyncio.run(async () => {
    const ev = new asyncio.Event();
    const w = asyncio.createTask(() => ev.wait());
    await tick();
    w.cancel();
    await assert.rejects(async () => await w, CancelledError);
    assert.equal(String(ev), "<Event [unset]>");
    const w2 = asyncio.createTask(() => ev.wait());
    await tick();
    ev.set();
    ev.clear();
    assert.equal(await w2, true);
  });
});

Deno.test("Condition: wait, notify one at a time, notifyAll", async () => {
  await asyncio.run(async () => {
    const cond = new asyncio.Condition();
    const result: number[] = [];
    const waiter = (i: number) => async () => {
      await cond.acquire();
      if (await cond.wait()) result.push(i);
      cond.release();
    };
    const tasks = [1, 2, 3].map((i) => asyncio.createTask(waiter(i)));
    await tick();
    assert.deepEqual(result, []);
    assert.equal(cond.locked(), false);
    assert.equal(String(cond), "<Condition [unlocked, waiters:3]>");
    await cond.acquire();
    cond.notify();
    cond.release();
    await tick(3);
    assert.deepEqual(result, [1]);
    await cond.acquire();
    cond.notify(2);
    cond.release();
    await asyncio.gather(...tasks);
    assert.deepEqual(result, [1, 2, 3]);
    const more = [4, 5].map((i) => asyncio.createTask(waiter(i)));
    await tick();
    await cond.acquire();
    cond.notifyAll();
    cond.release();
    await asyncio.gather(...more);
    assert.deepEqual(result, [1, 2, 3, 4, 5]);
  });
});

Deno.test("Condition: waitFor re-checks the predicate", async () => {
  await asyncio.run(async () => {
    const cond = new asyncio.Condition();
    let presult = false;
    let calls = 0;
    const predicate = () => (calls++, presult);
    const task = asyncio.createTask(async () => {
      await using _ = await cond.acquire();
      return await cond.waitFor(predicate);
    });
    await tick();
    await cond.acquire();
    cond.notify();
    cond.release();
    await tick(3);
    assert.equal(task.done(), false);
    presult = true;
    await cond.acquire();
    cond.notify();
    cond.release();
    assert.equal(await task, true);
    assert.equal(calls, 3);
  });
});

Deno.test("Condition: a cancelled wait re-acquires the lock", async () => {
  await asyncio.run(async () => {
    const cond = new asyncio.Condition();
    let lockedAfter = false;
    const task = asyncio.createTask(async () => {
      await cond.acquire();
      try {
        await cond.wait();
      } finally {
        lockedAfter = cond.locked();
        cond.release();
      }
    });
    await tick();
    task.cancel();
    await assert.rejects(async () => await task, CancelledError);
    assert.equal(lockedAfter, true);
    assert.equal(cond.locked(), false);
  });
});

Deno.test("Condition: a waiter cancelled after notify passes the wake-up on", async () => {
  await asyncio.run(async () => {
    const cond = new asyncio.Condition();
    const woke: string[] = [];
    const make = (name: string) =>
      asyncio.createTask(async () => {
        await using _ = await cond.acquire();
        await cond.wait();
        woke.push(name);
      });
    const a = make("a");
    const b = make("b");
    await tick();
    await cond.acquire();
    cond.notify(1); // a is chosen...
    a.cancel(); // ...but cancelled
    cond.release();
    await assert.rejects(async () => await a, CancelledError);
    await b;
    assert.deepEqual(woke, ["b"]);
  });
});

Deno.test("Condition: wait / notify without the lock raise; shared lock", async () => {
  await asyncio.run(async () => {
    const cond = new asyncio.Condition();
    await assert.rejects(() => cond.wait(), /un-acquired lock/);
    assert.throws(() => cond.notify(), /un-acquired lock/);
    assert.throws(() => cond.notifyAll(), /un-acquired lock/);
    const lock = new asyncio.Lock();
    const c2 = new asyncio.Condition(lock);
    await lock.acquire();
    assert.equal(c2.locked(), true);
    c2.release();
    assert.equal(lock.locked(), false);
    assert.throws(() => new asyncio.Condition({} as never), TypeError);
  });
});

Deno.test("Semaphore: value, FIFO waiters, repr, bad value", async () => {
  await asyncio.run(async () => {
    assert.throws(
      () => new asyncio.Semaphore(-1),
      /must be an integer of at least 0: current value is -1/,
    );
    const sem = new asyncio.Semaphore(2);
    assert.equal(String(sem), "<Semaphore [unlocked, value:2]>");
    await sem.acquire();
    await sem.acquire();
    assert.equal(sem.locked(), true);
    assert.equal(String(sem), "<Semaphore [locked]>");
    const order: number[] = [];
    const tasks = [1, 2, 3].map((i) =>
      asyncio.createTask(async () => {
        await sem.acquire();
        order.push(i);
      })
    );
    await tick();
    assert.equal(String(sem), "<Semaphore [locked, waiters:3]>");
    sem.release();
    sem.release();
    await tick(2);
    assert.deepEqual(order, [1, 2]);
    sem.release();
    await asyncio.gather(...tasks);
    assert.deepEqual(order, [1, 2, 3]);
  });
});

Deno.test("Semaphore: a cancelled acquire loses no permit", async () => {
  await asyncio.run(async () => {
    const sem = new asyncio.Semaphore(0);
    const a = asyncio.createTask(() => sem.acquire());
    const b = asyncio.createTask(() => sem.acquire());
    await tick();
    sem.release(); // wakes a
    a.cancel(); // a gives its permit back to b
    await assert.rejects(async () => await a, CancelledError);
    await b;
    assert.equal(sem.locked(), true);
    sem.release();
    assert.equal(sem.locked(), false);
  });
});

Deno.test("Semaphore: await using limits concurrency", async () => {
  await asyncio.run(async () => {
    const sem = new asyncio.Semaphore(2);
    let running = 0;
    let peak = 0;
    const job = async () => {
      await using _ = await sem.acquire();
      peak = Math.max(peak, ++running);
      await asyncio.sleep(0.002);
      running--;
    };
    await asyncio.gather(job, job, job, job, job);
    assert.equal(peak, 2);
    assert.equal(String(sem), "<Semaphore [unlocked, value:2]>");
  });
});

Deno.test("BoundedSemaphore: over-release raises", async () => {
  await asyncio.run(async () => {
    const sem = new asyncio.BoundedSemaphore(1);
    await sem.acquire();
    sem.release();
    assert.throws(() => sem.release(), /released too many times/);
    assert.equal(String(sem), "<BoundedSemaphore [unlocked, value:1]>");
  });
});

Deno.test("Barrier: all pass together, indices distinct, repr", async () => {
  await asyncio.run(async () => {
    assert.throws(() => new asyncio.Barrier(0), RangeError);
    const barrier = new asyncio.Barrier(3);
    assert.equal(barrier.parties, 3);
    assert.equal(String(barrier), "<Barrier [filling, waiters:0/3]>");
    const passed: number[] = [];
    const start = (i: number) =>
      asyncio.createTask(async () => {
        const index = await barrier.wait();
        passed.push(i);
        return index;
      });
    const tasks = [start(0), start(1)];
    await tick(2);
    assert.equal(barrier.nWaiting, 2);
    assert.equal(String(barrier), "<Barrier [filling, waiters:2/3]>");
    assert.deepEqual(passed, []);
    tasks.push(start(2));
    const indices = await asyncio.gather(...tasks);
    assert.deepEqual([...indices].sort(), [0, 1, 2]);
    assert.equal(passed.length, 3);
    assert.equal(barrier.nWaiting, 0);
    assert.equal(barrier.broken, false);
    // Reusable.
    const again = await asyncio.gather(
      () => barrier.wait(),
      () => barrier.wait(),
      () => barrier.wait(),
    );
    assert.deepEqual([...again].sort(), [0, 1, 2]);
  });
});

Deno.test("Barrier: abort breaks current and future waits", async () => {
  await asyncio.run(async () => {
    const barrier = new asyncio.Barrier(3);
    const waiting = asyncio.createTask(() => barrier.wait());
    await tick(2);
    await barrier.abort();
    await assert.rejects(async () => await waiting, BrokenBarrierError);
    assert.equal(barrier.broken, true);
    await assert.rejects(() => barrier.wait(), BrokenBarrierError);
    assert.equal(String(barrier), "<Barrier [broken]>");
  });
});

Deno.test("Barrier: reset breaks the waiting tasks and makes it usable again", async () => {
  await asyncio.run(async () => {
    const barrier = new asyncio.Barrier(2);
    const waiting = asyncio.createTask(() => barrier.wait());
    await tick(2);
    await barrier.reset();
    await assert.rejects(async () => await waiting, BrokenBarrierError);
    assert.equal(barrier.broken, false);
    const indices = await asyncio.gather(() => barrier.wait(), () => barrier.wait());
    assert.deepEqual([...indices].sort(), [0, 1]);
  });
});
