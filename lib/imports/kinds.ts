/**
 * One entry per kind of file: check every row against what the school has, then apply
 * them, all inside the caller's transaction. Also the export of each kind.
 */
import type { ImportKindName } from "@/lib/imports/columns";
import type { ImportedRow, Tx } from "@/lib/imports/common";
import { applyCohorts, exportCohorts, loadCohortContext } from "@/lib/imports/cohorts";
import { applyGuardians, exportGuardians, loadGuardianContext } from "@/lib/imports/guardians";
import type { ImportRow, RowError } from "@/lib/imports/row-check";
import { applyStaff, exportStaff, loadStaffContext } from "@/lib/imports/staff";
import { applyStudents, exportStudents, loadStudentContext } from "@/lib/imports/students";
import { applyTimetable, exportTimetable, loadTimetableContext } from "@/lib/imports/timetable";
import { validateGuardians, validateStaff, validateStudents } from "@/lib/imports/validate-people";
import { validateCohorts, validateTimetable } from "@/lib/imports/validate-school";

export type KindOptions = { today: string; enteredById: string | null };
export type KindOutcome = { errors: RowError[] } | { rows: ImportedRow[] };

export async function checkAndApply(tx: Tx, kind: ImportKindName, schoolId: string, rows: readonly ImportRow[], opts: KindOptions): Promise<KindOutcome> {
  switch (kind) {
    case "STUDENTS": {
      const c = validateStudents(rows, await loadStudentContext(tx, schoolId, opts.today));
      return c.errors.length > 0 ? { errors: c.errors } : { rows: await applyStudents(tx, schoolId, c.items, opts.today) };
    }
    case "GUARDIANS": {
      const c = validateGuardians(rows, await loadGuardianContext(tx, schoolId));
      return c.errors.length > 0 ? { errors: c.errors } : { rows: await applyGuardians(tx, schoolId, c.items, opts) };
    }
    case "STAFF": {
      const c = validateStaff(rows, await loadStaffContext(tx, schoolId));
      return c.errors.length > 0 ? { errors: c.errors } : { rows: await applyStaff(tx, schoolId, c.items) };
    }
    case "COHORTS": {
      const c = validateCohorts(rows, await loadCohortContext(tx, schoolId, opts.today));
      return c.errors.length > 0 ? { errors: c.errors } : { rows: await applyCohorts(tx, schoolId, c.items, opts.today) };
    }
    case "TIMETABLE": {
      const c = validateTimetable(rows, await loadTimetableContext(tx, schoolId, opts.today));
      return c.errors.length > 0 ? { errors: c.errors } : { rows: await applyTimetable(tx, schoolId, c.items) };
    }
  }
}

export async function exportRowsOf(tx: Tx, kind: ImportKindName, schoolId: string, today: string): Promise<string[][]> {
  switch (kind) {
    case "STUDENTS":
      return exportStudents(tx, schoolId, today);
    case "GUARDIANS":
      return exportGuardians(tx, schoolId);
    case "STAFF":
      return exportStaff(tx, schoolId);
    case "COHORTS":
      return exportCohorts(tx, schoolId, today);
    case "TIMETABLE":
      return exportTimetable(tx, schoolId, today);
  }
}
