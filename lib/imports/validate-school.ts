/**
 * Checking rows of cohorts and of the timetable before anything is written. Pure: the
 * year's cohorts, the subjects and the staff arrive as plain data.
 */
import type { CohortKind } from "@/generated/prisma/enums";
import { DuplicateCheck, RowCheck, type ImportRow } from "@/lib/imports/row-check";
import type { StaffDirectory } from "@/lib/imports/staff-ref";
import type { Checked } from "@/lib/imports/validate-people";
import { checkConflicts, checkPlacement, type PlacedRow, type RulesContext } from "@/lib/imports/timetable-rules";
import { gradeFromName, nameKey, parseCohortKind, parseInteger, parseWeekday } from "@/lib/imports/values";

const NO_YEAR = "Учебный год не настроен: сначала заведите текущий учебный год.";

function teacherOf(c: RowCheck, key: string, staff: StaffDirectory, value: string): string | null {
  const found = staff.resolve(value);
  return "id" in found ? found.id : c.fail(key, found.error);
}

// ───────────────────────────── cohorts ─────────────────────────────

export type CohortContext = {
  hasYear: boolean;
  /** the current year's cohorts by nameKey */
  existing: ReadonlyMap<string, { kind: CohortKind; grade: number }>;
  staff: StaffDirectory;
};

export type CohortItem = {
  line: number;
  name: string;
  kind: CohortKind;
  /** null: keep the existing cohort's grade */
  grade: number | null;
  /** nameKey of the class a group belongs to */
  parent: string | null;
  /** undefined: the file has no such column, leave as it is; null: no class teacher */
  classTeacherId: string | null | undefined;
};

export function validateCohorts(rows: readonly ImportRow[], ctx: CohortContext): Checked<CohortItem> {
  const checks: RowCheck[] = [];
  const items: CohortItem[] = [];
  const dup = new DuplicateCheck();
  // a group may name a class defined further down the same file
  const fileClasses = new Map<string, number | null>();
  for (const row of rows) {
    const name = (row.values.name ?? "").trim();
    if (parseCohortKind(row.values.kind ?? "") === "CLASS") fileClasses.set(nameKey(name), parseInteger(row.values.grade ?? "", 0, 12) ?? gradeFromName(name));
  }
  for (const row of rows) {
    const c = new RowCheck(row, "COHORTS");
    checks.push(c);
    if (!ctx.hasYear && checks.length === 1) c.fail("name", NO_YEAR);
    const name = c.required("name");
    if (name && name.length > 100) c.fail("name", "Слишком длинное название: не больше 100 знаков.");
    if (name) dup.check(c, nameKey(name), "name", "Класс или группа с таким названием");
    const kind = c.value("kind", parseCohortKind, "Вид пишут одним из слов: класс, группа, поток, ИУП.", true);
    const explicitGrade = c.value("grade", (s) => parseInteger(s, 0, 12), "Параллель — это число от 0 до 12.", false);
    const parentCell = c.optional("parent") ?? "";
    let parent: string | null = null;
    let parentGrade: number | null = null;
    if (kind === "GROUP") {
      if (!parentCell) c.fail("parent", "Для группы укажите класс, частью которого она является.");
      else {
        parent = nameKey(parentCell);
        const inDb = ctx.existing.get(parent);
        if (fileClasses.has(parent)) parentGrade = fileClasses.get(parent) ?? null;
        else if (inDb?.kind === "CLASS") parentGrade = inDb.grade;
        else c.fail("parent", "Такого класса нет ни в файле, ни в текущем учебном году.");
      }
    } else if (kind && parentCell) c.fail("parent", "Класс-родитель указывают только для группы.");
    const existing = name ? ctx.existing.get(nameKey(name)) : undefined;
    const grade = explicitGrade ?? (existing ? null : (parentGrade ?? (name ? gradeFromName(name) : null)));
    // a group without its class already has its error; the grade would come from the class
    const needsGrade = grade === null && !existing && name && kind && !c.raw("grade") && !(kind === "GROUP" && parent === null);
    if (needsGrade) c.fail("grade", "Укажите параллель: число от 0 до 12.");
    const teacherCell = c.optional("classTeacher");
    const classTeacherId = teacherCell === undefined ? undefined : teacherCell === "" ? null : teacherOf(c, "classTeacher", ctx.staff, teacherCell);
    if (c.ok && name && kind) items.push({ line: row.line, name, kind, grade, parent, classTeacherId });
  }
  return { items, errors: checks.flatMap((c) => c.errors) };
}

// ───────────────────────────── timetable ─────────────────────────────

export type TimetableContext = RulesContext & {
  hasYear: boolean;
  /** the current year's cohorts by nameKey → id */
  cohorts: ReadonlyMap<string, string>;
  /** subjects by nameKey → id */
  subjects: ReadonlyMap<string, string>;
};

export type TimetableItem = {
  line: number;
  cohortId: string;
  weekday: number;
  lessonNumber: number;
  subjectId: string;
  teacherId: string;
  room: string | null;
  validFrom: string;
  validTo: string | null;
};

export function slotKey(s: { cohortId: string; weekday: number; lessonNumber: number; subjectId: string; validFrom: string }): string {
  return [s.cohortId, s.weekday, s.lessonNumber, s.subjectId, s.validFrom].join("|");
}

/**
 * Every row is read and checked by the rules of the timetable screen. A row that repeats
 * its slot exactly, or only ends it earlier, is not checked again: an unchanged file (an
 * export read back) stays a no-op even where the timetable already breaks a rule.
 */
export function validateTimetable(rows: readonly ImportRow[], ctx: TimetableContext): Checked<TimetableItem> {
  const checks: RowCheck[] = [];
  const placed: (PlacedRow & { line: number })[] = [];
  const dup = new DuplicateCheck();
  const existing = new Map(ctx.slots.map((s) => [slotKey(s), s]));
  for (const row of rows) {
    const c = new RowCheck(row, "TIMETABLE");
    checks.push(c);
    const cohortCell = c.required("cohort");
    const cohortId = cohortCell ? (ctx.cohorts.get(nameKey(cohortCell)) ?? c.fail("cohort", ctx.hasYear ? "Такого класса или группы нет в текущем учебном году." : NO_YEAR)) : null;
    const weekday = c.value("weekday", parseWeekday, "День недели пишут словом: понедельник … суббота.", true);
    const lessonNumber = c.value("lessonNumber", (s) => parseInteger(s, 0, 12), "Номер урока — число от 0 до 12.", true);
    const subjectCell = c.required("subject");
    const subjectId = subjectCell ? (ctx.subjects.get(nameKey(subjectCell)) ?? c.fail("subject", "Такого предмета нет в школе: напишите название точно как в учебном плане.")) : null;
    const teacherCell = c.required("teacher");
    const teacherId = teacherCell ? teacherOf(c, "teacher", ctx.staff, teacherCell) : null;
    const room = c.optional("room") || null;
    if (room && room.length > 50) c.fail("room", "Слишком длинно: не больше 50 знаков.");
    const validFrom = c.day("validFrom", true);
    const validTo = c.day("validTo", false);
    if (validFrom && validTo && validTo < validFrom) c.fail("validTo", "Дата окончания раньше даты начала.");
    if (cohortId && weekday && lessonNumber !== null && subjectId && validFrom) {
      dup.check(c, slotKey({ cohortId, weekday, lessonNumber, subjectId, validFrom }), "lessonNumber", "Этот урок (класс, день, номер, предмет, дата начала)");
    }
    if (c.ok && cohortId && weekday && lessonNumber !== null && subjectId && teacherId && validFrom) {
      const plan = { cohortId, weekday, lessonNumber, subjectId, teacherId, room, validFrom, validTo };
      const ex = existing.get(slotKey(plan));
      // repeating a slot, or only ending it earlier (as «снять с расписания» does), cannot make things worse
      const keepsOrEnds = ex !== undefined && ex.teacherId === teacherId && ex.room === room &&
        (ex.validTo === validTo || (validTo !== null && (ex.validTo === null || validTo < ex.validTo)));
      if (!keepsOrEnds) checkPlacement(c, plan, ctx);
      placed.push({ line: row.line, check: c, plan, replaces: ex?.id ?? null, checked: !keepsOrEnds });
    }
  }
  checkConflicts(placed, ctx);
  const items = placed.filter((p) => p.check.ok).map((p): TimetableItem => ({ line: p.line, ...p.plan }));
  return { items, errors: checks.flatMap((c) => c.errors) };
}
