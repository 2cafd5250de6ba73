/**
 * Checking rows of students, guardians and staff before anything is written. Pure: what
 * the school already has arrives as plain maps, so every rule is unit-tested.
 */
import type { Gender, GuardianRelation, StaffRole } from "@/generated/prisma/enums";
import { DuplicateCheck, RowCheck, type ImportRow, type PersonNameInput, type RowError } from "@/lib/imports/row-check";
import { fullNameOf } from "@/lib/imports/staff-ref";
import { nameKey, numberKey, parseEmail, parseGender, parsePhone, parseRelation, parseRoles, parseYesNo } from "@/lib/imports/values";

export type Checked<T> = { items: T[]; errors: RowError[] };

function finish<T>(checks: RowCheck[], items: T[]): Checked<T> {
  return { items, errors: checks.flatMap((c) => c.errors) };
}

const YES_NO = "Напишите «да» или «нет».";

function limited(check: RowCheck, key: string, value: string | null, max: number): string | null {
  if (value !== null && value.length > max) return check.fail(key, `Слишком длинно: не больше ${max} знаков.`);
  return value;
}

// ───────────────────────────── students ─────────────────────────────

export type StudentContext = {
  /** CLASS cohorts of the current year, by nameKey → their name; empty without a year */
  classes: ReadonlyMap<string, string>;
  /** programs by nameKey → their name */
  programs: ReadonlyMap<string, string>;
};

export type StudentItem = PersonNameInput & {
  line: number;
  birthDate: string;
  gender: Gender;
  recordNumber: string;
  /** undefined: the file says nothing, leave as it is */
  className: string | undefined;
  program: string | undefined;
  individualPlan: boolean | undefined;
  homeSchooling: boolean | undefined;
  since: string | null;
};

export function validateStudents(rows: readonly ImportRow[], ctx: StudentContext): Checked<StudentItem> {
  const checks: RowCheck[] = [];
  const items: StudentItem[] = [];
  const dup = new DuplicateCheck();
  for (const row of rows) {
    const c = new RowCheck(row, "STUDENTS");
    checks.push(c);
    const name = c.name();
    const birthDate = c.day("birthDate", true);
    const gender = c.value("gender", parseGender, "Пол пишут буквой «м» или «ж».", true);
    const recordNumber = limited(c, "recordNumber", c.required("recordNumber"), 50);
    if (recordNumber) dup.check(c, numberKey(recordNumber), "recordNumber", "Этот номер личного дела");
    const classCell = c.optional("className");
    let className: string | undefined;
    if (classCell) {
      className = ctx.classes.get(nameKey(classCell));
      if (!className) c.fail("className", ctx.classes.size === 0 ? "Учебный год не настроен или в нём нет классов." : "Такого класса нет в текущем учебном году.");
    }
    const programCell = c.optional("program");
    let program: string | undefined;
    if (programCell) {
      program = ctx.programs.get(nameKey(programCell));
      if (!program) c.fail("program", "Такой образовательной программы нет в школе: напишите название точно как в списке программ.");
    }
    const individualPlan = c.has("individualPlan") ? c.value("individualPlan", parseYesNo, YES_NO, false) ?? false : undefined;
    const homeSchooling = c.has("homeSchooling") ? c.value("homeSchooling", parseYesNo, YES_NO, false) ?? false : undefined;
    const since = c.day("since", false);
    if (c.ok && name && birthDate && gender && recordNumber) {
      items.push({ line: row.line, ...name, birthDate, gender, recordNumber, className, program, individualPlan, homeSchooling, since });
    }
  }
  return finish(checks, items);
}

// ───────────────────────────── guardians ─────────────────────────────

export type GuardianContext = {
  /** record numbers of the school's students, by numberKey */
  students: ReadonlySet<string>;
  /** contacts the school already holds: `${nameKey(guardian)}|${channel}|${value}` */
  knownContacts: ReadonlySet<string>;
};

export type GuardianItem = PersonNameInput & {
  line: number;
  childRecord: string;
  relation: GuardianRelation;
  phone: string | null;
  email: string | null;
  applicationNumber: string | null;
  applicationDate: string | null;
};

export function contactKey(name: PersonNameInput, channel: "SMS" | "EMAIL", value: string): string {
  return `${nameKey(fullNameOf({ ...name, middleName: name.middleName ?? null }))}|${channel}|${value}`;
}

export function validateGuardians(rows: readonly ImportRow[], ctx: GuardianContext): Checked<GuardianItem> {
  const checks: RowCheck[] = [];
  const items: GuardianItem[] = [];
  const dup = new DuplicateCheck();
  for (const row of rows) {
    const c = new RowCheck(row, "GUARDIANS");
    checks.push(c);
    const name = c.name();
    const childRecord = c.required("childRecord");
    if (childRecord && !ctx.students.has(numberKey(childRecord))) {
      c.fail("childRecord", "Ученика с таким номером личного дела нет в школе. Сначала загрузите учеников.");
    }
    if (name && childRecord) dup.check(c, `${nameKey(fullNameOf({ ...name, middleName: name.middleName ?? null }))}|${numberKey(childRecord)}`, "childRecord", "Этот родитель этого ребёнка");
    const relation = c.value("relation", parseRelation, "Напишите одно из слов: мать, отец, опекун, попечитель, другое.", true);
    const phone = c.value("phone", parsePhone, "Номер мобильного телефона не распознан. Пример: 8 912 345-67-89.", false);
    const email = c.value("email", parseEmail, "Адрес электронной почты записан неверно. Пример: ivanova@example.ru.", false);
    const applicationNumber = limited(c, "applicationNumber", c.optional("applicationNumber") || null, 50);
    const applicationDate = c.day("applicationDate", false);
    if (name) {
      const fresh = [phone && contactKey(name, "SMS", phone), email && contactKey(name, "EMAIL", email)].filter(
        (k): k is string => typeof k === "string" && !ctx.knownContacts.has(k),
      );
      if (fresh.length > 0) {
        // a contact is taken only from a written application: its number and date are the proof
        if (!applicationNumber) c.fail("applicationNumber", "Для нового телефона или почты укажите номер письменного заявления родителя.");
        if (!applicationDate && !c.raw("applicationDate")) c.fail("applicationDate", "Для нового телефона или почты укажите дату письменного заявления родителя.");
      }
    }
    if (c.ok && name && childRecord && relation) {
      items.push({ line: row.line, ...name, childRecord, relation, phone, email, applicationNumber, applicationDate });
    }
  }
  return finish(checks, items);
}

// ───────────────────────────── staff ─────────────────────────────

export type StaffContext = {
  /** how many staff members without a personnel number bear each full name (nameKey) */
  unnumberedByName: ReadonlyMap<string, number>;
};

export type StaffItem = PersonNameInput & { line: number; position: string; roles: StaffRole[]; personnelNumber: string | null };

export function validateStaff(rows: readonly ImportRow[], ctx: StaffContext): Checked<StaffItem> {
  const checks: RowCheck[] = [];
  const items: StaffItem[] = [];
  const dup = new DuplicateCheck();
  for (const row of rows) {
    const c = new RowCheck(row, "STAFF");
    checks.push(c);
    const name = c.name();
    const position = limited(c, "position", c.required("position"), 200);
    const roles = c.value("roles", parseRoles, "Роли пишут словами «учитель» и «администратор» через запятую.", true);
    const personnelNumber = limited(c, "personnelNumber", c.optional("personnelNumber") || null, 30);
    if (personnelNumber) dup.check(c, `#${numberKey(personnelNumber)}`, "personnelNumber", "Этот табельный номер");
    else if (name) {
      const key = nameKey(fullNameOf({ ...name, middleName: name.middleName ?? null }));
      dup.check(c, key, "lastName", "Сотрудник с таким ФИО (без табельного номера)");
      if ((ctx.unnumberedByName.get(key) ?? 0) > 1) c.fail("personnelNumber", "В школе несколько сотрудников с таким ФИО: укажите табельный номер.");
    }
    if (c.ok && name && position && roles) items.push({ line: row.line, ...name, position, roles, personnelNumber });
  }
  return finish(checks, items);
}
