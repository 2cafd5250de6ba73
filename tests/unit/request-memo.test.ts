import { describe, expect, it } from "vitest";

import { memoised, withRequestMemo } from "@/lib/request-memo";

function counter() {
  let reads = 0;
  return { read: async () => ++reads, reads: () => reads };
}

describe("reads shared within one sync", () => {
  it("read once per key inside the scope, every caller getting the same answer", async () => {
    const c = counter();
    const [a, b, other] = await withRequestMemo(() => Promise.all([memoised("child:1", c.read), memoised("child:1", c.read), memoised("child:2", c.read)]));
    expect(a).toBe(b);
    expect(other).not.toBe(a);
    expect(c.reads()).toBe(2);
  });

  it("are not shared between two syncs, nor kept outside one", async () => {
    const c = counter();
    await withRequestMemo(() => memoised("child:1", c.read));
    await withRequestMemo(() => memoised("child:1", c.read));
    await memoised("child:1", c.read);
    await memoised("child:1", c.read);
    expect(c.reads()).toBe(4);
  });

  it("hold across awaits and timers inside the scope", async () => {
    const c = counter();
    await withRequestMemo(async () => {
      await memoised("k", c.read);
      await new Promise((r) => setTimeout(r, 5));
      await memoised("k", c.read);
    });
    expect(c.reads()).toBe(1);
  });
});
