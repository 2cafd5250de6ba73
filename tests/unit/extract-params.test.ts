/**
 * What a request for extracts may say (lib/reports/extract-params.ts): ids, a period or a
 * range of days typed the Russian way, whom to print, large print. Bad input gets a
 * Russian message naming the field, and nothing else happens.
 */
import { describe, expect, it } from "vitest";

import { parseClassExtractQuery, parseStudentExtractQuery } from "@/lib/reports/extract-params";

const ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const PERIOD = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";
const q = (o: Record<string, string>) => new URLSearchParams(o);

describe("one student's extract request", () => {
  it("takes a period, dates (Russian or ISO), or nothing for the period under way", () => {
    expect(parseStudentExtractQuery(q({ student: ID, period: PERIOD }))).toEqual({ ok: true, value: { studentId: ID, span: { kind: "period", periodId: PERIOD }, largePrint: false } });
    expect(parseStudentExtractQuery(q({ student: ID, from: "01.11.2026", to: "2026-11-30", large: "1" }))).toEqual({
      ok: true, value: { studentId: ID, span: { kind: "range", from: "2026-11-01", to: "2026-11-30" }, largePrint: true },
    });
    expect(parseStudentExtractQuery(q({ student: ID }))).toMatchObject({ ok: true, value: { span: { kind: "default" } } });
  });

  it("refuses a bad id or date with a message next to the field", () => {
    expect(parseStudentExtractQuery(q({ student: "42" }))).toMatchObject({ ok: false, fieldErrors: { student: [expect.stringContaining("Неверная ссылка")] } });
    expect(parseStudentExtractQuery(q({ student: ID, period: "abc" }))).toMatchObject({ ok: false, fieldErrors: { period: [expect.any(String)] } });
    expect(parseStudentExtractQuery(q({ student: ID, from: "31.02.2026", to: "01.03.2026" }))).toMatchObject({ ok: false, fieldErrors: { from: [expect.stringContaining("не дата")] } });
    expect(parseStudentExtractQuery(q({ student: ID, from: "10.11.2026", to: "01.11.2026" }))).toMatchObject({ ok: false, fieldErrors: { to: [expect.stringContaining("раньше")] } });
    expect(parseStudentExtractQuery(q({ student: ID, from: "01.09.2025", to: "01.09.2027" }))).toMatchObject({ ok: false, fieldErrors: { to: [expect.stringContaining("не больше")] } });
    expect(parseStudentExtractQuery(q({ student: ID, span: "dates", from: "01.11.2026" }))).toMatchObject({ ok: false, fieldErrors: { to: [expect.stringContaining("последний день")] } });
  });
});

describe("a class batch request", () => {
  it("needs a class and a span; the paper list by default", () => {
    expect(parseClassExtractQuery(q({ cohort: ID, span: "period", period: PERIOD }))).toEqual({
      ok: true, value: { cohortId: ID, span: { kind: "period", periodId: PERIOD }, who: "paper", largePrint: false },
    });
    expect(parseClassExtractQuery(q({ cohort: ID, span: "dates", period: PERIOD, from: "01.11.2026", to: "15.11.2026", who: "all", large: "on" }))).toMatchObject({
      ok: true, value: { span: { kind: "range", from: "2026-11-01", to: "2026-11-15" }, who: "all", largePrint: true },
    });
    const bad = parseClassExtractQuery(q({ cohort: "", span: "period", who: "everyone" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { cohort: ["Выберите класс."], period: ["Выберите период."], who: [expect.any(String)] } });
    expect(parseClassExtractQuery(q({ cohort: ID, span: "week" }))).toMatchObject({ ok: false, fieldErrors: { span: [expect.any(String)] } });
  });
});
