import { describe, expect, it } from "vitest";

import { processShare } from "@/lib/security/process-share";

describe("a limit counted in each server process's memory", () => {
  it("is the whole limit in the one process of the embedded database", () => {
    expect(processShare(50, 1)).toBe(50);
  });
  it("is split between processes, rounded up, never below one", () => {
    expect(processShare(50, 2)).toBe(25);
    expect(processShare(10, 3)).toBe(4);
    expect(processShare(1, 4)).toBe(1);
    // the processes together are never more lenient than the cap plus one per process
    for (const n of [1, 2, 3, 4, 8]) expect(processShare(50, n) * n).toBeLessThan(50 + n);
  });
});
