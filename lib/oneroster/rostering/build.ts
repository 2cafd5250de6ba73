/**
 * The rostering objects of one school, built from its rows exactly as docs/oneroster.md
 * maps them (school → org, year → term, period → gradingPeriod, subject → course, cohort →
 * homeroom class, cohort × subject → scheduled class, memberships and curriculum teachers
 * → enrollments, students/staff/guardians → users, students → demographics).
 *
 * Each collection is built once per request, from rows already limited to what the caller
 * may see (load.ts), so the routes' relationship lookups are plain searches of these lists.
 *
 * Two choices of our own, where the document's vocabulary decides:
 * - A staff member with the ADMIN role is a `siteAdministrator` user (OneRoster 1.2 has no
 *   user role `administrator`; its enrollments keep `teacher`). Staff who also teach get a
 *   secondary `teacher` role, so they appear among the teachers.
 * - A grading period carries `metadata.grades`: the grades it applies to (quarters for
 *   1–9 and half-years for 10–11 may run side by side in one year).
 */
import type { AcademicSession, Course, Demographics, Enrollment, GUIDRef, Org, Role, RosterClass, RosterCollections, Status, User, UserRole } from "./types";
import type { CohortRow, CurriculumRow, RosterRows } from "./load";
import { schoolToday } from "@/lib/time";

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= load());
}

const PATH: Record<GUIDRef<string>["type"], string> = {
  org: "orgs",
  academicSession: "academicSessions",
  course: "courses",
  class: "classes",
  user: "users",
};

/** CEDS grade code: grade 5 is "05". */
export function gradeCode(grade: number): string {
  return String(grade).padStart(2, "0");
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The latest of the rows' modification times, as the binding's date-time. */
function latest(...dates: (Date | null | undefined)[]): string {
  let max = 0;
  for (const d of dates) if (d && d.getTime() > max) max = d.getTime();
  return new Date(max).toISOString();
}

/** The rows by a key, each group in the rows' order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = by.get(k);
    if (list) list.push(row);
    else by.set(k, [row]);
  }
  return by;
}

/** Has a day-precision end passed? The end day itself still counts. */
const ended = (end: Date | null, today: string) => end !== null && day(end) < today;

const RELATION_ROLE: Record<string, UserRole> = { MOTHER: "parent", FATHER: "parent", GUARDIAN: "guardian", TRUSTEE: "guardian", OTHER: "relative" };
const ROLE_RANK: UserRole[] = ["parent", "guardian", "relative"];

export const homeroomCourseId = (schoolId: string) => `homeroom.${schoolId}`;

export class Roster {
  constructor(
    readonly rows: RosterRows,
    /** absolute URL of the rostering service, for the GUIDRefs' href */
    readonly baseUrl: string,
  ) {}

  ref<T extends GUIDRef<string>["type"]>(type: T, sourcedId: string): GUIDRef<T> {
    return { href: `${this.baseUrl}/${PATH[type]}/${encodeURIComponent(sourcedId)}`, sourcedId, type };
  }

  private readonly schoolRow = once(async () => {
    const school = await this.rows.school();
    if (!school) throw new Error("OneRoster: the caller's school does not exist");
    return school;
  });

  readonly today = once(async () => schoolToday((await this.schoolRow()).timeZone));

  readonly orgs = once(async (): Promise<Org[]> => {
    const s = await this.schoolRow();
    return [{ sourcedId: s.id, status: "active", dateLastModified: latest(s.updatedAt), name: s.name, type: "school", identifier: s.shortName }];
  });

  readonly terms = once(async (): Promise<AcademicSession[]> => {
    const [years, periods] = await Promise.all([this.rows.years(), this.rows.periods()]);
    return years.map((y) => {
      const own = periods.filter((p) => p.yearId === y.id);
      return {
        sourcedId: y.id,
        status: "active",
        dateLastModified: latest(y.updatedAt, ...own.map((p) => p.updatedAt)),
        title: y.name,
        startDate: day(y.startDate),
        endDate: day(y.endDate),
        type: "term",
        children: own.map((p) => this.ref("academicSession", p.id)),
        schoolYear: String(y.endDate.getUTCFullYear()),
      };
    });
  });

  readonly gradingPeriods = once(async (): Promise<AcademicSession[]> => {
    const [years, periods] = await Promise.all([this.rows.years(), this.rows.periods()]);
    const yearEnd = new Map(years.map((y) => [y.id, String(y.endDate.getUTCFullYear())]));
    return periods.map((p) => ({
      sourcedId: p.id,
      status: "active",
      dateLastModified: latest(p.updatedAt),
      metadata: { grades: Array.from({ length: Math.max(0, p.gradeTo - p.gradeFrom + 1) }, (_, i) => gradeCode(p.gradeFrom + i)) },
      title: p.name,
      startDate: day(p.startDate),
      endDate: day(p.endDate),
      type: "gradingPeriod",
      parent: this.ref("academicSession", p.yearId),
      schoolYear: yearEnd.get(p.yearId) ?? String(p.endDate.getUTCFullYear()),
    }));
  });

  readonly academicSessions = once(async () => [...(await this.terms()), ...(await this.gradingPeriods())]);

  /** The cohort's subjects (its curriculum lines grouped by subject), in a stable order. */
  private readonly linesByCohort = once(async () => {
    const byCohort = groupBy(await this.rows.curriculum(), (i) => i.cohortId);
    return new Map([...byCohort].map(([cohortId, items]) => [cohortId, groupBy(items, (i) => i.subjectId)]));
  });

  readonly courses = once(async (): Promise<Course[]> => {
    const [school, subjects, cohorts, items] = await Promise.all([this.schoolRow(), this.rows.subjects(), this.rows.cohorts(), this.rows.curriculum()]);
    const cohortById = new Map(cohorts.map((c) => [c.id, c]));
    const itemsOf = groupBy(items, (i) => i.subjectId);
    const org = this.ref("org", school.id);
    const grades = (list: (CohortRow | undefined)[]) => [...new Set(list.flatMap((c) => (c ? [c.grade] : [])))].sort((a, b) => a - b).map(gradeCode);
    const homeroom: Course = {
      sourcedId: homeroomCourseId(school.id),
      status: "active",
      dateLastModified: latest(school.updatedAt, ...cohorts.map((c) => c.updatedAt)),
      title: "Класс",
      courseCode: "homeroom",
      grades: grades(cohorts),
      org,
    };
    return [
      homeroom,
      ...subjects.map((s): Course => {
        const own = itemsOf.get(s.id) ?? [];
        const taughtIn = own.map((i) => cohortById.get(i.cohortId));
        return {
          sourcedId: s.id,
          status: "active",
          dateLastModified: latest(s.updatedAt, ...own.map((i) => i.updatedAt), ...taughtIn.map((c) => c?.updatedAt)),
          title: s.name,
          courseCode: s.shortName,
          grades: grades(taughtIn),
          subjects: [s.name],
          org,
        };
      }),
    ];
  });

  readonly classes = once(async (): Promise<RosterClass[]> => {
    const [school, subjects, cohorts, lines] = await Promise.all([this.schoolRow(), this.rows.subjects(), this.rows.cohorts(), this.linesByCohort()]);
    const subjectById = new Map(subjects.map((s) => [s.id, s]));
    const org = this.ref("org", school.id);
    const homeroomCourse = this.ref("course", homeroomCourseId(school.id));
    const out: RosterClass[] = [];
    for (const c of cohorts) {
      const terms = [this.ref("academicSession", c.yearId)];
      const grades = [gradeCode(c.grade)];
      out.push({
        sourcedId: c.id, status: "active", dateLastModified: latest(c.updatedAt), title: c.name, classCode: c.kind, classType: "homeroom",
        grades, course: homeroomCourse, school: org, terms,
      });
      for (const [subjectId, its] of lines.get(c.id) ?? []) {
        const s = subjectById.get(subjectId);
        if (!s) continue;
        out.push({
          sourcedId: `${c.id}.${s.id}`,
          status: "active",
          dateLastModified: latest(c.updatedAt, s.updatedAt, ...its.map((i) => i.updatedAt)),
          title: `${c.name} — ${s.name}`,
          classCode: c.kind,
          classType: "scheduled",
          grades,
          subjects: [s.name],
          course: this.ref("course", s.id),
          school: org,
          terms,
        });
      }
    }
    return out;
  });

  readonly users = once(async (): Promise<User[]> => {
    const [school, students, staff, guardians, links, memberships, cohorts, today, consentAt] = await Promise.all([
      this.schoolRow(), this.rows.students(), this.rows.staff(), this.rows.guardians(), this.rows.guardianships(),
      this.rows.memberships(), this.rows.cohorts(), this.today(), this.rows.consentChangedAt(),
    ]);
    const org = this.ref("org", school.id);
    const cohortById = new Map(cohorts.map((c) => [c.id, c]));
    const visibleGuardians = new Set(guardians.map((g) => g.id));
    const linksOfStudent = groupBy(links, (l) => l.studentId);
    const linksOfGuardian = groupBy(links, (l) => l.guardianId);
    const membershipsOf = groupBy(memberships, (m) => m.studentId);
    const names = (p: { firstName: string; lastName: string; middleName: string | null }) => ({
      givenName: p.firstName,
      familyName: p.lastName,
      ...(p.middleName ? { middleName: p.middleName } : {}),
    });
    const person = (status: Status, modified: string, p: { firstName: string; lastName: string; middleName: string | null }, roles: Role[], agents: GUIDRef<"user">[]) => ({
      status,
      dateLastModified: modified,
      enabledUser: status === "active" ? ("true" as const) : ("false" as const),
      ...names(p),
      roles,
      primaryOrg: org,
      agents,
    });

    const out: User[] = [];
    for (const s of students) {
      const own = linksOfStudent.get(s.id) ?? [];
      const mine = membershipsOf.get(s.id) ?? [];
      const current = mine.filter((m) => !ended(m.endDate, today) && day(m.startDate) <= today).map((m) => cohortById.get(m.cohortId));
      const classes = current.filter((c) => c?.kind === "CLASS");
      const grades = [...new Set((classes.length > 0 ? classes : current).flatMap((c) => (c ? [gradeCode(c.grade)] : [])))].sort();
      const status: Status = s.leftAt !== null && day(s.leftAt) <= today ? "tobedeleted" : "active";
      out.push({
        sourcedId: s.id,
        ...person(
          status,
          latest(s.updatedAt, ...own.map((l) => l.updatedAt), ...mine.map((m) => m.updatedAt), consentAt(s.id)),
          s,
          [{ roleType: "primary", role: "student", org }],
          own.filter((l) => l.endDate === null && visibleGuardians.has(l.guardianId)).map((l) => this.ref("user", l.guardianId)),
        ),
        ...(grades.length > 0 ? { grades } : {}),
      });
    }
    for (const st of staff) {
      const admin = st.roles.includes("ADMIN");
      const roles: Role[] = admin
        ? [{ roleType: "primary", role: "siteAdministrator", org }, ...(st.roles.includes("TEACHER") ? [{ roleType: "secondary" as const, role: "teacher" as const, org }] : [])]
        : [{ roleType: "primary", role: "teacher", org }];
      const status: Status = st.leftAt !== null && day(st.leftAt) <= today ? "tobedeleted" : "active";
      out.push({ sourcedId: st.id, ...person(status, latest(st.updatedAt), st, roles, []) });
    }
    for (const g of guardians) {
      const own = linksOfGuardian.get(g.id) ?? [];
      const open = own.filter((l) => l.endDate === null);
      const role = ROLE_RANK.find((r) => (open.length > 0 ? open : own).some((l) => RELATION_ROLE[l.relation] === r)) ?? "relative";
      out.push({
        sourcedId: g.id,
        ...person(
          open.length > 0 ? "active" : "tobedeleted",
          latest(g.updatedAt, ...own.map((l) => l.updatedAt), ...own.map((l) => consentAt(l.studentId))),
          g,
          [{ roleType: "primary", role, org }],
          open.map((l) => this.ref("user", l.studentId)),
        ),
      });
    }
    return out;
  });

  readonly enrollments = once(async (): Promise<Enrollment[]> => {
    const [school, memberships, cohorts, lines, staff, today, consentAt] = await Promise.all([
      this.schoolRow(), this.rows.memberships(), this.rows.cohorts(), this.linesByCohort(), this.rows.staff(), this.today(), this.rows.consentChangedAt(),
    ]);
    const org = this.ref("org", school.id);
    const staffLeft = new Map(staff.map((s) => [s.id, s.leftAt !== null && day(s.leftAt) <= today]));
    const out: Enrollment[] = [];
    for (const m of memberships) {
      const status: Status = ended(m.endDate, today) ? "tobedeleted" : "active";
      const common = {
        status,
        dateLastModified: latest(m.updatedAt, consentAt(m.studentId)),
        user: this.ref("user", m.studentId),
        school: org,
        role: "student" as const,
        primary: "false" as const,
        beginDate: day(m.startDate),
        ...(m.endDate ? { endDate: day(m.endDate) } : {}),
      };
      out.push({ sourcedId: m.id, ...common, class: this.ref("class", m.cohortId) });
      for (const subjectId of (lines.get(m.cohortId) ?? new Map<string, CurriculumRow[]>()).keys()) {
        out.push({ sourcedId: `${m.id}.${subjectId}`, ...common, class: this.ref("class", `${m.cohortId}.${subjectId}`) });
      }
    }
    for (const c of cohorts) {
      if (!c.classTeacherId) continue;
      out.push({
        sourcedId: `classteacher.${c.id}`,
        status: staffLeft.get(c.classTeacherId) ? "tobedeleted" : "active",
        dateLastModified: latest(c.updatedAt),
        user: this.ref("user", c.classTeacherId),
        class: this.ref("class", c.id),
        school: org,
        role: "teacher",
        primary: "true",
      });
    }
    for (const c of cohorts) {
      for (const [subjectId, items] of lines.get(c.id) ?? []) {
        for (const it of items) {
          for (const t of it.teachers) {
            out.push({
              sourcedId: t.id,
              status: ended(it.validTo, today) || staffLeft.get(t.staffId) ? "tobedeleted" : "active",
              dateLastModified: latest(t.updatedAt, it.updatedAt),
              user: this.ref("user", t.staffId),
              class: this.ref("class", `${c.id}.${subjectId}`),
              school: org,
              role: "teacher",
              primary: "false",
              beginDate: day(it.validFrom),
              ...(it.validTo ? { endDate: day(it.validTo) } : {}),
            });
          }
        }
      }
    }
    return out;
  });

  readonly demographics = once(async (): Promise<Demographics[]> => {
    const [students, today, consentAt] = await Promise.all([this.rows.students(), this.today(), this.rows.consentChangedAt()]);
    return students.map((s) => ({
      sourcedId: s.id,
      status: s.leftAt !== null && day(s.leftAt) <= today ? "tobedeleted" : "active",
      dateLastModified: latest(s.updatedAt, consentAt(s.id)),
      birthDate: day(s.birthDate),
      sex: s.gender === "FEMALE" ? "female" : "male",
    }));
  });

  async all(): Promise<RosterCollections> {
    const [orgs, academicSessions, courses, classes, users, enrollments, demographics] = await Promise.all([
      this.orgs(), this.academicSessions(), this.courses(), this.classes(), this.users(), this.enrollments(), this.demographics(),
    ]);
    return { orgs, academicSessions, courses, classes, users, enrollments, demographics };
  }
}
