/**
 * Students by their record number (номер личного дела): created, corrected, moved into
 * the named class of the current year and the named program from the given date. A row
 * that matches the database exactly changes nothing. Also the export in the same columns
 * and `importStudentRows`, the entry the benchmark uses with its own client.
 */
import type { Gender } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  countResults, currentYear, insertAll, newId, personLabel, type ImportCounts, type ImportedRow, type SchoolYear, type Tx,
} from "@/lib/imports/common";
import { applyGuardians, loadGuardianContext } from "@/lib/imports/guardians";
import type { ImportRow, RowError } from "@/lib/imports/row-check";
import { validateGuardians, validateStudents, type StudentContext, type StudentItem } from "@/lib/imports/validate-people";
import { formatGender, formatYesNo, nameKey, numberKey } from "@/lib/imports/values";
import { addDays, dateToDay, dayToDate, formatDayRu } from "@/lib/time";

export async function loadStudentContext(tx: Tx, schoolId: string, today: string): Promise<StudentContext & { year: SchoolYear | null }> {
  const year = await currentYear(tx, schoolId, today);
  const classes = year
    ? await tx.cohort.findMany({ where: { schoolId, yearId: year.id, kind: "CLASS" }, select: { name: true } })
    : [];
  const programs = await tx.program.findMany({ where: { schoolId }, select: { name: true } });
  return {
    year,
    classes: new Map(classes.map((c) => [nameKey(c.name), c.name])),
    programs: new Map(programs.map((p) => [nameKey(p.name), p.name])),
  };
}

const later = (a: string, b: string): string => (a > b ? a : b);

export async function applyStudents(tx: Tx, schoolId: string, items: readonly StudentItem[], today: string): Promise<ImportedRow[]> {
  const year = await currentYear(tx, schoolId, today);
  const classes = year ? await tx.cohort.findMany({ where: { schoolId, yearId: year.id, kind: "CLASS" }, select: { id: true, name: true } }) : [];
  const classId = new Map(classes.map((c) => [nameKey(c.name), c.id]));
  const programs = await tx.program.findMany({ where: { schoolId }, select: { id: true, name: true } });
  const programId = new Map(programs.map((p) => [nameKey(p.name), p.id]));
  const existing = await tx.student.findMany({
    where: { schoolId },
    select: { id: true, lastName: true, firstName: true, middleName: true, birthDate: true, gender: true, recordNumber: true, homeSchooling: true, individualPlan: true },
  });
  const byRecord = new Map(existing.map((s) => [numberKey(s.recordNumber), s]));
  const memberships = year
    ? await tx.cohortMembership.findMany({
        where: { schoolId, endDate: null, cohort: { yearId: year.id, kind: "CLASS" } },
        select: { id: true, studentId: true, cohortId: true, startDate: true },
      })
    : [];
  const openMembership = new Map(memberships.map((m) => [m.studentId, m]));
  const enrolments = await tx.programEnrolment.findMany({ where: { schoolId, endDate: null }, select: { id: true, studentId: true, programId: true, startDate: true } });
  const openEnrolments = new Map<string, typeof enrolments>();
  for (const e of enrolments) openEnrolments.set(e.studentId, [...(openEnrolments.get(e.studentId) ?? []), e]);

  // without a date a class or program starts today, kept inside the school year
  const defaultSince = year ? (today < year.startDate ? year.startDate : today > year.endDate ? year.endDate : today) : today;
  const newStudents: { id: string; schoolId: string; lastName: string; firstName: string; middleName: string | null; birthDate: Date; gender: Gender; recordNumber: string; homeSchooling: boolean; individualPlan: boolean }[] = [];
  const newMemberships: { id: string; schoolId: string; cohortId: string; studentId: string; startDate: Date }[] = [];
  const newEnrolments: { id: string; schoolId: string; programId: string; studentId: string; startDate: Date }[] = [];
  const writes: (() => Promise<unknown>)[] = [];
  const out: ImportedRow[] = [];

  for (const it of items) {
    const since = it.since ?? defaultSince;
    const cohortId = it.className === undefined ? undefined : classId.get(nameKey(it.className));
    const progId = it.program === undefined ? undefined : programId.get(nameKey(it.program));
    const label = personLabel(it, it.recordNumber);
    const s = byRecord.get(numberKey(it.recordNumber));
    if (!s) {
      const id = newId();
      newStudents.push({
        id, schoolId, lastName: it.lastName, firstName: it.firstName, middleName: it.middleName ?? null, birthDate: dayToDate(it.birthDate),
        gender: it.gender, recordNumber: it.recordNumber, homeSchooling: it.homeSchooling ?? false, individualPlan: it.individualPlan ?? false,
      });
      if (cohortId) newMemberships.push({ id: newId(), schoolId, cohortId, studentId: id, startDate: dayToDate(since) });
      if (progId) newEnrolments.push({ id: newId(), schoolId, programId: progId, studentId: id, startDate: dayToDate(since) });
      out.push({ line: it.line, label, result: "created" });
      continue;
    }
    const data: { lastName?: string; firstName?: string; middleName?: string | null; birthDate?: Date; gender?: Gender; homeSchooling?: boolean; individualPlan?: boolean } = {};
    if (s.lastName !== it.lastName) data.lastName = it.lastName;
    if (s.firstName !== it.firstName) data.firstName = it.firstName;
    if (it.middleName !== undefined && s.middleName !== it.middleName) data.middleName = it.middleName;
    if (dateToDay(s.birthDate) !== it.birthDate) data.birthDate = dayToDate(it.birthDate);
    if (s.gender !== it.gender) data.gender = it.gender;
    if (it.homeSchooling !== undefined && s.homeSchooling !== it.homeSchooling) data.homeSchooling = it.homeSchooling;
    if (it.individualPlan !== undefined && s.individualPlan !== it.individualPlan) data.individualPlan = it.individualPlan;
    let changed = Object.keys(data).length > 0;
    if (changed) writes.push(() => tx.student.update({ where: { schoolId_id: { schoolId, id: s.id } }, data }));

    const m = openMembership.get(s.id);
    if (cohortId && m?.cohortId !== cohortId) {
      if (m) {
        // the marks made in the old class stay there: the membership ends, it is not moved
        const endDate = dayToDate(later(dateToDay(m.startDate), addDays(since, -1)));
        writes.push(() => tx.cohortMembership.update({ where: { schoolId_id: { schoolId, id: m.id } }, data: { endDate, endReason: "MOVED" } }));
      }
      newMemberships.push({ id: newId(), schoolId, cohortId, studentId: s.id, startDate: dayToDate(since) });
      changed = true;
    }
    const open = openEnrolments.get(s.id) ?? [];
    if (progId && !open.some((e) => e.programId === progId)) {
      for (const e of open) {
        const endDate = dayToDate(later(dateToDay(e.startDate), addDays(since, -1)));
        writes.push(() => tx.programEnrolment.update({ where: { schoolId_id: { schoolId, id: e.id } }, data: { endDate } }));
      }
      newEnrolments.push({ id: newId(), schoolId, programId: progId, studentId: s.id, startDate: dayToDate(since) });
      changed = true;
    }
    out.push({ line: it.line, label, result: changed ? "updated" : "unchanged" });
  }

  for (const w of writes) await w();
  await insertAll(newStudents, (data) => tx.student.createMany({ data }));
  await insertAll(newMemberships, (data) => tx.cohortMembership.createMany({ data }));
  await insertAll(newEnrolments, (data) => tx.programEnrolment.createMany({ data }));
  return out;
}

/** The school's current students in the import's columns. */
export async function exportStudents(db: Tx, schoolId: string, today: string): Promise<string[][]> {
  const year = await currentYear(db, schoolId, today);
  const rows = await db.student.findMany({
    where: { schoolId, leftAt: null },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { recordNumber: "asc" }],
    select: {
      lastName: true, firstName: true, middleName: true, birthDate: true, gender: true, recordNumber: true, homeSchooling: true, individualPlan: true,
      memberships: {
        where: { endDate: null, cohort: { kind: "CLASS", yearId: year?.id ?? "00000000-0000-0000-0000-000000000000" } },
        select: { startDate: true, cohort: { select: { name: true } } },
        take: 1,
      },
      enrolments: { where: { endDate: null }, orderBy: { startDate: "desc" }, select: { startDate: true, program: { select: { name: true } } }, take: 1 },
    },
  });
  return rows.map((s) => {
    const m = s.memberships[0];
    const e = s.enrolments[0];
    const since = m?.startDate ?? e?.startDate;
    return [
      s.lastName, s.firstName, s.middleName ?? "", formatDayRu(dateToDay(s.birthDate)), formatGender(s.gender), s.recordNumber,
      m?.cohort.name ?? "", e?.program.name ?? "", formatYesNo(s.individualPlan), formatYesNo(s.homeSchooling), since ? formatDayRu(dateToDay(since)) : "",
    ];
  });
}

function describe(errors: readonly RowError[]): string {
  const first = errors.slice(0, 3).map((e) => `строка ${e.line}, «${e.column}»: ${e.message}`);
  return `${errors.length}; ${first.join("; ")}`;
}

function asRows(records: readonly Record<string, string>[]): ImportRow[] {
  return records.map((values, i) => ({ line: i + 2, values }));
}

/**
 * Students, then their guardians, from rows already read into fields (the keys of
 * lib/imports/columns.ts), in one transaction: all or nothing. For the benchmark
 * "import 1,000 students with guardians" and for scripts; the screen goes through
 * run-import.ts, which checks the user's permission first.
 */
export async function importStudentRows(
  db: Db,
  schoolId: string,
  input: { students: readonly Record<string, string>[]; guardians?: readonly Record<string, string>[] },
  options: { today: string; enteredById?: string | null },
): Promise<{ students: ImportCounts; guardians: ImportCounts }> {
  return db.$transaction(
    async (tx) => {
      const studentCheck = validateStudents(asRows(input.students), await loadStudentContext(tx, schoolId, options.today));
      if (studentCheck.errors.length > 0) throw new AppError("BAD_INPUT", `Ошибки в строках учеников: ${describe(studentCheck.errors)}`);
      const students = await applyStudents(tx, schoolId, studentCheck.items, options.today);
      const guardianCheck = validateGuardians(asRows(input.guardians ?? []), await loadGuardianContext(tx, schoolId));
      if (guardianCheck.errors.length > 0) throw new AppError("BAD_INPUT", `Ошибки в строках родителей: ${describe(guardianCheck.errors)}`);
      const guardians = await applyGuardians(tx, schoolId, guardianCheck.items, { today: options.today, enteredById: options.enteredById ?? null });
      return { students: countResults(students), guardians: countResults(guardians) };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
