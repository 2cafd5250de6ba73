/**
 * The diary's homework list (R2.2), by subject: what is due from today on, or — when
 * asked — what was due in the last two weeks. The class's (group's, stream's) homework
 * and the child's own individual assignments; never another child's individual one.
 */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { activeOn, loadChild } from "@/lib/diary/pick-child";
import { fullName } from "@/lib/people/names";
import { addDays, dateToDay, dayToDate } from "@/lib/time";

export type DiaryHomeworkFile = { id: string; fileName: string; size: number; href: string };
export type DiaryHomework = {
  id: string;
  text: string;
  dueDate: string;
  individual: boolean;
  teacher: string;
  lesson: { date: string; topic: string | null } | null;
  files: DiaryHomeworkFile[];
};

export type DiaryHomeworkList = {
  today: string;
  past: boolean;
  from: string;
  to: string | null;
  subjects: { subjectName: string; items: DiaryHomework[] }[];
};

export const PAST_DAYS = 14;
const LIMIT = 300;

export async function getDiaryHomework(p: Principal, studentId: string, opts: { past?: boolean } = {}): Promise<DiaryHomeworkList> {
  const child = await loadChild(p, studentId);
  const today = child.today;
  const past = opts.past === true;
  const from = past ? addDays(today, -PAST_DAYS) : today;
  const to = past ? addDays(today, -1) : null;
  const cohortIds = [...new Set(child.memberships.map((m) => m.cohortId))];
  const rows = await db.homework.findMany({
    where: {
      schoolId: p.schoolId,
      dueDate: { gte: dayToDate(from), ...(to ? { lte: dayToDate(to) } : {}) },
      OR: [{ studentId: child.id }, { studentId: null, cohortId: { in: cohortIds } }],
    },
    orderBy: [{ dueDate: past ? "desc" : "asc" }, { createdAt: "asc" }],
    take: LIMIT,
    select: {
      id: true, text: true, dueDate: true, cohortId: true, studentId: true,
      subject: { select: { name: true } },
      author: { select: { lastName: true, firstName: true, middleName: true } },
      lesson: { select: { date: true, topic: true } },
      files: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } },
    },
  });
  const bySubject = new Map<string, DiaryHomework[]>();
  for (const h of rows) {
    const due = dateToDay(h.dueDate);
    // the class's homework counts while the child is in the class on the day it is due
    if (h.studentId === null && !child.memberships.some((m) => m.cohortId === h.cohortId && activeOn(m, due))) continue;
    const item: DiaryHomework = {
      id: h.id,
      text: h.text,
      dueDate: due,
      individual: h.studentId !== null,
      teacher: fullName(h.author),
      lesson: h.lesson ? { date: dateToDay(h.lesson.date), topic: h.lesson.topic } : null,
      files: h.files.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, href: `/api/homework-files/${f.id}` })),
    };
    const list = bySubject.get(h.subject.name);
    if (list) list.push(item);
    else bySubject.set(h.subject.name, [item]);
  }
  const subjects = [...bySubject.entries()]
    .map(([subjectName, items]) => ({ subjectName, items }))
    .sort((a, b) => a.subjectName.localeCompare(b.subjectName, "ru"));
  return { today, past, from, to, subjects };
}
