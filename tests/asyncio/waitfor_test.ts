// Translated from CPython Lib/test/test_asyncio/test_waitfor.py.
import assert from "node:assert/strict";
import * as asyncio from "../../lib/asyncio/mod.ts";
import { CancelledError, TimeoutError } from "../../lib/exceptions.ts";

Deno.test("waitFor: result within the timeout", async () => {
  await asyncio.run(async () => {
    assert.equal(await asyncio.waitFor(() => asyncio.sleep(0.01, "foo"), 1), "foo");
    assert.equal(await asyncio.waitFor(asyncio.sleep(0, "bar"), null), "bar");
    assert.equal(await asyncio.waitFor(Promise.resolve(3), 1), 3);
  });
});

Deno.test("waitFor: timeout cancels the inner task and waits for it to finish", async () => {
  await asyncio.run(async () => {
    const events: string[] = [];
    const inner = asyncio.createTask(async () => {
      try {
        await asyncio.sleep(10);
      } catch (e) {
        events.push("inner cancelled");
        await asyncio.sleep(0.01); // slow cleanup
        events.push("inner cleaned up");
        throw e;
      }
    });
    await assert.rejects(() => asyncio.waitFor(inner, 0.01), TimeoutError);
    events.push("timeout raised");
    assert.equal(inner.cancelled(), true);
    assert.deepEqual(events, ["inner cancelled", "inner cleaned up", "timeout raised"]);
  });
});

Deno.test("waitFor: the TimeoutError's cause is the CancelledError", async () => {
  await asyncio.run(async () => {
    try {
      await asyncio.waitFor(() => asyncio.sleep(10), 0.005);
      assert.fail("no timeout");
    } catch (e) {
      assert.ok(e instanceof TimeoutError);
      assert.ok(e.cause instanceof CancelledError);
    }
  });
});

Deno.test("waitFor: timeout 0 or less cancels at once, but returns a done result", async () => {
  await asyncio.run(async () => {
    const done = new asyncio.Future<string>();
    done.setResult("done");
    assert.equal(await asyncio.waitFor(done, 0), "done");
    const pending = asyncio.createTask(() => asyncio.sleep(10));
    await assert.rejects(() => asyncio.waitFor(pending, 0), TimeoutError);
    assert.equal(pending.cancelled(), true);
    await assert.rejects(() => asyncio.waitFor(() => asyncio.sleep(10), -1), TimeoutError);
  });
});

Deno.test("waitFor: an inner that swallows the cancel and returns gives its result", async () => {
  await asyncio.run(async () => {
    const inner = asyncio.createTask(async () => {
      try {
        await asyncio.sleep(10);
      } catch {
        return "swallowed";
      }
      return "slept";
    });
    // Python 3.12+: the timeout context sees no CancelledError, so no TimeoutError.
    assert.equal(await asyncio.waitFor(inner, 0.01), "swallowed");
  });
});

Deno.test("waitFor: the inner's own error propagates", async () => {
  await asyncio.run(async () => {
    await assert.rejects(
      () =>
        asyncio.waitFor(async () => {
          await asyncio.sleep(0);
          throw new RangeError("inner");
        }, 1),
      RangeError,
    );
  });
});

Deno.test("waitFor: cancelling the waiting task cancels the inner and raises CancelledError", async () => {
  await asyncio.run(async () => {
    const inner = asyncio.createTask(() => asyncio.sleep(10));
    const outer = asyncio.createTask(() => asyncio.waitFor(inner, 5));
    await asyncio.sleep(0.005);
    outer.cancel();
    await assert.rejects(async () => await outer, CancelledError);
    assert.equal(inner.cancelled(), true);
  });
});

Deno.test("waitFor: a foreign promise past the deadline raises TimeoutError promptly", async () => {
  await asyncio.run(async () => {
    let resolve!: () => void;
    const foreign = new Promise<void>((r) => (resolve = r));
    await assert.rejects(() => asyncio.waitFor(foreign, 0.01), TimeoutError);
    resolve();
  });
});

Deno.test("waitFor: bad timeout", async () => {
  await asyncio.run(async () => {
    await assert.rejects(() => asyncio.waitFor(asyncio.sleep(0), "1" as never), TypeError);
  });
});

Deno.test("waitFor on a gather: the cancelled gather's error counts as retrieved", async () => {
  const reports: string[] = [];
  await asyncio.run(async () => {
    asyncio.getRunningLoop().setExceptionHandler((_loop, context) => reports.push(context.message));
    const all = asyncio.gather(() => asyncio.sleep(10), () => asyncio.sleep(10));
    await assert.rejects(() => asyncio.waitFor(all, 0.01), TimeoutError);
  });
  assert.deepEqual(reports, []);
});
