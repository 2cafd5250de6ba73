/**
 * Timetable slots of the current year's cohorts. A slot is the cohort, weekday, lesson
 * number, subject and first day: the teacher, room and last day of an existing slot are
 * updated; a new subject in the same place is a new slot, refused as a clash while the
 * old one is in force (end the old one with «по»). Rows are checked as on the timetable
 * screen (lib/imports/timetable-rules.ts).
 */
import { currentYear, insertAll, newId, type ImportedRow, type Tx } from "@/lib/imports/common";
import { loadStaffDirectory } from "@/lib/imports/cohorts";
import { slotKey, type TimetableContext, type TimetableItem } from "@/lib/imports/validate-school";
import { formatWeekday, nameKey } from "@/lib/imports/values";
import { dateToDay, dayToDate, formatDayRu } from "@/lib/time";

/**
 * What the rows are checked against: the current year's cohorts (with their classes and
 * school years), the subjects, the staff, the curriculum and every slot of those cohorts
 * (the conflict check compares dates itself, as the timetable screen does).
 */
export async function loadTimetableContext(tx: Tx, schoolId: string, today: string): Promise<TimetableContext> {
  const year = await currentYear(tx, schoolId, today);
  const subjects = await tx.subject.findMany({ where: { schoolId }, select: { id: true, name: true } });
  const staff = await loadStaffDirectory(tx, schoolId);
  if (!year) {
    return { hasYear: false, cohorts: new Map(), cohortInfo: new Map(), subjects: new Map(subjects.map((s) => [nameKey(s.name), s.id])), subjectNames: new Map(), staff, slots: [], curriculum: [] };
  }
  const inYear = { schoolId, cohort: { yearId: year.id } };
  const cohorts = await tx.cohort.findMany({ where: { schoolId, yearId: year.id }, select: { id: true, name: true, grade: true, parentId: true } });
  const yearPeriods = await tx.period.findMany({
    where: { schoolId, yearId: year.id, kind: "YEAR" },
    orderBy: { startDate: "asc" },
    select: { startDate: true, endDate: true, gradeFrom: true, gradeTo: true },
  });
  const curriculum = await tx.curriculumItem.findMany({ where: inYear, select: { cohortId: true, subjectId: true, validFrom: true, validTo: true } });
  const slots = await tx.timetableSlot.findMany({
    where: inYear,
    select: { id: true, cohortId: true, subjectId: true, teacherId: true, room: true, weekday: true, lessonNumber: true, validFrom: true, validTo: true },
  });
  const yearOf = (grade: number): { from: string; to: string } => {
    const p = yearPeriods.find((y) => y.gradeFrom <= grade && grade <= y.gradeTo);
    return p ? { from: dateToDay(p.startDate), to: dateToDay(p.endDate) } : { from: year.startDate, to: year.endDate };
  };
  return {
    hasYear: true,
    cohorts: new Map(cohorts.map((c) => [nameKey(c.name), c.id])),
    cohortInfo: new Map(cohorts.map((c) => [c.id, { name: c.name, parentId: c.parentId, year: yearOf(c.grade) }])),
    subjects: new Map(subjects.map((s) => [nameKey(s.name), s.id])),
    subjectNames: new Map(subjects.map((s) => [s.id, s.name])),
    staff,
    slots: slots.map((s) => ({ ...s, validFrom: dateToDay(s.validFrom), validTo: s.validTo ? dateToDay(s.validTo) : null })),
    curriculum: curriculum.map((ci) => ({ ...ci, validFrom: dateToDay(ci.validFrom), validTo: ci.validTo ? dateToDay(ci.validTo) : null })),
  };
}

export async function applyTimetable(tx: Tx, schoolId: string, items: readonly TimetableItem[]): Promise<ImportedRow[]> {
  const cohortIds = [...new Set(items.map((i) => i.cohortId))];
  const slots = await tx.timetableSlot.findMany({
    where: { schoolId, cohortId: { in: cohortIds } },
    select: { id: true, cohortId: true, weekday: true, lessonNumber: true, subjectId: true, validFrom: true, teacherId: true, room: true, validTo: true },
  });
  const byKey = new Map(slots.map((s) => [slotKey({ ...s, validFrom: dateToDay(s.validFrom) }), s]));
  const names = new Map((await tx.cohort.findMany({ where: { schoolId, id: { in: cohortIds } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  const created: { id: string; schoolId: string; cohortId: string; subjectId: string; teacherId: string; room: string | null; weekday: number; lessonNumber: number; validFrom: Date; validTo: Date | null }[] = [];
  const writes: (() => Promise<unknown>)[] = [];
  const out: ImportedRow[] = [];
  for (const it of items) {
    const label = `${names.get(it.cohortId) ?? ""}, ${formatWeekday(it.weekday)}, ${it.lessonNumber}-й урок`;
    const ex = byKey.get(slotKey(it));
    if (!ex) {
      created.push({
        id: newId(), schoolId, cohortId: it.cohortId, subjectId: it.subjectId, teacherId: it.teacherId, room: it.room, weekday: it.weekday,
        lessonNumber: it.lessonNumber, validFrom: dayToDate(it.validFrom), validTo: it.validTo ? dayToDate(it.validTo) : null,
      });
      out.push({ line: it.line, label, result: "created" });
      continue;
    }
    const data: { teacherId?: string; room?: string | null; validTo?: Date | null } = {};
    if (ex.teacherId !== it.teacherId) data.teacherId = it.teacherId;
    if ((ex.room ?? null) !== it.room) data.room = it.room;
    if ((ex.validTo ? dateToDay(ex.validTo) : null) !== it.validTo) data.validTo = it.validTo ? dayToDate(it.validTo) : null;
    const changed = Object.keys(data).length > 0;
    if (changed) writes.push(() => tx.timetableSlot.update({ where: { schoolId_id: { schoolId, id: ex.id } }, data }));
    out.push({ line: it.line, label, result: changed ? "updated" : "unchanged" });
  }
  for (const w of writes) await w();
  await insertAll(created, (data) => tx.timetableSlot.createMany({ data }));
  return out;
}

export async function exportTimetable(db: Tx, schoolId: string, today: string): Promise<string[][]> {
  const year = await currentYear(db, schoolId, today);
  if (!year) return [];
  const staff = await loadStaffDirectory(db, schoolId);
  const slots = await db.timetableSlot.findMany({
    where: { schoolId, cohort: { yearId: year.id } },
    orderBy: [{ weekday: "asc" }, { lessonNumber: "asc" }],
    select: {
      weekday: true, lessonNumber: true, room: true, validFrom: true, validTo: true, teacherId: true,
      cohort: { select: { name: true } }, subject: { select: { name: true } },
    },
  });
  return slots
    .sort((a, b) => a.cohort.name.localeCompare(b.cohort.name, "ru") || a.weekday - b.weekday || a.lessonNumber - b.lessonNumber)
    .map((s) => [
      s.cohort.name, formatWeekday(s.weekday), String(s.lessonNumber), s.subject.name, staff.label(s.teacherId), s.room ?? "",
      formatDayRu(dateToDay(s.validFrom)), s.validTo ? formatDayRu(dateToDay(s.validTo)) : "",
    ]);
}
