/**
 * Guardians with their link to a child and their contacts. A guardian is the person of
 * that full name already linked to the child; failing that, the person of that name who
 * already has the same phone or e-mail (a mother of two children, in two rows). New
 * contacts come from a written application: its number and date, and who entered it.
 */
import type { ContactChannel, GuardianRelation } from "@/generated/prisma/enums";
import { insertAll, newId, personLabel, type ImportedRow, type Tx } from "@/lib/imports/common";
import { contactKey, type GuardianContext, type GuardianItem } from "@/lib/imports/validate-people";
import { fullNameOf } from "@/lib/imports/staff-ref";
import { formatPhone, formatRelation, nameKey, numberKey } from "@/lib/imports/values";
import { dateToDay, dayToDate, formatDayRu } from "@/lib/time";

const CONTACT_SELECT = {
  where: { removedAt: null, channel: { in: ["SMS", "EMAIL"] as ContactChannel[] } },
  orderBy: { createdAt: "desc" as const },
  select: { id: true, channel: true, value: true, source: true, applicationNumber: true, applicationDate: true },
};

export async function loadGuardianContext(tx: Tx, schoolId: string): Promise<GuardianContext> {
  const students = await tx.student.findMany({ where: { schoolId }, select: { recordNumber: true } });
  const guardians = await tx.guardian.findMany({ where: { schoolId }, select: { lastName: true, firstName: true, middleName: true, contacts: CONTACT_SELECT } });
  const knownContacts = new Set<string>();
  for (const g of guardians) {
    for (const c of g.contacts) if (c.channel === "SMS" || c.channel === "EMAIL") knownContacts.add(contactKey(g, c.channel, c.value));
  }
  return { students: new Set(students.map((s) => numberKey(s.recordNumber))), knownContacts };
}

type Known = {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  contacts: { id: string; channel: ContactChannel; value: string }[];
  ships: Map<string, { id: string; relation: GuardianRelation; ended: boolean }>;
};

export async function applyGuardians(
  tx: Tx,
  schoolId: string,
  items: readonly GuardianItem[],
  opts: { today: string; enteredById: string | null },
): Promise<ImportedRow[]> {
  const students = await tx.student.findMany({ where: { schoolId }, select: { id: true, recordNumber: true } });
  const studentId = new Map(students.map((s) => [numberKey(s.recordNumber), s.id]));
  const rows = await tx.guardian.findMany({
    where: { schoolId },
    select: {
      id: true, lastName: true, firstName: true, middleName: true, contacts: CONTACT_SELECT,
      guardianships: { select: { id: true, studentId: true, relation: true, endDate: true } },
    },
  });
  const byName = new Map<string, Known[]>();
  const remember = (g: Known) => {
    const k = nameKey(fullNameOf(g));
    byName.set(k, [...(byName.get(k) ?? []), g]);
  };
  for (const g of rows) {
    remember({
      ...g,
      contacts: g.contacts.map((c) => ({ id: c.id, channel: c.channel, value: c.value })),
      ships: new Map(g.guardianships.map((s) => [s.studentId, { id: s.id, relation: s.relation, ended: s.endDate !== null }])),
    });
  }

  const today = dayToDate(opts.today);
  const now = new Date();
  const newGuardians: { id: string; schoolId: string; lastName: string; firstName: string; middleName: string | null }[] = [];
  const newShips: { id: string; schoolId: string; guardianId: string; studentId: string; relation: GuardianRelation; startDate: Date }[] = [];
  const newContacts: {
    id: string; schoolId: string; guardianId: string; channel: ContactChannel; value: string; source: "WRITTEN_APPLICATION";
    applicationNumber: string | null; applicationDate: Date | null; enteredById: string | null;
  }[] = [];
  const removedContacts: string[] = [];
  const writes: (() => Promise<unknown>)[] = [];
  const out: ImportedRow[] = [];

  for (const it of items) {
    const sid = studentId.get(numberKey(it.childRecord));
    if (!sid) continue; // validated: cannot happen
    const name = { lastName: it.lastName, firstName: it.firstName, middleName: it.middleName ?? null };
    const candidates = byName.get(nameKey(fullNameOf(name))) ?? [];
    const sameContact = (g: Known) => g.contacts.some((c) => (c.channel === "SMS" && c.value === it.phone) || (c.channel === "EMAIL" && c.value === it.email));
    let g = candidates.find((x) => x.ships.has(sid)) ?? candidates.find(sameContact);
    let result: ImportedRow["result"] = "unchanged";
    if (!g) {
      g = { id: newId(), ...name, contacts: [], ships: new Map() };
      newGuardians.push({ id: g.id, schoolId, lastName: g.lastName, firstName: g.firstName, middleName: g.middleName });
      remember(g);
      result = "created";
    } else {
      // the same person written with ё, or a corrected capital letter
      const fix: { lastName?: string; firstName?: string; middleName?: string | null } = {};
      if (g.lastName !== it.lastName) fix.lastName = it.lastName;
      if (g.firstName !== it.firstName) fix.firstName = it.firstName;
      if (it.middleName !== undefined && g.middleName !== it.middleName) fix.middleName = it.middleName;
      if (Object.keys(fix).length > 0) {
        const id = g.id;
        writes.push(() => tx.guardian.update({ where: { schoolId_id: { schoolId, id } }, data: fix }));
        Object.assign(g, fix);
        result = "updated";
      }
    }
    const guardianId = g.id;
    const ship = g.ships.get(sid);
    if (!ship) {
      const id = newId();
      newShips.push({ id, schoolId, guardianId, studentId: sid, relation: it.relation, startDate: today });
      g.ships.set(sid, { id, relation: it.relation, ended: false });
      if (result === "unchanged") result = "updated";
    } else if (ship.relation !== it.relation || ship.ended) {
      const id = ship.id;
      writes.push(() => tx.guardianship.update({ where: { schoolId_id: { schoolId, id } }, data: { relation: it.relation, endDate: null } }));
      ship.relation = it.relation;
      ship.ended = false;
      if (result === "unchanged") result = "updated";
    }
    for (const [channel, value] of [["SMS", it.phone], ["EMAIL", it.email]] as const) {
      if (!value) continue;
      const active = g.contacts.filter((c) => c.channel === channel);
      if (active.some((c) => c.value === value)) continue;
      // a changed phone is a new row; the old one is kept, marked removed, for the history
      removedContacts.push(...active.map((c) => c.id));
      const id = newId();
      newContacts.push({
        id, schoolId, guardianId, channel, value, source: "WRITTEN_APPLICATION", applicationNumber: it.applicationNumber,
        applicationDate: it.applicationDate ? dayToDate(it.applicationDate) : null, enteredById: opts.enteredById,
      });
      g.contacts = [...g.contacts.filter((c) => c.channel !== channel), { id, channel, value }];
      if (result === "unchanged") result = "updated";
    }
    out.push({ line: it.line, label: `${personLabel(name)} → ${it.childRecord}`, result });
  }

  await insertAll(newGuardians, (data) => tx.guardian.createMany({ data }));
  for (const w of writes) await w();
  await insertAll(newShips, (data) => tx.guardianship.createMany({ data }));
  if (removedContacts.length > 0) await tx.contact.updateMany({ where: { schoolId, id: { in: removedContacts } }, data: { removedAt: now } });
  await insertAll(newContacts, (data) => tx.contact.createMany({ data }));
  return out;
}

/** Every current link of a guardian to a current student, with the guardian's phone and e-mail. */
export async function exportGuardians(db: Tx, schoolId: string): Promise<string[][]> {
  const ships = await db.guardianship.findMany({
    where: { schoolId, endDate: null, student: { leftAt: null } },
    orderBy: [{ student: { lastName: "asc" } }, { student: { firstName: "asc" } }, { guardian: { lastName: "asc" } }],
    select: {
      relation: true,
      student: { select: { recordNumber: true } },
      guardian: { select: { lastName: true, firstName: true, middleName: true, contacts: CONTACT_SELECT } },
    },
  });
  return ships.map((s) => {
    const g = s.guardian;
    const phone = g.contacts.find((c) => c.channel === "SMS");
    const email = g.contacts.find((c) => c.channel === "EMAIL");
    const application = [phone, email].find((c) => c?.source === "WRITTEN_APPLICATION" && c.applicationNumber);
    return [
      g.lastName, g.firstName, g.middleName ?? "", s.student.recordNumber, formatRelation(s.relation),
      phone ? formatPhone(phone.value) : "", email?.value ?? "", application?.applicationNumber ?? "",
      application?.applicationDate ? formatDayRu(dateToDay(application.applicationDate)) : "",
    ];
  });
}
