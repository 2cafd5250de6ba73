/**
 * The administrator's import of a OneRoster 1.2 CSV package (rosters only): the school's
 * years and periods, subjects, classes and their subject lines, students, staff and
 * guardians, memberships and teachers, as docs/oneroster.md maps them — the inverse of
 * the export, so a package exported by one journal sets up an empty school in another.
 *
 * Every row is checked first, and every mistake is listed with its file, line and
 * column in Russian; only a package without a single mistake is applied, in one
 * transaction. Rows are matched by sourcedId (our row's id), so importing the same
 * package twice changes nothing the second time. Like the spreadsheet import
 * (lib/imports/run-import.ts) each run is logged in ImportRun.
 *
 * The package's one org of type school is the importing school, whatever its id (it
 * may come from another journal): references to it are read as references to us.
 */
import "server-only";
import { createHash } from "node:crypto";

import type { Gender, GuardianRelation, StaffRole } from "@/generated/prisma/enums";
import { db } from "@/lib/db/server";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import type { ImportCounts, Tx } from "@/lib/imports/common";
import { readPackage, type CsvRow, type PackageProblem } from "@/lib/oneroster/csv/read";
import { dateToDay, dayToDate, schoolToday } from "@/lib/time";
import { ONEROSTER_MAX_ZIP_BYTES as MAX_ZIP_BYTES, ONEROSTER_MAX_ZIP_MB } from "./limits";

export type OneRosterImportReport = {
  fileName: string;
  /** CHECKED: a dry run found no mistake and wrote nothing */
  status: "APPLIED" | "REJECTED" | "CHECKED";
  counts: ImportCounts;
  errors: PackageProblem[];
};


/** The binding's required columns among those we read; the others may be left out. */
const REQUIRED = {
  orgs: ["sourcedId", "name", "type"],
  academicSessions: ["sourcedId", "title", "type", "startDate", "endDate"],
  courses: ["sourcedId", "title"],
  classes: ["sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId", "termSourcedIds"],
  users: ["sourcedId", "enabledUser", "givenName", "familyName"],
  roles: ["sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"],
  enrollments: ["sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"],
  demographics: ["sourcedId"],
} as const;

const ADMIN_ROLES = new Set(["administrator", "siteAdministrator", "systemAdministrator", "districtAdministrator", "principal"]);
const TEACHER_ROLES = new Set(["teacher", "aide", "counselor", "proctor"]);
const GUARDIAN_ROLES = new Set(["parent", "guardian", "relative"]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Our id for a sourcedId: itself when it is a UUID (a package from a journal), else a
 * UUID made from it and the school (version 5 layout), the same on every import.
 */
function idOf(schoolId: string, sourcedId: string): string {
  if (UUID.test(sourcedId)) return sourcedId.toLowerCase();
  const h = createHash("sha1").update(`${schoolId}:${sourcedId}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function validDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const list = (v: string): string[] => v.split(",").map((s) => s.trim()).filter((s) => s !== "");

/** A row as the checks read it: its cells, and a way to note a mistake in one of its columns. */
class Check {
  constructor(
    private readonly problems: PackageProblem[],
    readonly file: string,
    readonly row: CsvRow,
  ) {}
  get(column: string): string {
    return this.row.values[column] ?? "";
  }
  fail(column: string, message: string): null {
    this.problems.push({ file: `${this.file}.csv`, line: this.row.line, column, value: this.get(column), message });
    return null;
  }
  required(column: string): string | null {
    const v = this.get(column);
    return v === "" ? this.fail(column, `Не заполнен столбец «${column}».`) : v;
  }
  day(column: string, required: boolean): string | null {
    const v = this.get(column);
    if (v === "") return required ? this.fail(column, `Не заполнен столбец «${column}» (дата ГГГГ-ММ-ДД).`) : null;
    return validDay(v) ? v : this.fail(column, "Дата записана не так: нужно ГГГГ-ММ-ДД, например 2026-09-01.");
  }
  get deleted(): boolean {
    return this.get("status") === "tobedeleted";
  }
}

type Year = { id: string; name: string; startDate: string; endDate: string; line: Check };
type PeriodIn = { id: string; yearId: string; name: string; startDate: string; endDate: string; line: Check };
type SubjectIn = { id: string; name: string; shortName: string; check: Check };
type CohortIn = { id: string; yearId: string; name: string; grade: number; kind: "CLASS" | "GROUP" | "STREAM" | "INDIVIDUAL"; check: Check };
type ItemIn = { cohortId: string; subjectId: string };
type PersonIn = { id: string; lastName: string; firstName: string; middleName: string | null; identifier: string; check: Check };
type MembershipIn = { id: string; cohortId: string; studentId: string; startDate: string | null; endDate: string | null; deleted: boolean };
type TeacherIn = { id: string; cohortId: string; subjectId: string; staffId: string; begin: string | null; end: string | null };

/** Everything the package says, checked against itself and the school's rows. */
type Plan = {
  years: Year[];
  periods: PeriodIn[];
  subjects: SubjectIn[];
  cohorts: CohortIn[];
  items: ItemIn[];
  students: (PersonIn & { birthDate: string | null; gender: Gender | null })[];
  staff: (PersonIn & { roles: StaffRole[] })[];
  guardians: (PersonIn & { relation: GuardianRelation })[];
  /** guardian id → child ids, from either side's agentSourcedIds */
  agents: Map<string, Set<string>>;
  memberships: MembershipIn[];
  classTeachers: Map<string, string>;
  teachers: TeacherIn[];
};

class Rejected extends Error {
  constructor(readonly problems: PackageProblem[]) {
    super("rejected");
  }
}
class DryRun extends Error {
  constructor(readonly counts: ImportCounts) {
    super("dry run");
  }
}

export async function importOneRosterCsv(p: Principal, zip: Uint8Array, options: { dryRun: boolean; fileName?: string }): Promise<OneRosterImportReport> {
  assertCan(p, "school.manage");
  if (zip.byteLength === 0) throw new AppError("BAD_INPUT", "Файл пустой.", { file: ["Файл пустой."] });
  if (zip.byteLength > MAX_ZIP_BYTES) throw new AppError("BAD_INPUT", `Архив больше ${ONEROSTER_MAX_ZIP_MB} МБ.`, { file: [`Архив больше ${ONEROSTER_MAX_ZIP_MB} МБ.`] });
  const fileName = (options.fileName ?? "oneroster.zip").slice(0, 200) || "oneroster.zip";
  const fileHash = createHash("sha256").update(zip).digest("hex");
  const zero = { created: 0, updated: 0, unchanged: 0 };
  const base = { schoolId: p.schoolId, kind: "ONEROSTER" as const, fileName: fileName.slice(0, 200), fileHash, actorUserId: p.userId };
  const reject = async (errors: PackageProblem[]): Promise<OneRosterImportReport> => {
    if (!options.dryRun) await db.importRun.create({ data: { ...base, status: "REJECTED", errors: errors.slice(0, 1000) } });
    return { fileName, status: "REJECTED", counts: zero, errors };
  };

  const read = await readPackage(zip, REQUIRED);
  if ("problems" in read) return reject(read.problems);
  const today = schoolToday(p.timeZone);
  try {
    const counts = await db.$transaction(
      async (tx) => {
        const problems: PackageProblem[] = [];
        const plan = await planOf(tx, p.schoolId, read.package.files, problems);
        if (problems.length > 0) throw new Rejected(problems);
        const c = await apply(tx, p.schoolId, plan, today);
        // a name or number the school already uses under another id shows only now
        if (problems.length > 0) throw new Rejected(problems);
        if (options.dryRun) throw new DryRun(c);
        await tx.importRun.create({ data: { ...base, status: "APPLIED", ...c } });
        return c;
      },
      { timeout: 5 * 60_000, maxWait: 30_000 },
    );
    return { fileName, status: "APPLIED", counts, errors: [] };
  } catch (error) {
    if (error instanceof Rejected) return reject(error.problems);
    if (error instanceof DryRun) return { fileName, status: "CHECKED", counts: error.counts, errors: [] };
    throw error;
  }
}

/** Reads every file into the plan, noting each mistake; references are checked against the package and the school. */
async function planOf(tx: Tx, schoolId: string, files: Map<string, CsvRow[]>, problems: PackageProblem[]): Promise<Plan> {
  const rows = (file: string): Check[] => (files.get(file) ?? []).map((r) => new Check(problems, file, r));
  const id = (v: string) => idOf(schoolId, v);
  const seen = new Map<string, string>();
  const unique = (c: Check): string | null => {
    const sid = c.required("sourcedId");
    if (sid === null) return null;
    const key = `${c.file}:${sid}`;
    const first = seen.get(key);
    if (first) return c.fail("sourcedId", `Этот sourcedId уже есть в строке ${first} этого файла.`);
    seen.set(key, String(c.row.line));
    return sid;
  };

  // the school: one org of type school, which is us
  const orgIds = new Set<string>([schoolId]);
  let schoolOrgs = 0;
  for (const c of rows("orgs")) {
    const sid = unique(c);
    if (sid === null) continue;
    if (c.get("type") !== "school") {
      c.fail("type", "В архиве может быть только сама школа (type = school): районы и отделения журнал не ведёт.");
      continue;
    }
    schoolOrgs += 1;
    if (schoolOrgs > 1) c.fail("sourcedId", "В orgs.csv больше одной школы. Загрузите архив одной школы.");
    orgIds.add(sid);
  }
  const isUs = (v: string) => orgIds.has(v);
  const homeroomCourse = (v: string) => v.startsWith("homeroom.") && isUs(v.slice("homeroom.".length));

  const existing = await loadExisting(tx, schoolId);

  const years: Year[] = [];
  const periods: PeriodIn[] = [];
  const yearIds = new Set(existing.years);
  const sessionRows = rows("academicSessions");
  for (const c of sessionRows) {
    const sid = unique(c);
    const title = c.required("title");
    const start = c.day("startDate", true);
    const end = c.day("endDate", true);
    if (start && end && start > end) c.fail("endDate", "Конец раньше начала.");
    const type = c.get("type");
    if (type === "term" || type === "schoolYear") {
      if (sid && title && start && end) years.push({ id: id(sid), name: title, startDate: start, endDate: end, line: c });
      if (sid) yearIds.add(id(sid));
    } else if (type !== "gradingPeriod" && type !== "semester") {
      c.fail("type", "Тип периода: term (учебный год), gradingPeriod (четверть, триместр, полугодие) или schoolYear.");
    }
  }
  for (const c of sessionRows) {
    const type = c.get("type");
    if (type !== "gradingPeriod" && type !== "semester") continue;
    const sid = c.get("sourcedId");
    const parent = c.get("parentSourcedId");
    if (parent === "") {
      c.fail("parentSourcedId", "Укажите учебный год (sourcedId строки с type = term), к которому относится период.");
      continue;
    }
    if (!yearIds.has(id(parent))) {
      c.fail("parentSourcedId", "Такого учебного года нет ни в academicSessions.csv, ни в школе.");
      continue;
    }
    const title = c.get("title");
    const start = c.get("startDate");
    const end = c.get("endDate");
    if (sid && title && validDay(start) && validDay(end)) periods.push({ id: id(sid), yearId: id(parent), name: title, startDate: start, endDate: end, line: c });
  }

  const subjects: SubjectIn[] = [];
  const subjectIds = new Set(existing.subjects);
  for (const c of rows("courses")) {
    const sid = unique(c);
    if (sid === null || homeroomCourse(sid)) continue;
    const title = c.required("title");
    if (title) subjects.push({ id: id(sid), name: title, shortName: c.get("courseCode") || title, check: c });
    subjectIds.add(id(sid));
  }

  const cohorts: CohortIn[] = [];
  const items: ItemIn[] = [];
  const classRows = rows("classes");
  const cohortIds = new Set(existing.cohorts);
  for (const c of classRows) if (c.get("classType") === "homeroom" && c.get("sourcedId")) cohortIds.add(id(c.get("sourcedId")));
  const scheduled = new Map<string, ItemIn>();
  for (const c of classRows) {
    const sid = unique(c);
    const school = c.get("schoolSourcedId");
    if (school !== "" && !isUs(school)) c.fail("schoolSourcedId", "Это не та школа, что в orgs.csv.");
    const course = c.required("courseSourcedId");
    if (sid === null || course === null) continue;
    const type = c.get("classType");
    if (type === "homeroom") {
      const terms = list(c.get("termSourcedIds"));
      const yearId = terms.map(id).find((t) => yearIds.has(t));
      if (!yearId) {
        c.fail("termSourcedIds", "Укажите учебный год класса (sourcedId строки academicSessions.csv с type = term).");
        continue;
      }
      const kind = ({ CLASS: "CLASS", GROUP: "GROUP", STREAM: "STREAM", INDIVIDUAL: "INDIVIDUAL" } as const)[c.get("classCode") as "CLASS"] ?? "CLASS";
      const grade = Number.parseInt(list(c.get("grades"))[0] ?? "", 10);
      if (!Number.isInteger(grade) || grade < 0 || grade > 12) {
        c.fail("grades", "Укажите класс (параллель) числом: 01 … 11.");
        continue;
      }
      const title = c.required("title");
      if (title) cohorts.push({ id: id(sid), yearId, name: title, grade, kind, check: c });
    } else if (type === "scheduled") {
      const [cohortPart, subjectPart, ...rest] = sid.split(".");
      if (!cohortPart || !subjectPart || rest.length > 0) {
        c.fail("sourcedId", "У предмета класса sourcedId пишется «<класс>.<предмет>»: sourcedId класса (homeroom) и курса через точку.");
        continue;
      }
      if (!cohortIds.has(id(cohortPart))) {
        c.fail("sourcedId", "Класса из первой части sourcedId нет ни в classes.csv, ни в школе.");
        continue;
      }
      if (course !== subjectPart) c.fail("courseSourcedId", "Курс не совпадает со второй частью sourcedId.");
      else if (!subjectIds.has(id(course))) c.fail("courseSourcedId", "Такого курса нет ни в courses.csv, ни в школе.");
      else {
        const item = { cohortId: id(cohortPart), subjectId: id(subjectPart) };
        items.push(item);
        scheduled.set(sid, item);
      }
    } else c.fail("classType", "Тип класса: homeroom (класс, группа) или scheduled (предмет класса).");
  }
  const classKind = (sid: string): "homeroom" | "scheduled" | null => {
    if (cohortIds.has(id(sid))) return "homeroom";
    if (scheduled.has(sid)) return "scheduled";
    const [a, b, ...rest] = sid.split(".");
    if (a && b && rest.length === 0 && existing.items.has(`${id(a)}.${id(b)}`)) return "scheduled";
    return null;
  };

  // users: the role comes from roles.csv (1.2), the person from users.csv
  const roleOf = new Map<string, string>();
  const teaches = new Set<string>();
  for (const c of rows("roles")) {
    if (unique(c) === null) continue;
    const user = c.required("userSourcedId");
    const role = c.required("role");
    const org = c.get("orgSourcedId");
    if (org !== "" && !isUs(org)) c.fail("orgSourcedId", "Это не та школа, что в orgs.csv.");
    if (!user || !role) continue;
    if (!ADMIN_ROLES.has(role) && !TEACHER_ROLES.has(role) && !GUARDIAN_ROLES.has(role) && role !== "student") {
      c.fail("role", "Роль не распознана: student, teacher, administrator, parent, guardian или relative.");
      continue;
    }
    // the primary role says who the person is; a secondary teacher role makes an administrator also a teacher
    if (c.get("roleType") === "primary" || !roleOf.has(user)) roleOf.set(user, role);
    if (TEACHER_ROLES.has(role)) teaches.add(user);
  }
  const students: Plan["students"] = [];
  const staff: Plan["staff"] = [];
  const guardians: Plan["guardians"] = [];
  const agents = new Map<string, Set<string>>();
  const kindOf = new Map<string, "student" | "staff" | "guardian">(existing.people);
  const userRows = rows("users");
  const agentLinks: { check: Check; personId: string; kind: "student" | "guardian"; agents: string[] }[] = [];
  for (const c of userRows) {
    const sid = unique(c);
    if (sid === null) continue;
    const role = roleOf.get(sid) ?? c.get("role");
    const givenName = c.required("givenName");
    const familyName = c.required("familyName");
    if (role === "") {
      c.fail("sourcedId", "У пользователя нет роли: добавьте строку в roles.csv (userSourcedId = этот sourcedId).");
      continue;
    }
    if (!givenName || !familyName) continue;
    const person: PersonIn = { id: id(sid), lastName: familyName, firstName: givenName, middleName: c.get("middleName") || null, identifier: c.get("identifier"), check: c };
    if (role === "student") {
      students.push({ ...person, birthDate: null, gender: null });
      kindOf.set(person.id, "student");
      agentLinks.push({ check: c, personId: person.id, kind: "student", agents: list(c.get("agentSourcedIds")) });
    } else if (ADMIN_ROLES.has(role) || TEACHER_ROLES.has(role)) {
      staff.push({ ...person, roles: ADMIN_ROLES.has(role) ? (teaches.has(sid) ? ["ADMIN", "TEACHER"] : ["ADMIN"]) : ["TEACHER"] });
      kindOf.set(person.id, "staff");
    } else if (GUARDIAN_ROLES.has(role)) {
      guardians.push({ ...person, relation: role === "guardian" ? "GUARDIAN" : role === "relative" ? "OTHER" : parentRelation(person) });
      kindOf.set(person.id, "guardian");
      agentLinks.push({ check: c, personId: person.id, kind: "guardian", agents: list(c.get("agentSourcedIds")) });
    } else c.fail("sourcedId", "Роль не распознана: student, teacher, administrator, parent, guardian или relative.");
  }
  for (const link of agentLinks) {
    for (const a of link.agents) {
      const other = kindOf.get(id(a));
      const want = link.kind === "student" ? "guardian" : "student";
      if (other !== want) {
        link.check.fail("agentSourcedIds", `${a}: ${link.kind === "student" ? "такого родителя (законного представителя)" : "такого ученика"} нет ни в users.csv, ни в школе.`);
        continue;
      }
      const [guardianId, studentId] = link.kind === "student" ? [id(a), link.personId] : [link.personId, id(a)];
      agents.set(guardianId, (agents.get(guardianId) ?? new Set()).add(studentId));
    }
  }

  const byStudent = new Map(students.map((s) => [s.id, s]));
  for (const c of rows("demographics")) {
    const sid = unique(c);
    if (sid === null) continue;
    const birth = c.day("birthDate", false);
    const sex = c.get("sex");
    if (sex !== "" && sex !== "male" && sex !== "female") c.fail("sex", "Пол: male или female.");
    const s = byStudent.get(id(sid));
    if (!s) {
      if (kindOf.get(id(sid)) !== "student") c.fail("sourcedId", "Сведения о рождении и поле журнал хранит только для учеников: такого ученика нет.");
      continue;
    }
    s.birthDate = birth;
    s.gender = sex === "male" ? "MALE" : sex === "female" ? "FEMALE" : null;
  }
  for (const s of students) {
    if (existing.studentIds.has(s.id)) continue;
    if (!s.birthDate) s.check.fail("sourcedId", "У нового ученика нет даты рождения: добавьте его строку в demographics.csv (birthDate).");
    if (!s.gender) s.check.fail("sourcedId", "У нового ученика не указан пол: добавьте его строку в demographics.csv (sex = male или female).");
  }

  const memberships: MembershipIn[] = [];
  const classTeachers = new Map<string, string>();
  const teachers: TeacherIn[] = [];
  for (const c of rows("enrollments")) {
    const sid = unique(c);
    const cls = c.required("classSourcedId");
    const user = c.required("userSourcedId");
    const role = c.required("role");
    const school = c.get("schoolSourcedId");
    if (school !== "" && !isUs(school)) c.fail("schoolSourcedId", "Это не та школа, что в orgs.csv.");
    const begin = c.day("beginDate", false);
    const end = c.day("endDate", false);
    if (begin && end && begin > end) c.fail("endDate", "Конец раньше начала.");
    if (!sid || !cls || !user || !role) continue;
    const kind = classKind(cls);
    if (kind === null) {
      c.fail("classSourcedId", "Такого класса нет ни в classes.csv, ни в школе.");
      continue;
    }
    const person = kindOf.get(id(user));
    if (role === "student") {
      if (person !== "student") {
        c.fail("userSourcedId", "Такого ученика нет ни в users.csv, ни в школе.");
        continue;
      }
      // a scheduled class's student enrollment is the homeroom membership seen per subject
      if (kind === "homeroom") memberships.push({ id: id(sid), cohortId: id(cls), studentId: id(user), startDate: begin, endDate: end, deleted: c.deleted });
    } else if (role === "teacher" || role === "administrator") {
      if (person !== "staff") {
        c.fail("userSourcedId", "Такого учителя нет ни в users.csv, ни в школе.");
        continue;
      }
      if (kind === "homeroom") {
        if (c.deleted) continue;
        const prev = classTeachers.get(id(cls));
        if (prev && prev !== id(user)) c.fail("userSourcedId", "У класса уже указан другой классный руководитель.");
        else classTeachers.set(id(cls), id(user));
      } else {
        const [a, b] = cls.split(".") as [string, string];
        if (!c.deleted) teachers.push({ id: id(sid), cohortId: id(a), subjectId: id(b), staffId: id(user), begin, end });
      }
    } else c.fail("role", "Роль в классе: student или teacher.");
  }

  return { years, periods, subjects, cohorts, items, students, staff, guardians, agents, memberships, classTeachers, teachers };
}

/** A parent's relation from the patronymic (Ивановна — mother, Иванович — father), else from the first name. */
function parentRelation(p: { firstName: string; middleName: string | null }): GuardianRelation {
  const m = (p.middleName ?? "").toLowerCase();
  if (/(вна|чна|кызы)$/.test(m)) return "MOTHER";
  if (/(вич|ьич|оглы)$/.test(m)) return "FATHER";
  return /[ая]$/.test(p.firstName.toLowerCase()) ? "MOTHER" : "FATHER";
}

async function loadExisting(tx: Tx, schoolId: string) {
  const where = { schoolId };
  const [years, subjects, cohorts, items, students, staff, guardians] = await Promise.all([
    tx.academicYear.findMany({ where, select: { id: true } }),
    tx.subject.findMany({ where, select: { id: true } }),
    tx.cohort.findMany({ where, select: { id: true } }),
    tx.curriculumItem.findMany({ where, select: { cohortId: true, subjectId: true } }),
    tx.student.findMany({ where, select: { id: true } }),
    tx.staff.findMany({ where, select: { id: true } }),
    tx.guardian.findMany({ where, select: { id: true } }),
  ]);
  const people = new Map<string, "student" | "staff" | "guardian">([
    ...students.map((s) => [s.id, "student"] as const),
    ...staff.map((s) => [s.id, "staff"] as const),
    ...guardians.map((g) => [g.id, "guardian"] as const),
  ]);
  return {
    years: years.map((y) => y.id),
    subjects: subjects.map((s) => s.id),
    cohorts: cohorts.map((c) => c.id),
    items: new Set(items.map((i) => `${i.cohortId}.${i.subjectId}`)),
    studentIds: new Set(students.map((s) => s.id)),
    people,
  };
}

/** The period kind and number from its Russian name («2 четверть», «1 полугодие», «Год»), else the order in its year. */
function periodKind(name: string): { kind: "QUARTER" | "TRIMESTER" | "SEMESTER" | "YEAR"; number: number | null } {
  const n = name.toLowerCase();
  const digits = /(\d+)/.exec(n);
  const number = digits?.[1] ? Number(digits[1]) : null;
  if (n.includes("четверт")) return { kind: "QUARTER", number };
  if (n.includes("тримест")) return { kind: "TRIMESTER", number };
  if (n.includes("полугод") || n.includes("семест")) return { kind: "SEMESTER", number };
  if (n.includes("год")) return { kind: "YEAR", number: 1 };
  return { kind: "QUARTER", number };
}

type Counter = ImportCounts;
const same = (a: unknown, b: unknown) => a === b;

/**
 * Creates what is new, changes what differs, counts what already matched. A name or number
 * the school already gives another row is noted on the row's check (the caller then refuses).
 */
async function apply(tx: Tx, schoolId: string, plan: Plan, today: string): Promise<ImportCounts> {
  const counts: Counter = { created: 0, updated: 0, unchanged: 0 };
  const conflict = (c: Check, column: string, message: string) => c.fail(column, message);
  const key = (schoolIdValue: string, id: string) => ({ schoolId_id: { schoolId: schoolIdValue, id } });

  // years
  const years = new Map((await tx.academicYear.findMany({ where: { schoolId } })).map((y) => [y.id, y]));
  const yearByName = new Map([...years.values()].map((y) => [y.name, y.id]));
  for (const y of plan.years) {
    const have = years.get(y.id);
    const other = yearByName.get(y.name);
    if (other && other !== y.id) {
      conflict(y.line, "title", `В школе уже есть учебный год «${y.name}» с другим sourcedId.`);
      continue;
    }
    const data = { name: y.name, startDate: dayToDate(y.startDate), endDate: dayToDate(y.endDate) };
    if (!have) {
      await tx.academicYear.create({ data: { schoolId, id: y.id, ...data } });
      counts.created += 1;
    } else if (have.name !== y.name || dateToDay(have.startDate) !== y.startDate || dateToDay(have.endDate) !== y.endDate) {
      await tx.academicYear.update({ where: key(schoolId, y.id), data });
      counts.updated += 1;
    } else counts.unchanged += 1;
  }

  // periods: kind, number and grades are not in OneRoster — kept as they are, guessed from the name when new
  const periods = new Map((await tx.period.findMany({ where: { schoolId } })).map((p) => [p.id, p]));
  const taken = new Set([...periods.values()].map((p) => `${p.yearId}:${p.kind}:${p.number}:${p.gradeFrom}`));
  const sequence = new Map<string, number>();
  for (const p of [...plan.periods].sort((a, b) => a.startDate.localeCompare(b.startDate))) {
    const have = periods.get(p.id);
    const data = { name: p.name, startDate: dayToDate(p.startDate), endDate: dayToDate(p.endDate) };
    if (have) {
      if (have.name !== p.name || dateToDay(have.startDate) !== p.startDate || dateToDay(have.endDate) !== p.endDate || have.yearId !== p.yearId) {
        await tx.period.update({ where: key(schoolId, p.id), data: { ...data, yearId: p.yearId } });
        counts.updated += 1;
      } else counts.unchanged += 1;
      continue;
    }
    const guess = periodKind(p.name);
    const seqKey = `${p.yearId}:${guess.kind}`;
    const number = guess.number ?? (sequence.get(seqKey) ?? 0) + 1;
    sequence.set(seqKey, number);
    let gradeFrom = 1;
    while (taken.has(`${p.yearId}:${guess.kind}:${number}:${gradeFrom}`) && gradeFrom < 12) gradeFrom += 1;
    taken.add(`${p.yearId}:${guess.kind}:${number}:${gradeFrom}`);
    await tx.period.create({ data: { schoolId, id: p.id, yearId: p.yearId, kind: guess.kind, number, gradeFrom, ...data } });
    counts.created += 1;
  }

  // subjects
  const subjects = new Map((await tx.subject.findMany({ where: { schoolId } })).map((s) => [s.id, s]));
  const subjectByName = new Map([...subjects.values()].map((s) => [s.name, s.id]));
  for (const s of plan.subjects) {
    const other = subjectByName.get(s.name);
    if (other && other !== s.id) {
      conflict(s.check, "title", `В школе уже есть предмет «${s.name}» с другим sourcedId.`);
      continue;
    }
    const have = subjects.get(s.id);
    if (!have) {
      await tx.subject.create({ data: { schoolId, id: s.id, name: s.name, shortName: s.shortName } });
      counts.created += 1;
    } else if (have.name !== s.name || have.shortName !== s.shortName) {
      await tx.subject.update({ where: key(schoolId, s.id), data: { name: s.name, shortName: s.shortName } });
      counts.updated += 1;
    } else counts.unchanged += 1;
  }

  // staff before the classes they lead
  const staff = new Map((await tx.staff.findMany({ where: { schoolId } })).map((s) => [s.id, s]));
  for (const s of plan.staff) {
    const have = staff.get(s.id);
    const personnelNumber = s.identifier || null;
    if (!have) {
      await tx.staff.create({
        data: {
          schoolId, id: s.id, lastName: s.lastName, firstName: s.firstName, middleName: s.middleName, personnelNumber,
          // the position is not in OneRoster: a new person gets the plain word for the role, the school corrects it
          position: s.roles.includes("ADMIN") ? "администратор" : "учитель", roles: s.roles,
        },
      });
      counts.created += 1;
      continue;
    }
    const data = { lastName: s.lastName, firstName: s.firstName, middleName: s.middleName, roles: s.roles, ...(personnelNumber !== null ? { personnelNumber } : {}) };
    if (changed(have, data)) {
      await tx.staff.update({ where: key(schoolId, s.id), data });
      counts.updated += 1;
    } else counts.unchanged += 1;
  }

  // classes and the class teacher
  const cohorts = new Map((await tx.cohort.findMany({ where: { schoolId } })).map((c) => [c.id, c]));
  const cohortByName = new Map([...cohorts.values()].map((c) => [`${c.yearId}:${c.name}`, c.id]));
  for (const c of plan.cohorts) {
    const other = cohortByName.get(`${c.yearId}:${c.name}`);
    if (other && other !== c.id) {
      conflict(c.check, "title", `В этом учебном году в школе уже есть класс «${c.name}» с другим sourcedId.`);
      continue;
    }
    const have = cohorts.get(c.id);
    const classTeacherId = plan.classTeachers.get(c.id) ?? have?.classTeacherId ?? null;
    const data = { yearId: c.yearId, name: c.name, grade: c.grade, kind: c.kind, classTeacherId };
    if (!have) {
      await tx.cohort.create({ data: { schoolId, id: c.id, ...data } });
      counts.created += 1;
    } else if (changed(have, data)) {
      await tx.cohort.update({ where: key(schoolId, c.id), data });
      counts.updated += 1;
    } else counts.unchanged += 1;
  }
  for (const [cohortId, staffId] of plan.classTeachers) {
    if (plan.cohorts.some((c) => c.id === cohortId)) continue;
    const have = cohorts.get(cohortId);
    if (have && have.classTeacherId !== staffId) {
      await tx.cohort.update({ where: key(schoolId, cohortId), data: { classTeacherId: staffId } });
      counts.updated += 1;
    }
  }

  // the subject lines of the classes: a teacher's enrollment dates are its line's dates
  // (a line that changed teachers mid-year is two lines); without a teacher, from the start of the class's year
  const itemRows = await tx.curriculumItem.findMany({ where: { schoolId }, select: { id: true, cohortId: true, subjectId: true, validFrom: true, validTo: true } });
  const itemAt = new Map(itemRows.map((i) => [`${i.cohortId}.${i.subjectId}@${dateToDay(i.validFrom)}`, i]));
  // the earliest line of each class, for a teacher enrollment without dates
  const firstItem = new Map<string, { id: string; from: string }>();
  const noteFirst = (k: string, id: string, from: string) => {
    const cur = firstItem.get(k);
    if (!cur || from < cur.from) firstItem.set(k, { id, from });
  };
  for (const i of itemRows) noteFirst(`${i.cohortId}.${i.subjectId}`, i.id, dateToDay(i.validFrom));
  const cohortYear = new Map((await tx.cohort.findMany({ where: { schoolId }, select: { id: true, year: { select: { startDate: true } } } })).map((c) => [c.id, c.year.startDate]));
  for (const it of plan.items) {
    const k = `${it.cohortId}.${it.subjectId}`;
    const spans = new Map<string, string | null>();
    for (const t of plan.teachers) if (t.begin && `${t.cohortId}.${t.subjectId}` === k) spans.set(t.begin, t.end);
    if (spans.size === 0) {
      if (firstItem.has(k)) {
        counts.unchanged += 1;
        continue;
      }
      spans.set(dateToDay(cohortYear.get(it.cohortId) ?? dayToDate(today)), null);
    }
    for (const [from, to] of spans) {
      const have = itemAt.get(`${k}@${from}`);
      if (have) {
        if ((have.validTo ? dateToDay(have.validTo) : null) === to) counts.unchanged += 1;
        else {
          await tx.curriculumItem.update({ where: key(schoolId, have.id), data: { validTo: to ? dayToDate(to) : null } });
          counts.updated += 1;
        }
        continue;
      }
      const created = await tx.curriculumItem.create({
        data: { schoolId, cohortId: it.cohortId, subjectId: it.subjectId, validFrom: dayToDate(from), validTo: to ? dayToDate(to) : null },
        select: { id: true, cohortId: true, subjectId: true, validFrom: true, validTo: true },
      });
      itemAt.set(`${k}@${from}`, created);
      noteFirst(k, created.id, from);
      counts.created += 1;
    }
  }

  // students: the record number is the identifier; birth date and sex from demographics
  const students = new Map((await tx.student.findMany({ where: { schoolId } })).map((s) => [s.id, s]));
  const byRecord = new Map([...students.values()].map((s) => [s.recordNumber, s.id]));
  for (const s of plan.students) {
    const have = students.get(s.id);
    // the record number is not in a journal's export: an existing one is kept, a new student gets the sourcedId
    const recordNumber = s.identifier || have?.recordNumber || s.check.get("sourcedId");
    const other = byRecord.get(recordNumber);
    if (other && other !== s.id) {
      conflict(s.check, "identifier", `Номер личного дела «${recordNumber}» уже у другого ученика школы.`);
      continue;
    }
    byRecord.set(recordNumber, s.id);
    if (!have) {
      if (!s.birthDate || !s.gender) continue;
      await tx.student.create({
        data: { schoolId, id: s.id, lastName: s.lastName, firstName: s.firstName, middleName: s.middleName, recordNumber, birthDate: dayToDate(s.birthDate), gender: s.gender },
      });
      counts.created += 1;
      continue;
    }
    const data = {
      lastName: s.lastName, firstName: s.firstName, middleName: s.middleName, recordNumber,
      ...(s.birthDate ? { birthDate: dayToDate(s.birthDate) } : {}),
      ...(s.gender ? { gender: s.gender } : {}),
    };
    if (changed(have, data)) {
      await tx.student.update({ where: key(schoolId, s.id), data });
      counts.updated += 1;
    } else counts.unchanged += 1;
  }

  // guardians and who they represent
  const guardians = new Map((await tx.guardian.findMany({ where: { schoolId } })).map((g) => [g.id, g]));
  for (const g of plan.guardians) {
    const have = guardians.get(g.id);
    const data = { lastName: g.lastName, firstName: g.firstName, middleName: g.middleName };
    if (!have) {
      await tx.guardian.create({ data: { schoolId, id: g.id, ...data } });
      counts.created += 1;
    } else if (changed(have, data)) {
      await tx.guardian.update({ where: key(schoolId, g.id), data });
      counts.updated += 1;
    } else counts.unchanged += 1;
  }
  const relation = new Map(plan.guardians.map((g) => [g.id, g.relation]));
  const ships = await tx.guardianship.findMany({ where: { schoolId }, select: { guardianId: true, studentId: true } });
  const shipSet = new Set(ships.map((s) => `${s.guardianId}:${s.studentId}`));
  for (const [guardianId, children] of plan.agents) {
    for (const studentId of children) {
      if (shipSet.has(`${guardianId}:${studentId}`)) continue;
      shipSet.add(`${guardianId}:${studentId}`);
      await tx.guardianship.create({ data: { schoolId, guardianId, studentId, relation: relation.get(guardianId) ?? "OTHER" } });
      counts.created += 1;
    }
  }

  // memberships in the classes
  const memberships = new Map((await tx.cohortMembership.findMany({ where: { schoolId } })).map((m) => [m.id, m]));
  for (const m of plan.memberships) {
    const have = memberships.get(m.id);
    const endDate = m.deleted ? (m.endDate ?? have?.endDate?.toISOString().slice(0, 10) ?? today) : m.endDate;
    if (!have) {
      const yearStart = cohortYear.get(m.cohortId);
      await tx.cohortMembership.create({
        data: {
          schoolId, id: m.id, cohortId: m.cohortId, studentId: m.studentId, startDate: m.startDate ? dayToDate(m.startDate) : (yearStart ?? dayToDate(today)),
          endDate: endDate ? dayToDate(endDate) : null, endReason: endDate ? "LEFT" : null,
        },
      });
      counts.created += 1;
      continue;
    }
    const data = {
      cohortId: m.cohortId, studentId: m.studentId,
      ...(m.startDate ? { startDate: dayToDate(m.startDate) } : {}),
      endDate: endDate ? dayToDate(endDate) : null,
      ...(endDate === null ? { endReason: null } : have.endReason === null ? { endReason: "LEFT" as const } : {}),
    };
    if (changed(have, data)) {
      await tx.cohortMembership.update({ where: key(schoolId, m.id), data });
      counts.updated += 1;
    } else counts.unchanged += 1;
  }

  // the subject teachers
  const teacherRows = await tx.curriculumTeacher.findMany({ where: { schoolId }, select: { id: true, curriculumItemId: true, staffId: true } });
  const teacherById = new Map(teacherRows.map((t) => [t.id, t]));
  const teacherPair = new Set(teacherRows.map((t) => `${t.curriculumItemId}:${t.staffId}`));
  for (const t of plan.teachers) {
    const itemId = (t.begin ? itemAt.get(`${t.cohortId}.${t.subjectId}@${t.begin}`)?.id : undefined) ?? firstItem.get(`${t.cohortId}.${t.subjectId}`)?.id;
    if (!itemId) continue;
    const have = teacherById.get(t.id);
    if (have) {
      if (have.curriculumItemId === itemId && have.staffId === t.staffId) counts.unchanged += 1;
      else {
        await tx.curriculumTeacher.update({ where: key(schoolId, t.id), data: { curriculumItemId: itemId, staffId: t.staffId } });
        counts.updated += 1;
      }
      continue;
    }
    if (teacherPair.has(`${itemId}:${t.staffId}`)) {
      counts.unchanged += 1;
      continue;
    }
    teacherPair.add(`${itemId}:${t.staffId}`);
    await tx.curriculumTeacher.create({ data: { schoolId, id: t.id, curriculumItemId: itemId, staffId: t.staffId } });
    counts.created += 1;
  }

  return counts;
}

/** Whether any field of `data` differs from the row (dates compared by day). */
function changed(row: Record<string, unknown>, data: Record<string, unknown>): boolean {
  return Object.entries(data).some(([k, v]) => {
    const have = row[k];
    if (v instanceof Date && have instanceof Date) return v.getTime() !== have.getTime();
    if (Array.isArray(v) && Array.isArray(have)) return v.join(",") !== have.join(",");
    return !same(have, v);
  });
}
