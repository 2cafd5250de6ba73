/**
 * The current year's classes, groups, streams and individual plans by name. Classes go
 * first, so a group may name a class created by the same file.
 */
import type { CohortKind } from "@/generated/prisma/enums";
import { currentYear, newId, type ImportedRow, type Tx } from "@/lib/imports/common";
import { StaffDirectory, type StaffRef } from "@/lib/imports/staff-ref";
import type { CohortContext, CohortItem } from "@/lib/imports/validate-school";
import { formatCohortKind, nameKey } from "@/lib/imports/values";

export async function loadStaffDirectory(tx: Tx, schoolId: string): Promise<StaffDirectory> {
  const staff: StaffRef[] = await tx.staff.findMany({
    where: { schoolId },
    select: { id: true, personnelNumber: true, lastName: true, firstName: true, middleName: true },
  });
  return new StaffDirectory(staff);
}

export async function loadCohortContext(tx: Tx, schoolId: string, today: string): Promise<CohortContext> {
  const year = await currentYear(tx, schoolId, today);
  const cohorts = year ? await tx.cohort.findMany({ where: { schoolId, yearId: year.id }, select: { name: true, kind: true, grade: true } }) : [];
  return {
    hasYear: year !== null,
    existing: new Map(cohorts.map((c) => [nameKey(c.name), { kind: c.kind, grade: c.grade }])),
    staff: await loadStaffDirectory(tx, schoolId),
  };
}

const ORDER: Record<CohortKind, number> = { CLASS: 0, GROUP: 1, STREAM: 2, INDIVIDUAL: 3 };

export async function applyCohorts(tx: Tx, schoolId: string, items: readonly CohortItem[], today: string): Promise<ImportedRow[]> {
  const year = await currentYear(tx, schoolId, today);
  if (!year) return [];
  const rows = await tx.cohort.findMany({
    where: { schoolId, yearId: year.id },
    select: { id: true, name: true, kind: true, grade: true, parentId: true, classTeacherId: true },
  });
  const byName = new Map(rows.map((c) => [nameKey(c.name), c]));
  const out: ImportedRow[] = [];
  const ordered = [...items].sort((a, b) => (a.kind === "GROUP" ? 1 : 0) - (b.kind === "GROUP" ? 1 : 0) || a.line - b.line);
  for (const it of ordered) {
    const parentId = it.parent ? (byName.get(it.parent)?.id ?? null) : null;
    const parentGrade = it.parent ? byName.get(it.parent)?.grade : undefined;
    const ex = byName.get(nameKey(it.name));
    if (!ex) {
      const c = {
        id: newId(), name: it.name, kind: it.kind, grade: it.grade ?? parentGrade ?? 0, parentId,
        classTeacherId: it.classTeacherId ?? null,
      };
      await tx.cohort.create({ data: { schoolId, yearId: year.id, ...c } });
      byName.set(nameKey(it.name), c);
      out.push({ line: it.line, label: it.name, result: "created" });
      continue;
    }
    const data: { name?: string; kind?: CohortKind; grade?: number; parentId?: string | null; classTeacherId?: string | null } = {};
    if (ex.name !== it.name) data.name = it.name;
    if (ex.kind !== it.kind) data.kind = it.kind;
    if (it.grade !== null && ex.grade !== it.grade) data.grade = it.grade;
    if (ex.parentId !== parentId) data.parentId = parentId;
    if (it.classTeacherId !== undefined && ex.classTeacherId !== it.classTeacherId) data.classTeacherId = it.classTeacherId;
    const changed = Object.keys(data).length > 0;
    if (changed) await tx.cohort.update({ where: { schoolId_id: { schoolId, id: ex.id } }, data });
    out.push({ line: it.line, label: it.name, result: changed ? "updated" : "unchanged" });
  }
  return out.sort((a, b) => a.line - b.line);
}

export async function exportCohorts(db: Tx, schoolId: string, today: string): Promise<string[][]> {
  const year = await currentYear(db, schoolId, today);
  if (!year) return [];
  const staff = await loadStaffDirectory(db, schoolId);
  const rows = await db.cohort.findMany({
    where: { schoolId, yearId: year.id },
    orderBy: [{ grade: "asc" }, { name: "asc" }],
    select: { name: true, kind: true, grade: true, classTeacherId: true, parent: { select: { name: true } } },
  });
  return rows
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind])
    .map((c) => [c.name, formatCohortKind(c.kind), String(c.grade), c.parent?.name ?? "", c.classTeacherId ? staff.label(c.classTeacherId) : ""]);
}
