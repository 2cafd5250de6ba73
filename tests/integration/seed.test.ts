/**
 * The demo school, seeded into a real database (PGlite, or PostgreSQL when DATABASE_URL
 * is set): its shape, the demo accounts, and the journal's own rules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { verifyPassword } from "../../lib/auth/password";
import { hashInvitationCode } from "../../lib/auth/invitation-code";
import { loadStudentMarks } from "../../lib/journal/student-marks-query";
import { seedDemoSchool, type SeedSummary } from "../../prisma/seed/demo-school";
import { findDemoSchool } from "../../prisma/seed/index";
import { createTestDb, type TestDb } from "../support/test-db";

const TODAY = new Date("2026-12-04T09:00:00+05:00");

let t: TestDb;
let summary: SeedSummary;

beforeAll(async () => {
  t = await createTestDb();
  summary = await seedDemoSchool(t.db, { today: TODAY });
});

afterAll(async () => {
  await t?.close();
});

async function count(sql: string): Promise<number> {
  const rows = await t.db.$queryRawUnsafe<{ n: bigint | number }[]>(sql);
  return Number(rows[0]?.n ?? -1);
}

describe("demo school", () => {
  it("has the expected shape", async () => {
    const { db } = t;
    const schoolId = summary.schoolId;
    const byKind = await db.cohort.groupBy({ by: ["kind"], where: { schoolId }, _count: true });
    const kinds = Object.fromEntries(byKind.map((k) => [k.kind, k._count]));
    expect(kinds).toEqual({ CLASS: 12, GROUP: 2, STREAM: 1, INDIVIDUAL: 2 });
    const students = await db.student.count({ where: { schoolId } });
    expect(students).toBeGreaterThanOrEqual(110);
    expect(students).toBeLessThanOrEqual(130);
    const guardians = await db.guardian.count({ where: { schoolId } });
    expect(guardians).toBeGreaterThanOrEqual(150);
    expect(guardians).toBeLessThanOrEqual(190);
    const staff = await db.staff.count({ where: { schoolId } });
    expect(staff).toBeGreaterThanOrEqual(22);
    expect(staff).toBeLessThanOrEqual(30);
    expect(await db.student.count({ where: { schoolId, homeSchooling: true } })).toBe(1);
    // a student moved from one class to another in October: two dated memberships
    const moved = await count(`
      SELECT count(*) AS n FROM (
        SELECT m."studentId" FROM "CohortMembership" m JOIN "Cohort" c ON c.id = m."cohortId" AND c."schoolId" = m."schoolId"
        WHERE c.kind = 'CLASS' GROUP BY m."studentId" HAVING count(*) = 2 AND count(m."endDate") = 1 AND bool_or(m."endReason" = 'MOVED')) x`);
    expect(moved).toBe(1);
    // siblings: guardians of two children
    const siblingGuardians = await count(`
      SELECT count(*) AS n FROM (SELECT "guardianId" FROM "Guardianship" GROUP BY "guardianId" HAVING count(*) = 2) x`);
    expect(siblingGuardians).toBeGreaterThanOrEqual(8);
    expect(summary.counts["invitation"]).toBe(guardians - 2);
  });

  it("every cohort has a curriculum with teachers", async () => {
    const without = await count(`
      SELECT count(*) AS n FROM "Cohort" c
      WHERE NOT EXISTS (SELECT 1 FROM "CurriculumItem" i WHERE i."cohortId" = c.id AND i."schoolId" = c."schoolId")`);
    expect(without).toBe(0);
    const noTeacher = await count(`
      SELECT count(*) AS n FROM "CurriculumItem" i
      WHERE NOT EXISTS (SELECT 1 FROM "CurriculumTeacher" t WHERE t."curriculumItemId" = i.id AND t."schoolId" = i."schoolId")`);
    expect(noTeacher).toBe(0);
  });

  it("has the five demo logins with the demo password", async () => {
    const users = await t.db.user.findMany({
      where: { login: { in: ["admin", "teacher", "parent", "student", "parent2"] } },
      omit: { passwordHash: false },
      include: { student: true, guardian: { include: { guardianships: { include: { student: true } } } } },
    });
    expect(users.map((u) => u.login).sort()).toEqual(["admin", "parent", "parent2", "student", "teacher"]);
    for (const u of users) expect(await verifyPassword("demo2026", u.passwordHash ?? "")).toBe(true);
    const kinds = Object.fromEntries(users.map((u) => [u.login, u.kind]));
    expect(kinds).toEqual({ admin: "ADMIN", teacher: "TEACHER", parent: "GUARDIAN", student: "STUDENT", parent2: "GUARDIAN" });

    const student = users.find((u) => u.login === "student")?.student;
    expect(student).toBeTruthy();
    const age = (TODAY.getTime() - (student?.birthDate.getTime() ?? 0)) / (365.25 * 86_400_000);
    expect(age).toBeGreaterThanOrEqual(11);
    expect(age).toBeLessThan(14);

    const parent = users.find((u) => u.login === "parent")?.guardian;
    expect(parent?.guardianships).toHaveLength(2);
    expect(parent?.guardianships.every((g) => g.relation === "MOTHER")).toBe(true);
    const classes = await t.db.cohortMembership.findMany({
      where: { studentId: { in: parent?.guardianships.map((g) => g.studentId) ?? [] }, cohort: { kind: "CLASS" } },
      select: { studentId: true, cohort: { select: { name: true } } },
    });
    expect(new Set(classes.map((c) => c.cohort.name)).size).toBe(2);
    expect(classes.some((c) => c.cohort.name === "5А" && c.studentId === student?.id)).toBe(true);
  });

  it("the teacher leads 5А and teaches mathematics there and in other classes", async () => {
    const teacher = await t.db.user.findUniqueOrThrow({ where: { login: "teacher" }, select: { staffId: true } });
    const led = await t.db.cohort.findMany({ where: { classTeacherId: teacher.staffId }, select: { name: true } });
    expect(led.map((c) => c.name)).toEqual(["5А"]);
    const math = await t.db.timetableSlot.findMany({
      where: { teacherId: teacher.staffId ?? "", subject: { name: "Математика" } },
      select: { cohort: { select: { name: true } } },
    });
    const cohorts = new Set(math.map((s) => s.cohort.name));
    expect(cohorts.has("5А")).toBe(true);
    expect(cohorts.size).toBeGreaterThanOrEqual(2);
  });

  it("invitation codes in the summary are stored as hashes", async () => {
    expect(summary.invitations).toHaveLength(3);
    for (const inv of summary.invitations) {
      const row = await t.db.invitation.findUnique({ where: { codeHash: hashInvitationCode(inv.code) } });
      expect(row?.guardianId).toBeTruthy();
      expect(row?.usedAt).toBeNull();
    }
  });

  it("no teacher is in two places at once", async () => {
    const clashes = await count(`
      SELECT count(*) AS n FROM "TimetableSlot" a JOIN "TimetableSlot" b
        ON a."schoolId" = b."schoolId" AND a."teacherId" = b."teacherId" AND a.weekday = b.weekday
       AND a."lessonNumber" = b."lessonNumber" AND a.id < b.id
       AND a."validFrom" <= COALESCE(b."validTo", 'infinity'::date) AND b."validFrom" <= COALESCE(a."validTo", 'infinity'::date)`);
    expect(clashes).toBe(0);
    const lessonClashes = await count(`
      SELECT count(*) AS n FROM (SELECT 1 FROM "Lesson" WHERE status IN ('HELD', 'PLANNED')
        GROUP BY "schoolId", "teacherId", date, "lessonNumber" HAVING count(*) > 1) x`);
    expect(lessonClashes).toBe(0);
  });

  it("marks only on held lessons in the past, never for an absent student", async () => {
    const future = await count(`
      SELECT count(*) AS n FROM "Mark" m JOIN "Lesson" l ON l.id = m."lessonId" AND l."schoolId" = m."schoolId"
      WHERE l.status <> 'HELD' OR l.date >= DATE '2026-12-04'`);
    expect(future).toBe(0);
    const planned = await count(`SELECT count(*) AS n FROM "Lesson" WHERE status = 'HELD' AND date >= DATE '2026-12-04'`);
    expect(planned).toBe(0);
    const absent = await count(`
      SELECT count(*) AS n FROM "Mark" m JOIN "Attendance" a
        ON a."lessonId" = m."lessonId" AND a."studentId" = m."studentId" AND a."schoolId" = m."schoolId"
      WHERE a.code <> 'LATE'`);
    expect(absent).toBe(0);
    const denormalised = await count(`
      SELECT count(*) AS n FROM "Mark" m JOIN "Lesson" l ON l.id = m."lessonId" AND l."schoolId" = m."schoolId"
      WHERE m."cohortId" <> l."cohortId" OR m."subjectId" <> l."subjectId" OR m.date <> l.date OR m."authorId" <> l."teacherId"`);
    expect(denormalised).toBe(0);
  });

  it("has a realistic journal", async () => {
    const c = summary.counts;
    expect(c["lesson"]).toBeGreaterThan(8000);
    expect(c["mark"]).toBeGreaterThan(8000);
    expect(c["substitution"]).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM "Lesson" WHERE status = 'MOVED' AND "movedToId" IS NOT NULL`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM "Lesson" WHERE status = 'CANCELLED' AND "statusReason" IS NOT NULL`)).toBeGreaterThan(2);
    expect(await count(`SELECT count(*) AS n FROM "Lesson" WHERE status = 'HELD' AND topic IS NULL`)).toBe(0);
    for (const kind of ["EXEMPT", "PASS", "DESCRIPTIVE"]) {
      expect(await count(`SELECT count(*) AS n FROM "Mark" WHERE kind = '${kind}'`)).toBeGreaterThan(0);
    }
    expect(await count(`SELECT count(*) AS n FROM "Mark" WHERE part = 2`)).toBeGreaterThan(0);
    // every test lesson is on the test schedule
    const unlisted = await count(`
      SELECT count(*) AS n FROM "Lesson" l WHERE l."lessonType" = 'TEST' AND NOT EXISTS (
        SELECT 1 FROM "AssessmentEvent" e WHERE e."cohortId" = l."cohortId" AND e."subjectId" = l."subjectId" AND e.date = l.date)`);
    expect(unlisted).toBe(0);
    // final marks of the first quarter, confirmed
    expect(c["finalMark"]).toBeGreaterThan(300);
    const share = (c["attendance"] ?? 0) / Math.max(1, c["mark"] ?? 1);
    expect(share).toBeGreaterThan(0.05);
  });

  it("loads the demo student's marks of the first quarter in one query", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { login: "student" }, select: { schoolId: true, studentId: true } });
    const studentId = user.studentId ?? "";
    const q = { schoolId: user.schoolId, studentId, from: "2026-09-01", to: "2026-10-23" };
    const marks = await loadStudentMarks(t.db, q);
    const expected = await t.db.mark.count({
      where: { schoolId: q.schoolId, studentId, date: { gte: new Date("2026-09-01"), lte: new Date("2026-10-23") }, removedAt: null },
    });
    expect(marks.length).toBe(expected);
    expect(marks.length).toBeGreaterThan(20);
    for (const m of marks) {
      expect(m.date >= q.from && m.date <= q.to).toBe(true);
      expect(m.subjectName.length).toBeGreaterThan(0);
      expect(m.workType.weight).toMatch(/^\d\.\d\d$/);
    }
    expect(marks.map((m) => m.date)).toEqual([...marks.map((m) => m.date)].sort());
    expect(marks.some((m) => m.workType.code === "TEST" && m.workType.weight === "2.00")).toBe(true);
  });

  it("has a consent registry: text v1, the demo parent consented on paper, the first invited guardians undecided", async () => {
    const schoolId = summary.schoolId;
    expect(summary.counts["consentText"]).toBe(1);
    expect(await t.db.consentText.count({ where: { schoolId } })).toBe(1);
    expect(await t.db.consentEvent.count({ where: { schoolId } })).toBe(summary.counts["consentEvent"]);
    const parent = await t.db.user.findUniqueOrThrow({ where: { login: "parent" }, select: { guardianId: true } });
    const children = await t.db.guardianship.count({ where: { guardianId: parent.guardianId ?? "" } });
    const granted = await t.db.consentEvent.findMany({ where: { guardianId: parent.guardianId ?? "" }, select: { decision: true, form: true, documentNumber: true, documentDate: true } });
    expect(children).toBe(2);
    expect(granted).toHaveLength(2);
    for (const e of granted) {
      expect(e).toMatchObject({ decision: "GRANTED", form: "PAPER" });
      expect(e.documentNumber).toMatch(/^С-\d{3}$/);
      expect(e.documentDate).toBeInstanceOf(Date);
    }
    for (const inv of summary.invitations) {
      const g = await t.db.invitation.findFirstOrThrow({ where: { schoolId, codeHash: hashInvitationCode(inv.code) }, select: { guardianId: true } });
      expect(await t.db.consentEvent.count({ where: { guardianId: g.guardianId ?? "" } })).toBe(0);
    }
    const byDecision = await t.db.consentEvent.groupBy({ by: ["decision"], where: { schoolId }, _count: true });
    expect(Object.fromEntries(byDecision.map((d) => [d.decision, d._count > 0]))).toEqual({ GRANTED: true, REFUSED: true, WITHDRAWN: true });
  });

  it("is found as already seeded", async () => {
    expect(await findDemoSchool(t.db)).toBe(summary.schoolId);
  });
});

/** A hash of a table's content by natural keys (names, dates, record numbers), not ids. */
const FINGERPRINTS: Record<string, string> = {
  lesson: `SELECT concat_ws(',', c.name, s.name, l.date, l."lessonNumber", l.room, l.topic, l."lessonType", l.status,
      l."statusReason", t."lastName", t."firstName", mt.date, mt."lessonNumber", l."updatedAt", ts.weekday, lw.code) AS x
    FROM "Lesson" l JOIN "Cohort" c ON c.id = l."cohortId" JOIN "Subject" s ON s.id = l."subjectId"
    LEFT JOIN "WorkType" lw ON lw.id = l."workTypeId"
    JOIN "Staff" t ON t.id = l."teacherId" LEFT JOIN "Lesson" mt ON mt.id = l."movedToId"
    LEFT JOIN "TimetableSlot" ts ON ts.id = l."timetableSlotId"`,
  mark: `SELECT concat_ws(',', c.name, s.name, m.date, l."lessonNumber", st."recordNumber", m.part, w.code, m.kind,
      m.value, m.text, m.comment, a."lastName", m."createdAt", m."updatedAt", m.version, m."removedAt") AS x
    FROM "Mark" m JOIN "Lesson" l ON l.id = m."lessonId" JOIN "Cohort" c ON c.id = m."cohortId"
    JOIN "Subject" s ON s.id = m."subjectId" JOIN "Student" st ON st.id = m."studentId"
    JOIN "WorkType" w ON w.id = m."workTypeId" JOIN "Staff" a ON a.id = m."authorId"`,
  attendance: `SELECT concat_ws(',', c.name, l.date, l."lessonNumber", st."recordNumber", x.code, x."minutesLate", x."updatedAt") AS x
    FROM "Attendance" x JOIN "Lesson" l ON l.id = x."lessonId" JOIN "Cohort" c ON c.id = l."cohortId"
    JOIN "Student" st ON st.id = x."studentId"`,
  homework: `SELECT concat_ws(',', c.name, s.name, l.date, l."lessonNumber", h.text, h."dueDate", h."createdAt", h."studentId") AS x
    FROM "Homework" h JOIN "Lesson" l ON l.id = h."lessonId" JOIN "Cohort" c ON c.id = h."cohortId"
    JOIN "Subject" s ON s.id = h."subjectId"`,
  finalMark: `SELECT concat_ws(',', st."recordNumber", s.name, c.name, p.name, f.kind, f."markKind", f.value,
      f."suggestedKind", f."suggestedValue", f."confirmedAt", t."lastName") AS x
    FROM "FinalMark" f JOIN "Student" st ON st.id = f."studentId" JOIN "Subject" s ON s.id = f."subjectId"
    JOIN "Cohort" c ON c.id = f."cohortId" JOIN "Period" p ON p.id = f."periodId" JOIN "Staff" t ON t.id = f."confirmedById"`,
  other: `SELECT concat_ws(',', 'event', c.name, s.name, e.date, e.title, w.code) AS x
    FROM "AssessmentEvent" e JOIN "Cohort" c ON c.id = e."cohortId" JOIN "Subject" s ON s.id = e."subjectId"
    JOIN "WorkType" w ON w.id = e."workTypeId"
    UNION ALL SELECT concat_ws(',', 'sub', l.date, l."lessonNumber", o."lastName", t."lastName", x.reason, x."createdAt")
    FROM "Substitution" x JOIN "Lesson" l ON l.id = x."lessonId" JOIN "Staff" o ON o.id = x."originalTeacherId"
    JOIN "Staff" t ON t.id = x."teacherId"
    UNION ALL SELECT concat_ws(',', 'rec', st."recordNumber", s.name, r.date, r.text, r."createdAt")
    FROM "Recommendation" r JOIN "Student" st ON st.id = r."studentId" LEFT JOIN "Subject" s ON s.id = r."subjectId"
    UNION ALL SELECT concat_ws(',', 'slot', c.name, s.name, ts.weekday, ts."lessonNumber", t."lastName", ts.room)
    FROM "TimetableSlot" ts JOIN "Cohort" c ON c.id = ts."cohortId" JOIN "Subject" s ON s.id = ts."subjectId"
    JOIN "Staff" t ON t.id = ts."teacherId"`,
};

async function fingerprint(db: TestDb["db"]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, sql] of Object.entries(FINGERPRINTS)) {
    const rows = await db.$queryRawUnsafe<{ h: string | null; n: bigint | number }[]>(
      `SELECT md5(string_agg(x, '|' ORDER BY x)) AS h, count(*) AS n FROM (${sql}) q`,
    );
    out[name] = `${Number(rows[0]?.n ?? 0)}:${rows[0]?.h ?? ""}`;
  }
  return out;
}

describe("both ways of inserting", () => {
  it("createMany and unnest write the same journal, run after run", async () => {
    const other = await createTestDb();
    try {
      await seedDemoSchool(other.db, { today: TODAY, insert: "unnest" });
      const mine = await fingerprint(t.db);
      for (const v of Object.values(mine)) expect(Number(v.split(":")[0])).toBeGreaterThan(0);
      expect(await fingerprint(other.db)).toEqual(mine);
    } finally {
      await other.close();
    }
  });
});
