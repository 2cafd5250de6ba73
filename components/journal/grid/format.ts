/**
 * Small pure helpers of the journal grid's column tools and cell history, kept apart so
 * they are tested without a browser.
 */
import { weightInForce, type WeightHistory } from "@/lib/grading/weights";

/** A weight in hundredths (never negative) as a teacher writes it: 200 → «2», 150 → «1,5», 125 → «1,25». */
export function formatWeight(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  return frac === 0 ? String(whole) : `${whole},${String(frac).padStart(2, "0").replace(/0$/, "")}`;
}

/** The weight a work type has on a lesson's day (a mark weighs what its type weighed on its date). */
export function weightOnDay(history: WeightHistory, day: string): string {
  return formatWeight(weightInForce(history, day));
}

export type HistorySide = { value: string; workType: string | null };
export type HistoryShown = { before: HistorySide; after: HistorySide; workTypeChanged: boolean };

/**
 * What the «Было» and «Стало» columns say for one change: the value, «пусто» before a
 * first entry, «удалено» after a removal (and before a restore); the work types are named
 * when the change moved the mark to another work type.
 */
export function historyValues(
  row: { action: string; before: string | null; after: string | null; workTypeBefore: string | null; workTypeAfter: string | null },
  words: { nothing: string; removed: string },
): HistoryShown {
  const workTypeChanged = row.workTypeBefore !== null && row.workTypeAfter !== null && row.workTypeBefore !== row.workTypeAfter;
  const before = row.before ?? (row.action === "RESTORE" ? words.removed : words.nothing);
  const after = row.after ?? (row.action === "REMOVE" ? words.removed : words.nothing);
  return {
    before: { value: before, workType: workTypeChanged && row.before !== null ? row.workTypeBefore : null },
    after: { value: after, workType: workTypeChanged && row.after !== null ? row.workTypeAfter : null },
    workTypeChanged,
  };
}
