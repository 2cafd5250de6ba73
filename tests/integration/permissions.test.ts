/**
 * The permission matrix: every role against every kind of resource, on a real database.
 * Each denial is proved, including a guessed id of another family's child and ids from
 * another school. Denials of reads answer NOT_FOUND, the same as a missing id.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { getStudentCard, listMyStudents } from "../../lib/people/students";
import { listCohortStudents } from "../../lib/people/cohorts";
import { readJournal } from "../../lib/journal/read-journal";
import { getStudentDay } from "../../lib/diary/student-day";
import { getSchoolOverview } from "../../lib/school/overview";
import { issueInvitation } from "../../lib/auth/invitations";
import { getTeacherDay } from "../../lib/journal/teacher-day";
import { outcome } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
});
afterAll(async () => {
  await t.close();
});

const LOGINS = ["a.admin", "a.deputy", "a.math", "a.rus", "a.g1", "a.g2", "a.s1", "b.admin", "b.teacher", "b.g", "b.s"] as const;
type Login = (typeof LOGINS)[number];
type StudentKey = "s1" | "s2" | "s3" | "sB";

// Who may open whose student card. Everything not listed must be refused.
const SEES: Record<Login, StudentKey[]> = {
  "a.admin": ["s1", "s2", "s3"],
  "a.deputy": ["s1", "s2", "s3"],
  "a.math": ["s1", "s2", "s3"],
  "a.rus": ["s1", "s2"],
  "a.g1": ["s1", "s3"],
  "a.g2": ["s2"],
  "a.s1": ["s1"],
  "b.admin": ["sB"],
  "b.teacher": ["sB"],
  "b.g": ["sB"],
  "b.s": ["sB"],
};

describe("student cards: role × student", () => {
  const students: StudentKey[] = ["s1", "s2", "s3", "sB"];
  for (const login of LOGINS) {
    for (const s of students) {
      const allowed = SEES[login].includes(s);
      it(`${login} ${allowed ? "sees" : "is refused"} ${s}`, async () => {
        const p = await f.as(login);
        const id = s === "sB" ? f.B.sB : f.A[s];
        expect(await outcome(getStudentCard(p, id))).toBe(allowed ? "OK" : "NOT_FOUND");
      });
    }
  }

  it("a malformed or unknown id is 'not found', not an error", async () => {
    const p = await f.as("a.admin");
    expect(await outcome(getStudentCard(p, "1 OR 1=1"))).toBe("NOT_FOUND");
    expect(await outcome(getStudentCard(p, "019b0000-0000-7000-8000-000000000000"))).toBe("NOT_FOUND");
  });

  it("a guardian whose guardianship ended no longer sees the child", async () => {
    await t.db.guardianship.updateMany({ where: { guardianId: f.A.g2, studentId: f.A.s2 }, data: { endDate: new Date() } });
    const p = await f.as("a.g2");
    expect(await outcome(getStudentCard(p, f.A.s2))).toBe("NOT_FOUND");
    expect(await listMyStudents(p)).toEqual([]);
    await t.db.guardianship.updateMany({ where: { guardianId: f.A.g2, studentId: f.A.s2 }, data: { endDate: null } });
  });
});

describe("the diary: only one's own children, or oneself", () => {
  it("a guardian of two children lists exactly those two", async () => {
    const kids = await listMyStudents(await f.as("a.g1"));
    expect(kids.map((k) => k.id).sort()).toEqual([f.A.s1, f.A.s3].sort());
  });

  it("a student lists only themself", async () => {
    const me = await listMyStudents(await f.as("a.s1"));
    expect(me.map((k) => k.id)).toEqual([f.A.s1]);
  });

  it("a guardian reads the day of their child, with the child's marks only", async () => {
    const day = await getStudentDay(await f.as("a.g1"), f.A.s1);
    expect(day.recentMarks.map((m) => m.value).sort()).toEqual([4, 5]);
  });

  it("a guessed id of another family's child is refused, also across schools", async () => {
    const g1 = await f.as("a.g1");
    expect(await outcome(getStudentDay(g1, f.A.s2))).toBe("NOT_FOUND");
    expect(await outcome(getStudentDay(g1, f.B.sB))).toBe("NOT_FOUND");
    const s1 = await f.as("a.s1");
    expect(await outcome(getStudentDay(s1, f.A.s2))).toBe("NOT_FOUND");
  });

  it("staff do not use the family diary", async () => {
    expect(await outcome(getStudentDay(await f.as("a.math"), f.A.s1))).toBe("FORBIDDEN");
    expect(await outcome(listMyStudents(await f.as("a.admin")))).toBe("FORBIDDEN");
  });
});

describe("cohort lists are scoped to the people one may see", () => {
  it("a class teacher lists the whole class", async () => {
    const list = await listCohortStudents(await f.as("a.math"), f.A.c5);
    expect(list.map((s) => s.id).sort()).toEqual([f.A.s1, f.A.s2].sort());
  });

  it("a guardian sees only their own child in the child's class, not the classmates", async () => {
    const list = await listCohortStudents(await f.as("a.g1"), f.A.c5);
    expect(list.map((s) => s.id)).toEqual([f.A.s1]);
  });

  it("a teacher who does not teach the class is refused", async () => {
    expect(await outcome(listCohortStudents(await f.as("a.rus"), f.A.c6))).toBe("NOT_FOUND");
  });

  it("another school's class is refused even to an administrator", async () => {
    expect(await outcome(listCohortStudents(await f.as("a.admin"), f.B.cB))).toBe("NOT_FOUND");
    expect(await outcome(listCohortStudents(await f.as("b.admin"), f.A.c5))).toBe("NOT_FOUND");
  });
});

describe("the journal: teachers of the subject, the class teacher, the administration", () => {
  const range = () => ({ from: f.today, to: f.today });
  const cases: [Login, "c5" | "c6" | "cB", "math" | "rus", string][] = [
    ["a.math", "c5", "math", "OK"],
    ["a.math", "c6", "math", "OK"],
    ["a.math", "c5", "rus", "OK"], // class teacher of 5А reads every subject
    ["a.math", "c6", "rus", "NOT_FOUND"],
    ["a.rus", "c5", "rus", "OK"],
    ["a.rus", "c5", "math", "NOT_FOUND"],
    ["a.rus", "c6", "math", "NOT_FOUND"],
    ["a.admin", "c6", "rus", "OK"],
    ["a.deputy", "c5", "math", "OK"],
    ["a.g1", "c5", "math", "FORBIDDEN"],
    ["a.s1", "c5", "math", "FORBIDDEN"],
    ["b.teacher", "c5", "math", "NOT_FOUND"],
    ["a.admin", "cB", "math", "NOT_FOUND"],
  ];
  for (const [login, cohort, subject, expected] of cases) {
    it(`${login} reading ${subject} in ${cohort}: ${expected}`, async () => {
      const p = await f.as(login);
      const cohortId = cohort === "cB" ? f.B.cB : f.A[cohort];
      const subjectId = cohort === "cB" ? f.B.math : f.A[subject];
      expect(await outcome(readJournal(p, cohortId, subjectId, range()))).toBe(expected);
    });
  }

  it("the journal page holds the marks of that cohort and subject only", async () => {
    const page = await readJournal(await f.as("a.math"), f.A.c5, f.A.math, range());
    expect(page.lessons).toHaveLength(1);
    expect(page.marks.map((m) => [m.studentId, m.value]).sort()).toEqual([[f.A.s1, 5], [f.A.s2, 3]].sort());
  });

  it("a teacher's day lists their own lessons and the class they lead", async () => {
    const day = await getTeacherDay(await f.as("a.math"));
    expect(day.lessons.map((l) => l.cohortName).sort()).toEqual(["5А", "6А"]);
    expect(day.classes.map((c) => [c.name, c.studentCount])).toEqual([["5А", 2]]);
  });
});

describe("administration", () => {
  it("the overview counts one's own school only", async () => {
    const o = await getSchoolOverview(await f.as("a.admin"));
    expect(o.schoolName).toBe("Школа А");
    expect(o.counts.students).toBe(3);
    expect(o.counts.guardians).toBe(2);
  });

  it("teachers and families may not open it", async () => {
    for (const login of ["a.math", "a.g1", "a.s1"] as const) {
      expect(await outcome(getSchoolOverview(await f.as(login)))).toBe("FORBIDDEN");
    }
  });

  it("invitations: only an administrator, only for their own school's people", async () => {
    expect(await outcome(issueInvitation(await f.as("a.math"), { guardianId: f.A.g1 }))).toBe("FORBIDDEN");
    expect(await outcome(issueInvitation(await f.as("a.g1"), { guardianId: f.A.g1 }))).toBe("FORBIDDEN");
    expect(await outcome(issueInvitation(await f.as("a.admin"), { guardianId: f.B.gB }))).toBe("NOT_FOUND");
    const issued = await issueInvitation(await f.as("a.admin"), { guardianId: f.A.g2 });
    expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });
});
