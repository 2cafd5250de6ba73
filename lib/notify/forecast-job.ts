/**
 * The regular forecast to families (R4): once a week (from Monday 08:00 in the school's
 * zone) and once more on the first school day of each period's last three weeks, every
 * student of a period under way gets a FORECAST message: the mark each subject would get
 * if the period ended today, and the subjects at risk. The marks so far come from
 * lib/journal/finals-batch-query.ts (the same figures as the journal's final marks page).
 *
 * Idempotent: the weekly message is keyed `forecast:<studentId>:<periodId>:<isoWeek>`, the
 * last-three-weeks one `forecast:<studentId>:<periodId>:last3`, so running the job every
 * few minutes sends each at most once (the outbox's unique key). The outbox decides who
 * gets it (consent, preferences: a family may have switched forecasts off).
 *
 * No "server-only": the delivery worker calls it with its own client.
 */
import type { Db } from "@/lib/db";
import { enqueueAboutStudent } from "@/lib/delivery/outbox";
import { localTime } from "@/lib/delivery/schedule";
import { suggestSchoolPeriodFinals, type BatchSuggestion } from "@/lib/journal/finals-batch-query";
import { addDays, dateToDay, dayToDate } from "@/lib/time";
import { forecastText, type ForecastMessage } from "@/lib/notify/texts";

/** The local time of day from which the weekly forecast goes: 08:00. */
export const FORECAST_MINUTE = 8 * 60;
/** Students written per transaction. */
const CHUNK = 50;

/** "2026-W49": the ISO week of a calendar day. */
export function isoWeek(day: string): string {
  const d = dayToDate(day);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round((thursday.getTime() - jan4.getTime()) / 86_400_000 / 7 - ((jan4.getUTCDay() + 6) % 7 - 3) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

type HolidaySpan = { start: string; end: string; gradeFrom: number; gradeTo: number };

/** The first weekday (Mon–Fri) of the period's last three weeks that is no holiday for any of its grades. */
export function lastThreeWeeksStart(period: { start: string; end: string; gradeFrom: number; gradeTo: number }, holidays: readonly HolidaySpan[]): string | null {
  let day = addDays(period.end, -20);
  if (day < period.start) day = period.start;
  for (; day <= period.end; day = addDays(day, 1)) {
    const weekday = dayToDate(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const off = holidays.some((h) => h.start <= day && h.end >= day && h.gradeFrom <= period.gradeFrom && h.gradeTo >= period.gradeTo);
    if (!off) return day;
  }
  return null;
}

/** What the job decides for one period on one run: which occasions are due. */
export function dueOccasions(
  local: { day: string; minute: number; weekday: number },
  period: { start: string; end: string; gradeFrom: number; gradeTo: number },
  holidays: readonly HolidaySpan[],
): ("weekly" | "last3")[] {
  if (local.day < period.start || local.day > period.end || local.minute < FORECAST_MINUTE) return [];
  // from the first school day of the last three weeks to the end of that week: that
  // message stands in for the weekly one (one message, not two, on the same day)
  const last3 = lastThreeWeeksStart(period, holidays);
  if (last3 && local.day >= last3 && isoWeek(local.day) === isoWeek(last3)) return ["last3"];
  // Monday from 08:00 on, catching up later in the working week if the server was down
  if (local.weekday >= 1 && local.weekday <= 5) return ["weekly"];
  return [];
}

const RISK: Partial<Record<BatchSuggestion["reason"], string>> = {
  TOO_FEW_MARKS: "мало отметок — может выйти «н/а» (не аттестован)",
  TOO_MANY_ABSENCES: "много пропусков — может выйти «н/а» (не аттестован)",
};

/** One student's forecast from the school's batch of suggestions. */
export function studentForecast(rows: readonly BatchSuggestion[], subjectName: (id: string) => string): Pick<ForecastMessage, "subjects" | "atRisk"> {
  const subjects: ForecastMessage["subjects"] = [];
  const atRisk: ForecastMessage["atRisk"] = [];
  const sorted = [...rows].sort((a, b) => subjectName(a.subjectId).localeCompare(subjectName(b.subjectId), "ru"));
  for (const r of sorted) {
    // a subject with no numeric marks (yet, or a descriptive one) says nothing to forecast
    if (r.reason === "NO_MARKS" || r.reason === "EXEMPT") continue;
    const name = subjectName(r.subjectId);
    const mark = r.mark.kind === "NUMERIC" ? { kind: "NUMERIC", value: r.mark.value, text: null } : { kind: r.mark.kind, value: null, text: null };
    subjects.push({ name, mark });
    const risk = RISK[r.reason] ?? (r.mark.kind === "NUMERIC" && r.mark.value <= 2 ? "сейчас выходит «2»" : null);
    if (risk) atRisk.push({ name, why: risk });
  }
  return { subjects, atRisk };
}

export type ForecastRun = { schools: number; periods: number; students: number; written: number };

/** Call it every few minutes (or hourly): it sends only what is due and not yet sent. */
export async function runForecastJob(db: Db, now: Date = new Date()): Promise<ForecastRun> {
  const run: ForecastRun = { schools: 0, periods: 0, students: 0, written: 0 };
  const schools = await db.school.findMany({ select: { id: true, timeZone: true } });
  for (const school of schools) {
    const local = localTime(now, school.timeZone);
    if (local.minute < FORECAST_MINUTE) continue;
    const today = dayToDate(local.day);
    const periods = await db.period.findMany({
      where: { schoolId: school.id, kind: { not: "YEAR" }, startDate: { lte: today }, endDate: { gte: today } },
      select: { id: true, name: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true },
    });
    if (periods.length === 0) continue;
    run.schools += 1;
    const holidays = (await db.holiday.findMany({
      where: { schoolId: school.id, endDate: { gte: dayToDate(addDays(local.day, -1)) }, startDate: { lte: dayToDate(addDays(local.day, 60)) } },
      select: { startDate: true, endDate: true, gradeFrom: true, gradeTo: true },
    })).map((h) => ({ start: dateToDay(h.startDate), end: dateToDay(h.endDate), gradeFrom: h.gradeFrom, gradeTo: h.gradeTo }));
    let subjectNames: Map<string, string> | null = null;
    for (const period of periods) {
      const span = { start: dateToDay(period.startDate), end: dateToDay(period.endDate), gradeFrom: period.gradeFrom, gradeTo: period.gradeTo };
      const due = dueOccasions(local, span, holidays);
      if (due.length === 0) continue;
      run.periods += 1;
      subjectNames ??= new Map((await db.subject.findMany({ where: { schoolId: school.id }, select: { id: true, name: true } })).map((s) => [s.id, s.name]));
      const names = subjectNames;
      const batch = await suggestSchoolPeriodFinals(db, school.id, period.id);
      const byStudent = new Map<string, BatchSuggestion[]>();
      for (const s of batch.suggestions) byStudent.set(s.studentId, [...(byStudent.get(s.studentId) ?? []), s]);
      const students = await db.student.findMany({
        where: { schoolId: school.id, id: { in: [...byStudent.keys()] }, leftAt: null },
        select: { id: true, lastName: true, firstName: true, middleName: true },
      });
      run.students += students.length;
      const week = isoWeek(local.day);
      for (let i = 0; i < students.length; i += CHUNK) {
        const chunk = students.slice(i, i + CHUNK);
        run.written += await db.$transaction(async (tx) => {
          let written = 0;
          for (const student of chunk) {
            const f = studentForecast(byStudent.get(student.id) ?? [], (id) => names.get(id) ?? "предмет");
            if (f.subjects.length === 0) continue;
            const text = forecastText({ student, periodName: period.name, day: local.day, ...f });
            for (const occasion of due) {
              const eventKey = occasion === "weekly" ? `forecast:${student.id}:${period.id}:${week}` : `forecast:${student.id}:${period.id}:last3`;
              written += await enqueueAboutStudent(tx, { schoolId: school.id, studentId: student.id, kind: "FORECAST", eventKey, text, now });
            }
          }
          return written;
        }, { timeout: 60_000 });
      }
    }
  }
  return run;
}
