/**
 * Staff by табельный номер, or by full name when the file gives none. A member entered by
 * hand before (no number yet) is found by name and gets the number from the file.
 */
import type { StaffRole } from "@/generated/prisma/enums";
import { insertAll, newId, personLabel, type ImportedRow, type Tx } from "@/lib/imports/common";
import { fullNameOf } from "@/lib/imports/staff-ref";
import type { StaffContext, StaffItem } from "@/lib/imports/validate-people";
import { formatRoles, nameKey, numberKey } from "@/lib/imports/values";

export async function loadStaffContext(tx: Tx, schoolId: string): Promise<StaffContext> {
  const staff = await tx.staff.findMany({ where: { schoolId }, select: { lastName: true, firstName: true, middleName: true } });
  const byName = new Map<string, number>();
  for (const s of staff) byName.set(nameKey(fullNameOf(s)), (byName.get(nameKey(fullNameOf(s))) ?? 0) + 1);
  return { unnumberedByName: byName };
}

const sameRoles = (a: readonly StaffRole[], b: readonly StaffRole[]) => a.length === b.length && a.every((r) => b.includes(r));

export async function applyStaff(tx: Tx, schoolId: string, items: readonly StaffItem[]): Promise<ImportedRow[]> {
  const staff = await tx.staff.findMany({
    where: { schoolId },
    select: { id: true, lastName: true, firstName: true, middleName: true, position: true, roles: true, personnelNumber: true },
  });
  const byNumber = new Map(staff.flatMap((s) => (s.personnelNumber ? [[numberKey(s.personnelNumber), s] as const] : [])));
  const byName = new Map<string, typeof staff>();
  for (const s of staff) byName.set(nameKey(fullNameOf(s)), [...(byName.get(nameKey(fullNameOf(s))) ?? []), s]);

  const created: { id: string; schoolId: string; lastName: string; firstName: string; middleName: string | null; position: string; roles: StaffRole[]; personnelNumber: string | null }[] = [];
  const writes: (() => Promise<unknown>)[] = [];
  const out: ImportedRow[] = [];
  for (const it of items) {
    const sameName = byName.get(nameKey(fullNameOf({ ...it, middleName: it.middleName ?? null }))) ?? [];
    const s = it.personnelNumber
      ? (byNumber.get(numberKey(it.personnelNumber)) ?? (sameName.length === 1 && !sameName[0]?.personnelNumber ? sameName[0] : undefined))
      : sameName.length === 1 ? sameName[0] : undefined;
    const label = personLabel(it, it.personnelNumber ?? undefined);
    if (!s) {
      created.push({ id: newId(), schoolId, lastName: it.lastName, firstName: it.firstName, middleName: it.middleName ?? null, position: it.position, roles: it.roles, personnelNumber: it.personnelNumber });
      out.push({ line: it.line, label, result: "created" });
      continue;
    }
    const data: { lastName?: string; firstName?: string; middleName?: string | null; position?: string; roles?: StaffRole[]; personnelNumber?: string } = {};
    if (s.lastName !== it.lastName) data.lastName = it.lastName;
    if (s.firstName !== it.firstName) data.firstName = it.firstName;
    if (it.middleName !== undefined && s.middleName !== it.middleName) data.middleName = it.middleName;
    if (s.position !== it.position) data.position = it.position;
    if (!sameRoles(s.roles, it.roles)) data.roles = it.roles;
    if (it.personnelNumber && !s.personnelNumber) data.personnelNumber = it.personnelNumber;
    const changed = Object.keys(data).length > 0;
    if (changed) writes.push(() => tx.staff.update({ where: { schoolId_id: { schoolId, id: s.id } }, data }));
    out.push({ line: it.line, label, result: changed ? "updated" : "unchanged" });
  }
  for (const w of writes) await w();
  await insertAll(created, (data) => tx.staff.createMany({ data }));
  return out;
}

export async function exportStaff(db: Tx, schoolId: string): Promise<string[][]> {
  const staff = await db.staff.findMany({
    where: { schoolId, leftAt: null },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { lastName: true, firstName: true, middleName: true, position: true, roles: true, personnelNumber: true },
  });
  return staff.map((s) => [s.lastName, s.firstName, s.middleName ?? "", s.position, formatRoles(s.roles), s.personnelNumber ?? ""]);
}
