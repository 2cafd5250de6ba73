import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { createRng, hashSeed, Rng } from "../../prisma/seed/rng";

const take = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.nextUint32());

describe("seeded generator", () => {
  it("gives the same sequence for the same seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        expect(take(new Rng(seed), 20)).toEqual(take(new Rng(seed), 20));
      }),
    );
  });

  it("gives different sequences for different seeds", () => {
    expect(take(createRng(1), 8)).not.toEqual(take(createRng(2), 8));
    expect(take(createRng("a"), 8)).not.toEqual(take(createRng("b"), 8));
  });

  it("is pinned: a change of algorithm would change every demo school", () => {
    expect(take(new Rng(42), 4)).toEqual([939911724, 3948730756, 321366731, 3317318717]);
    expect(hashSeed("zhurnal-demo", 2026)).toBe(3534315171);
    expect(hashSeed("a", 1)).not.toBe(hashSeed("a", 2));
    expect(hashSeed("ab", 1)).not.toBe(hashSeed("a", "b1"));
  });

  it("keeps numbers in range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 1000 }), (seed, max) => {
        const rng = new Rng(seed);
        for (let i = 0; i < 50; i++) {
          const f = rng.next();
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThan(1);
          const b = rng.below(max);
          expect(Number.isInteger(b) && b >= 0 && b < max).toBe(true);
          const k = rng.int(-3, 3);
          expect(k >= -3 && k <= 3).toBe(true);
        }
      }),
    );
  });

  it("is roughly uniform", () => {
    const rng = new Rng(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const b = rng.below(10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });

  it("forks independent streams without moving the parent", () => {
    const a = new Rng(5);
    const before = take(new Rng(5), 3);
    const f1 = a.fork("x");
    const f2 = a.fork("x");
    expect(take(f1, 5)).toEqual(take(f2, 5));
    expect(take(a.fork("y"), 5)).not.toEqual(take(a.fork("x"), 5));
    expect(take(a, 3)).toEqual(before);
  });

  it("shuffles without losing or adding items", () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    const shuffled = new Rng(3).shuffle(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(new Rng(3).shuffle(items)).toEqual(shuffled);
  });

  it("picks by weight", () => {
    const rng = new Rng(11);
    let a = 0;
    for (let i = 0; i < 10_000; i++) if (rng.weighted([["a", 3], ["b", 1]] as const) === "a") a++;
    expect(a / 10_000).toBeGreaterThan(0.72);
    expect(a / 10_000).toBeLessThan(0.78);
  });
});
