/** A teacher's home page: today's lessons and the classes they lead. */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { dayToDate, schoolToday } from "@/lib/time";

export type TeacherDay = {
  day: string;
  lessons: { id: string; lessonNumber: number; cohortName: string; subjectName: string; room: string | null; topic: string | null; status: string }[];
  classes: { id: string; name: string; studentCount: number }[];
};

export async function getTeacherDay(p: Principal, day?: string): Promise<TeacherDay> {
  assertCan(p, "journal.read");
  const d = day ?? schoolToday(p.timeZone);
  if (!p.staffId) return { day: d, lessons: [], classes: [] };
  const date = dayToDate(d);
  const [lessons, classes] = await Promise.all([
    db.lesson.findMany({
      where: { schoolId: p.schoolId, teacherId: p.staffId, date },
      orderBy: { lessonNumber: "asc" },
      select: {
        id: true, lessonNumber: true, room: true, topic: true, status: true,
        cohort: { select: { name: true } }, subject: { select: { name: true } },
      },
    }),
    db.cohort.findMany({
      where: { schoolId: p.schoolId, classTeacherId: p.staffId },
      orderBy: { name: "asc" },
      select: {
        id: true, name: true,
        _count: { select: { memberships: { where: { startDate: { lte: date }, OR: [{ endDate: null }, { endDate: { gte: date } }] } } } },
      },
    }),
  ]);
  return {
    day: d,
    lessons: lessons.map((l) => ({
      id: l.id, lessonNumber: l.lessonNumber, room: l.room, topic: l.topic, status: l.status,
      cohortName: l.cohort.name, subjectName: l.subject.name,
    })),
    classes: classes.map((c) => ({ id: c.id, name: c.name, studentCount: c._count.memberships })),
  };
}
