// deno-lint-ignore-file require-await -- coroutine functions stand for Python coroutines that need not await
// Translated from CPython Lib/test/test_asyncio/test_timeouts.py.
import assert from "node:assert/strict";
import * as asyncio from "../../lib/asyncio/mod.ts";
import { CancelledError, TimeoutError } from "../../lib/exceptions.ts";

Deno.test("timeout: the body is cancelled and TimeoutError raised; expired() is true", async () => {
  await asyncio.run(async () => {
    let cm: asyncio.Timeout | undefined;
    const t0 = asyncio.getRunningLoop().time();
    await assert.rejects(
      () =>
        asyncio.timeout(0.01, async (c) => {
          cm = c;
          await asyncio.sleep(10);
        }),
      TimeoutError,
    );
    assert.equal(cm!.expired(), true);
    assert.ok(asyncio.getRunningLoop().time() - t0 < 5);
    assert.equal(asyncio.currentTask()!.cancelling(), 0);
  });
});

Deno.test("timeout: not expired when the body finishes in time; returns its value", async () => {
  await asyncio.run(async () => {
    const cm = asyncio.timeout(1);
    const value = await cm.run(async () => {
      await asyncio.sleep(0.005);
      return 7;
    });
    assert.equal(value, 7);
    assert.equal(cm.expired(), false);
    assert.ok(cm.when()! > asyncio.getRunningLoop().time());
  });
});

Deno.test("timeout(null) never expires; reschedule sets a deadline", async () => {
  await asyncio.run(async () => {
    const cm = asyncio.timeout(null);
    assert.equal(cm.when(), null);
    await assert.rejects(
      () =>
        cm.run(async () => {
          await asyncio.sleep(0.005);
          cm.reschedule(asyncio.getRunningLoop().time() + 0.01);
          await asyncio.sleep(10);
        }),
      TimeoutError,
    );
    assert.equal(cm.expired(), true);
  });
});

Deno.test("reschedule to null removes the deadline", async () => {
  await asyncio.run(async () => {
    const result = await asyncio.timeout(0.01, async (cm) => {
      cm.reschedule(null);
      await asyncio.sleep(0.03);
      return "survived";
    });
    assert.equal(result, "survived");
  });
});

Deno.test("reschedule: not entered, expired, or entered twice raises", async () => {
  await asyncio.run(async () => {
    const cm = asyncio.timeout(0.005);
    assert.throws(() => cm.reschedule(2), /has not been entered/);
    await assert.rejects(() => cm.run(() => asyncio.sleep(10)), TimeoutError);
    assert.throws(() => cm.reschedule(2), /Cannot change state of expired Timeout/);
    await assert.rejects(() => cm.run(async () => {}), /already been entered/);
  });
});

Deno.test("timeoutAt: a deadline in loop time; a past deadline expires at once", async () => {
  await asyncio.run(async () => {
    const loop = asyncio.getRunningLoop();
    await assert.rejects(
      () => asyncio.timeoutAt(loop.time() - 1, () => asyncio.sleep(10)),
      TimeoutError,
    );
    assert.equal(await asyncio.timeoutAt(loop.time() + 1, () => asyncio.sleep(0, "ok")), "ok");
  });
});

Deno.test("timeout: the body's own error passes through", async () => {
  await asyncio.run(async () => {
    await assert.rejects(
      () =>
        asyncio.timeout(1, async () => {
          throw new RangeError("own");
        }),
      RangeError,
    );
  });
});

Deno.test("timeout: a cancel from outside stays a CancelledError", async () => {
  await asyncio.run(async () => {
    const task = asyncio.createTask(() => asyncio.timeout(10, () => asyncio.sleep(10)));
    await asyncio.sleep(0.005);
    task.cancel();
    await assert.rejects(async () => await task, CancelledError);
  });
});

Deno.test("nested timeouts: the inner one that expires raises, the outer stays", async () => {
  await asyncio.run(async () => {
    const outer = asyncio.timeout(1);
    const inner = asyncio.timeout(0.01);
    await outer.run(async () => {
      await assert.rejects(() => inner.run(() => asyncio.sleep(10)), TimeoutError);
    });
    assert.equal(inner.expired(), true);
    assert.equal(outer.expired(), false);
  });
});

Deno.test("timeout outside a task raises", async () => {
  await assert.rejects(() => asyncio.timeout(1, async () => {}), /inside a task/);
});

Deno.test("Timeout repr shows its state", async () => {
  await asyncio.run(async () => {
    const cm = asyncio.timeout(null);
    assert.equal(String(cm), "<Timeout [created]>");
    await cm.run(async () => {
      assert.equal(String(cm), "<Timeout [active]>");
    });
    assert.equal(String(cm), "<Timeout [finished]>");
  });
});
