import { describe, expect, it } from "vitest";

import { formatWeight, historyValues, weightOnDay } from "../../components/journal/grid/format";
import { saveCellSchema, setWorkTypeSchema } from "../../lib/journal/grid-schemas";

describe("a work type's weight as the column chooser shows it", () => {
  it("writes hundredths as a teacher would: no trailing zeros, a decimal comma", () => {
    expect(formatWeight(100)).toBe("1");
    expect(formatWeight(200)).toBe("2");
    expect(formatWeight(150)).toBe("1,5");
    expect(formatWeight(125)).toBe("1,25");
    expect(formatWeight(105)).toBe("1,05");
    expect(formatWeight(50)).toBe("0,5");
  });

  it("takes the weight in force on the lesson's day", () => {
    const test = { base: 200, versions: [{ validFrom: "2026-01-12", weight: 300 }] };
    expect(weightOnDay(test, "2025-12-25")).toBe("2");
    expect(weightOnDay(test, "2026-01-12")).toBe("3");
  });
});

describe("what the history dialog says was before and after", () => {
  const words = { nothing: "пусто", removed: "удалено" };
  const row = { action: "UPDATE", before: "4", after: "5", workTypeBefore: "Работа на уроке", workTypeAfter: "Работа на уроке" };

  const plain = (value: string) => ({ value, workType: null });

  it("shows the values, «пусто» before a first entry and «удалено» after a removal", () => {
    expect(historyValues(row, words)).toEqual({ before: plain("4"), after: plain("5"), workTypeChanged: false });
    expect(historyValues({ ...row, action: "CREATE", before: null, workTypeBefore: null }, words)).toMatchObject({ before: plain("пусто"), after: plain("5") });
    expect(historyValues({ ...row, action: "REMOVE", after: null, workTypeAfter: null }, words)).toMatchObject({ before: plain("4"), after: plain("удалено") });
    expect(historyValues({ ...row, action: "RESTORE", before: null, workTypeBefore: null }, words)).toMatchObject({ before: plain("удалено"), after: plain("5") });
  });

  it("names the work types when a mark moved to another one", () => {
    expect(historyValues({ ...row, before: "3", after: "3", workTypeAfter: "Контрольная работа" }, words)).toEqual({
      before: { value: "3", workType: "Работа на уроке" }, after: { value: "3", workType: "Контрольная работа" }, workTypeChanged: true,
    });
  });

  it("shows attendance codes as they are written", () => {
    const att = { action: "UPDATE", before: "н", after: "б", workTypeBefore: null, workTypeAfter: null };
    expect(historyValues(att, words)).toEqual({ before: plain("н"), after: plain("б"), workTypeChanged: false });
  });
});

describe("what the grid sends", () => {
  it("takes a descriptive mark as long as the descriptive scale allows, and no longer", () => {
    const base = { lessonId: "0190a1b2-0000-7000-8000-000000000001", studentId: "0190a1b2-0000-7000-8000-000000000002" };
    expect(saveCellSchema.safeParse({ ...base, input: "а".repeat(500) }).success).toBe(true);
    expect(saveCellSchema.safeParse({ ...base, input: "а".repeat(501) }).success).toBe(false);
  });

  it("asks to choose a work type from the list when none is chosen", () => {
    const r = setWorkTypeSchema.safeParse({ lessonId: "0190a1b2-0000-7000-8000-000000000001", workTypeId: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Вид работы: выберите из списка.");
  });
});
