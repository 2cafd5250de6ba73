/**
 * A teacher's home page (issue 4, item 10): the day's lessons with their substitutions
 * (a lesson the teacher gives in place of a colleague, and a lesson of theirs someone
 * else gives), and the classes they lead this year with their students, each a link to
 * the student's record. What is left unfilled is lib/journal/missing.ts.
 */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { fullName, shortName } from "@/lib/people/names";
import { dayToDate, schoolToday } from "@/lib/time";

export type TeacherLesson = {
  id: string;
  lessonNumber: number;
  cohortId: string;
  cohortName: string;
  subjectId: string;
  subjectName: string;
  room: string | null;
  topic: string | null;
  status: "PLANNED" | "HELD" | "CANCELLED" | "MOVED";
  statusReason: string | null;
  /** the teacher gives this lesson in place of the one the timetable had */
  substituteFor: string | null;
  /** a lesson of the teacher's that someone else gives */
  givenTo: string | null;
  substitutionReason: string | null;
  /** the teacher may open the lesson page and the journal (their subject, or their class) */
  canOpen: boolean;
};

export type TeacherClass = { id: string; name: string; studentCount: number; students: { id: string; name: string }[] };

export type TeacherDay = {
  day: string;
  lessons: TeacherLesson[];
  classes: TeacherClass[];
};

export async function getTeacherDay(p: Principal, day?: string): Promise<TeacherDay> {
  assertCan(p, "journal.read");
  const d = day ?? schoolToday(p.timeZone);
  if (!p.staffId) return { day: d, lessons: [], classes: [] };
  const staffId = p.staffId;
  const date = dayToDate(d);
  const current = { startDate: { lte: date }, OR: [{ endDate: null }, { endDate: { gte: date } }] };
  const person = { select: { lastName: true, firstName: true, middleName: true } } as const;
  const [lessons, classes] = await Promise.all([
    db.lesson.findMany({
      where: { schoolId: p.schoolId, date, OR: [{ teacherId: staffId }, { substitutions: { some: { originalTeacherId: staffId } } }] },
      orderBy: { lessonNumber: "asc" },
      select: {
        id: true, lessonNumber: true, room: true, topic: true, status: true, statusReason: true, teacherId: true,
        cohort: {
          select: {
            id: true, name: true, classTeacherId: true,
            curriculumItems: { where: { teachers: { some: { staffId } } }, select: { subjectId: true } },
            timetableSlots: { where: { teacherId: staffId }, select: { subjectId: true } },
          },
        },
        subject: { select: { id: true, name: true } },
        teacher: person,
        substitutions: { orderBy: { createdAt: "asc" }, select: { originalTeacherId: true, reason: true, originalTeacher: person } },
      },
    }),
    db.cohort.findMany({
      where: { schoolId: p.schoolId, classTeacherId: staffId, year: { startDate: { lte: date }, endDate: { gte: date } } },
      orderBy: { name: "asc" },
      select: {
        id: true, name: true,
        memberships: { where: current, select: { student: { select: { id: true, lastName: true, firstName: true, middleName: true } } } },
      },
    }),
  ]);
  return {
    day: d,
    lessons: lessons.map((l) => {
      const first = l.substitutions[0];
      const latest = l.substitutions.at(-1);
      const mine = l.teacherId === staffId;
      const teaches = [...l.cohort.curriculumItems, ...l.cohort.timetableSlots].some((x) => x.subjectId === l.subject.id);
      const substituteFor = mine && first && first.originalTeacherId !== staffId ? shortName(first.originalTeacher) : null;
      const givenTo = mine ? null : shortName(l.teacher);
      return {
        id: l.id, lessonNumber: l.lessonNumber, room: l.room, topic: l.topic, status: l.status, statusReason: l.statusReason,
        cohortId: l.cohort.id, cohortName: l.cohort.name, subjectId: l.subject.id, subjectName: l.subject.name,
        substituteFor, givenTo,
        substitutionReason: substituteFor || givenTo ? (latest?.reason ?? null) : null,
        canOpen: teaches || l.cohort.classTeacherId === staffId,
      };
    }),
    classes: classes.map((c) => {
      const students = [...new Map(c.memberships.map((m) => [m.student.id, { id: m.student.id, name: fullName(m.student) }])).values()]
        .sort((a, b) => a.name.localeCompare(b.name, "ru"));
      return { id: c.id, name: c.name, studentCount: students.length, students };
    }),
  };
}
