/**
 * The rows of one school the rostering service is built from, read once per request and
 * only as far as the asked collection needs (a call for /orgs reads one row, not the
 * school). Every read is scoped to the caller's school; which children a diary service
 * may see is decided here, for the whole school at once, so no builder can forget it.
 */
import type { Db } from "@/lib/db";
import { lastDecisions } from "@/lib/consent/gate";
import type { ApiCaller } from "../caller";

/** A loader that runs its query on first use and then answers from memory. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= load());
}

export class RosterRows {
  readonly schoolId: string;

  constructor(
    readonly caller: ApiCaller,
    private readonly client: Db,
  ) {
    this.schoolId = caller.schoolId;
  }

  readonly school = once(() =>
    this.client.school.findUnique({ where: { id: this.schoolId }, select: { id: true, name: true, shortName: true, timeZone: true, updatedAt: true } }),
  );

  readonly years = once(() =>
    this.client.academicYear.findMany({
      where: { schoolId: this.schoolId },
      select: { id: true, name: true, startDate: true, endDate: true, updatedAt: true },
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
    }),
  );

  readonly periods = once(() =>
    this.client.period.findMany({
      where: { schoolId: this.schoolId },
      select: { id: true, yearId: true, kind: true, number: true, name: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true, updatedAt: true },
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
    }),
  );

  readonly subjects = once(() =>
    this.client.subject.findMany({
      where: { schoolId: this.schoolId },
      select: { id: true, name: true, shortName: true, kind: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
  );

  readonly cohorts = once(() =>
    this.client.cohort.findMany({
      where: { schoolId: this.schoolId },
      select: { id: true, yearId: true, kind: true, name: true, grade: true, classTeacherId: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
  );

  readonly curriculum = once(() =>
    this.client.curriculumItem.findMany({
      where: { schoolId: this.schoolId },
      select: {
        id: true, cohortId: true, subjectId: true, validFrom: true, validTo: true, updatedAt: true,
        teachers: { select: { id: true, staffId: true, updatedAt: true }, orderBy: { id: "asc" } },
      },
      orderBy: { id: "asc" },
    }),
  );

  readonly staff = once(() =>
    this.client.staff.findMany({
      where: { schoolId: this.schoolId },
      select: { id: true, lastName: true, firstName: true, middleName: true, roles: true, leftAt: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
  );

  private readonly allStudents = once(() =>
    this.client.student.findMany({
      where: { schoolId: this.schoolId },
      select: { id: true, lastName: true, firstName: true, middleName: true, birthDate: true, gender: true, leftAt: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
  );

  private readonly allGuardianships = once(() =>
    this.client.guardianship.findMany({
      where: { schoolId: this.schoolId },
      select: { guardianId: true, studentId: true, relation: true, endDate: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
  );

  private readonly allGuardians = once(() =>
    this.client.guardian.findMany({
      where: { schoolId: this.schoolId },
      select: { id: true, lastName: true, firstName: true, middleName: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
  );

  private readonly allMemberships = once(() =>
    this.client.cohortMembership.findMany({
      where: { schoolId: this.schoolId },
      select: { id: true, cohortId: true, studentId: true, startDate: true, endDate: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
  );

  /**
   * What the caller may see of the children. A school tool: all of them. A diary service
   * (R1): a child with at least one legal representative (open guardianship) whose last
   * consent decision about them is GRANTED; `consentAt` is when the child's consent last
   * changed, so that a child who just became visible counts as modified for a delta sync.
   */
  readonly visibility = once(async (): Promise<{ all: boolean; students: Set<string>; consentAt: Map<string, Date> }> => {
    if (this.caller.kind !== "DIARY_SERVICE") return { all: true, students: new Set(), consentAt: new Map() };
    const links = await this.allGuardianships();
    const events = await this.client.consentEvent.findMany({
      where: { schoolId: this.schoolId },
      select: { id: true, guardianId: true, studentId: true, decision: true, at: true },
    });
    const byStudent = new Map<string, typeof events>();
    for (const e of events) {
      const list = byStudent.get(e.studentId);
      if (list) list.push(e);
      else byStudent.set(e.studentId, [e]);
    }
    const openLinks = new Map<string, string[]>();
    for (const l of links) {
      if (l.endDate !== null) continue;
      const list = openLinks.get(l.studentId);
      if (list) list.push(l.guardianId);
      else openLinks.set(l.studentId, [l.guardianId]);
    }
    const students = new Set<string>();
    const consentAt = new Map<string, Date>();
    for (const [studentId, list] of byStudent) {
      const last = lastDecisions(list);
      const open = openLinks.get(studentId) ?? [];
      if (open.some((g) => last.get(g)?.decision === "GRANTED")) students.add(studentId);
      consentAt.set(studentId, new Date(Math.max(...list.map((e) => e.at.getTime()))));
    }
    return { all: false, students, consentAt };
  });

  private async seesStudent(): Promise<(studentId: string) => boolean> {
    const v = await this.visibility();
    return v.all ? () => true : (id) => v.students.has(id);
  }

  /** The children the caller may see. */
  readonly students = once(async () => {
    const [rows, sees] = await Promise.all([this.allStudents(), this.seesStudent()]);
    return rows.filter((s) => sees(s.id));
  });

  /** Guardianships of the children the caller may see. */
  readonly guardianships = once(async () => {
    const [rows, sees] = await Promise.all([this.allGuardianships(), this.seesStudent()]);
    return rows.filter((g) => sees(g.studentId));
  });

  /**
   * The guardians the caller may see: for a diary service, only those with an open
   * guardianship of a child it may see; a school tool sees every guardian.
   */
  readonly guardians = once(async () => {
    const [rows, v, links] = await Promise.all([this.allGuardians(), this.visibility(), this.guardianships()]);
    if (v.all) return rows;
    const withVisibleChild = new Set(links.filter((l) => l.endDate === null).map((l) => l.guardianId));
    return rows.filter((g) => withVisibleChild.has(g.id));
  });

  /** Memberships of the children the caller may see. */
  readonly memberships = once(async () => {
    const [rows, sees] = await Promise.all([this.allMemberships(), this.seesStudent()]);
    return rows.filter((m) => sees(m.studentId));
  });

  /** When the child's consent last changed (diary services only; undefined otherwise). */
  async consentChangedAt(): Promise<(studentId: string) => Date | undefined> {
    const v = await this.visibility();
    return (id) => v.consentAt.get(id);
  }
}

type Loaded<K extends keyof RosterRows> = RosterRows[K] extends () => Promise<infer R> ? Awaited<R> : never;
export type StudentRow = Loaded<"students">[number];
export type StaffRow = Loaded<"staff">[number];
export type GuardianRow = Loaded<"guardians">[number];
export type GuardianshipRow = Loaded<"guardianships">[number];
export type CohortRow = Loaded<"cohorts">[number];
export type CurriculumRow = Loaded<"curriculum">[number];
export type MembershipRow = Loaded<"memberships">[number];
