import { describe, expect, it } from "vitest";

import { afterQuietHours, isQuiet, localToInstant, nextDigestTime, notBefore, retryDelay } from "../../lib/delivery/schedule";

const TZ = "Asia/Yekaterinburg"; // UTC+5
const at = (iso: string) => new Date(iso);

describe("quiet hours (school time zone)", () => {
  it("21:00–08:00 wraps past midnight; from = to means none", () => {
    expect(isQuiet(21 * 60, 1260, 480)).toBe(true);
    expect(isQuiet(7 * 60 + 59, 1260, 480)).toBe(true);
    expect(isQuiet(8 * 60, 1260, 480)).toBe(false);
    expect(isQuiet(20 * 60 + 59, 1260, 480)).toBe(false);
    expect(isQuiet(13 * 60, 12 * 60, 14 * 60)).toBe(true);
    expect(isQuiet(3 * 60, 600, 600)).toBe(false);
  });

  it("an SMS at 22:30 local waits until 08:00 local the next morning; at 03:00, until 08:00 the same day", () => {
    // 22:30 in Yekaterinburg = 17:30 UTC
    expect(afterQuietHours(at("2026-03-03T17:30:00Z"), TZ, 1260, 480).toISOString()).toBe("2026-03-04T03:00:00.000Z");
    expect(afterQuietHours(at("2026-03-03T22:00:00Z"), TZ, 1260, 480).toISOString()).toBe("2026-03-04T03:00:00.000Z");
    const noon = at("2026-03-03T07:00:00Z");
    expect(afterQuietHours(noon, TZ, 1260, 480)).toBe(noon);
  });

  it("e-mail ignores quiet hours, SMS and push respect them", () => {
    const night = at("2026-03-03T17:30:00Z");
    const base = { frequency: "IMMEDIATE" as const, quietFrom: 1260, quietTo: 480, timeZone: TZ, now: night };
    expect(notBefore({ ...base, channel: "EMAIL" })).toBe(night);
    expect(notBefore({ ...base, channel: "SMS" })?.toISOString()).toBe("2026-03-04T03:00:00.000Z");
    expect(notBefore({ ...base, channel: "PUSH" })?.toISOString()).toBe("2026-03-04T03:00:00.000Z");
    expect(notBefore({ ...base, channel: "EMAIL", frequency: "PAPER_ONLY" })).toBeNull();
  });
});

describe("digest times", () => {
  it("daily: the next 18:00 local", () => {
    expect(nextDigestTime(at("2026-03-03T07:00:00Z"), TZ, "DAILY").toISOString()).toBe("2026-03-03T13:00:00.000Z");
    expect(nextDigestTime(at("2026-03-03T13:00:00Z"), TZ, "DAILY").toISOString()).toBe("2026-03-04T13:00:00.000Z");
  });

  it("weekly: the next Sunday 18:00 local (a Sunday evening after 18:00: a week later)", () => {
    // 2026-03-03 is a Tuesday; Sunday is 2026-03-08
    expect(nextDigestTime(at("2026-03-03T07:00:00Z"), TZ, "WEEKLY").toISOString()).toBe("2026-03-08T13:00:00.000Z");
    expect(nextDigestTime(at("2026-03-08T12:59:00Z"), TZ, "WEEKLY").toISOString()).toBe("2026-03-08T13:00:00.000Z");
    expect(nextDigestTime(at("2026-03-08T14:00:00Z"), TZ, "WEEKLY").toISOString()).toBe("2026-03-15T13:00:00.000Z");
  });

  it("a digest SMS inside quiet hours that start before 18:00 waits for their end", () => {
    const t = notBefore({ channel: "SMS", frequency: "DAILY", quietFrom: 17 * 60, quietTo: 9 * 60, timeZone: TZ, now: at("2026-03-03T07:00:00Z") });
    expect(t?.toISOString()).toBe("2026-03-04T04:00:00.000Z");
  });

  it("an exam result does not wait for the digest: e-mail at once, SMS and push after quiet hours, paper only still nothing", () => {
    const base = { kind: "EXAM_RESULT" as const, quietFrom: 1260, quietTo: 480, timeZone: TZ };
    // Tuesday 12:00 local, a guardian on the weekly digest
    const noon = at("2026-03-03T07:00:00Z");
    expect(notBefore({ ...base, channel: "EMAIL", frequency: "WEEKLY", now: noon })).toBe(noon);
    expect(notBefore({ ...base, channel: "SMS", frequency: "DAILY", now: noon })).toBe(noon);
    // 22:30 local: e-mail at once, SMS and push at 08:00
    const night = at("2026-03-03T17:30:00Z");
    expect(notBefore({ ...base, channel: "EMAIL", frequency: "DAILY", now: night })).toBe(night);
    expect(notBefore({ ...base, channel: "SMS", frequency: "DAILY", now: night })?.toISOString()).toBe("2026-03-04T03:00:00.000Z");
    expect(notBefore({ ...base, channel: "PUSH", frequency: "WEEKLY", now: night })?.toISOString()).toBe("2026-03-04T03:00:00.000Z");
    expect(notBefore({ ...base, channel: "EMAIL", frequency: "PAPER_ONLY", now: noon })).toBeNull();
    // a mark still waits for the daily digest
    expect(notBefore({ ...base, kind: "MARK", channel: "EMAIL", frequency: "DAILY", now: noon })?.toISOString()).toBe("2026-03-03T13:00:00.000Z");
  });

  it("local wall time in a zone with daylight saving", () => {
    expect(localToInstant("2026-07-01", 18 * 60, "Europe/Berlin").toISOString()).toBe("2026-07-01T16:00:00.000Z");
    expect(localToInstant("2026-01-15", 18 * 60, "Europe/Berlin").toISOString()).toBe("2026-01-15T17:00:00.000Z");
  });
});

describe("backoff", () => {
  it("1 min, 5 min, 30 min, 2 h, 6 h, then give up", () => {
    expect([1, 2, 3, 4, 5, 6].map(retryDelay)).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, null]);
  });
});
