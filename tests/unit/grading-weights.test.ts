/** Dated weights of work types: which version is in force on a day. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { versionOn, weighByDate, weightInForce, weightOn, type WeightVersion } from "../../lib/grading/weights";
import { weightedAverage } from "../../lib/grading/average";
import { addDays } from "../../lib/time";

const dayArb = fc.integer({ min: 0, max: 3000 }).map((n) => addDays("2025-01-01", n));
const weightArb = fc.integer({ min: 10, max: 1000 });
/** distinct days, as the database keeps them (unique per work type and day) */
const versionsArb = fc.uniqueArray(fc.record({ validFrom: dayArb, weight: weightArb }), { selector: (v) => v.validFrom, maxLength: 8 });
/** any versions, even two on one day */
const looseVersionsArb = fc.array(fc.record({ validFrom: dayArb, weight: weightArb }), { maxLength: 8 });

describe("weightOn", () => {
  const versions: WeightVersion[] = [
    { validFrom: "2026-01-12", weight: 250 },
    { validFrom: "2025-09-01", weight: 200 },
  ];

  it("takes the latest version that started on or before the day", () => {
    expect(weightOn(versions, "2025-08-31")).toBeNull();
    expect(weightOn(versions, "2025-09-01")).toBe(200);
    expect(weightOn(versions, "2026-01-11")).toBe(200);
    expect(weightOn(versions, "2026-01-12")).toBe(250);
    expect(weightOn(versions, "2030-01-01")).toBe(250);
    expect(weightOn([], "2030-01-01")).toBeNull();
  });

  it("falls back on the weight from the beginning before the first version", () => {
    expect(weightInForce({ base: 100, versions }, "2025-08-31")).toBe(100);
    expect(weightInForce({ base: 100, versions }, "2025-09-01")).toBe(200);
  });

  it("never depends on the order of the versions, even with two on one day", () => {
    fc.assert(
      fc.property(
        looseVersionsArb.chain((vs) => fc.tuple(fc.constant(vs), fc.shuffledSubarray(vs, { minLength: vs.length, maxLength: vs.length }))),
        dayArb,
        ([vs, permuted], day) => {
          expect(weightOn(permuted, day)).toBe(weightOn(vs, day));
        },
      ),
    );
  });

  it("a version applies from its own day on, until a later version starts", () => {
    fc.assert(
      fc.property(versionsArb, fc.record({ validFrom: dayArb, weight: weightArb }), dayArb, (vs, v, day) => {
        const others = vs.filter((x) => x.validFrom !== v.validFrom);
        const all = [...others, v];
        const nextStart = others.filter((x) => x.validFrom > v.validFrom).map((x) => x.validFrom).sort()[0];
        const w = weightOn(all, day);
        if (day < v.validFrom) {
          // before its day the new version changes nothing
          expect(w).toBe(weightOn(others, day));
        } else if (nextStart === undefined || day < nextStart) {
          expect(w).toBe(v.weight);
        } else {
          expect(versionOn(all, day)?.validFrom).not.toBe(v.validFrom);
        }
      }),
    );
  });

  it("an average over a period weighs each mark by the version of its own date", () => {
    const histories = new Map([["test", { base: 200, versions: [{ validFrom: "2026-01-12", weight: 300 }] }]]);
    const weighed = weighByDate(
      [
        { date: "2026-01-11", workTypeId: "test", mark: { kind: "NUMERIC" as const, value: 5 as const } },
        { date: "2026-01-12", workTypeId: "test", mark: { kind: "NUMERIC" as const, value: 3 as const } },
      ],
      histories,
    );
    expect(weighed.map((m) => m.weight)).toEqual([200, 300]);
    // (5·2 + 3·3) / (2 + 3) = 3.8
    const a = weightedAverage(weighed);
    expect(a.sum * 10).toBe(a.weight * 38);
    expect(() => weighByDate([{ date: "2026-01-11", workTypeId: "other", mark: null }], histories)).toThrow();
  });
});
