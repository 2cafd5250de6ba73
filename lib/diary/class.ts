/**
 * «Учителя и класс» (R2.2): the child's class and class teacher, every group, stream or
 * individual plan the child is in today, each with its subjects and their teachers (from
 * the curriculum), and the educational program the child studies.
 */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { activeOn, loadChild } from "@/lib/diary/pick-child";
import { fullName } from "@/lib/people/names";
import { dayToDate } from "@/lib/time";

type Kind = "CLASS" | "GROUP" | "STREAM" | "INDIVIDUAL";

export type DiaryTeacher = { name: string; position: string };
export type DiaryCohort = {
  id: string;
  name: string;
  kind: Kind;
  /** for a group: the class it is part of */
  parentName: string | null;
  classTeacher: DiaryTeacher | null;
  subjects: { subjectName: string; teachers: DiaryTeacher[] }[];
};

export type DiaryClass = {
  today: string;
  className: string | null;
  classTeacher: DiaryTeacher | null;
  program: string | null;
  individualPlan: boolean;
  homeSchooling: boolean;
  cohorts: DiaryCohort[];
};

const ORDER: Record<Kind, number> = { CLASS: 0, GROUP: 1, STREAM: 2, INDIVIDUAL: 3 };

type StaffRow = { lastName: string; firstName: string; middleName: string | null; position: string; leftAt: Date | null };

export async function getDiaryClass(p: Principal, studentId: string): Promise<DiaryClass> {
  const child = await loadChild(p, studentId);
  const today = child.today;
  const todayDate = dayToDate(today);
  const cohortIds = [...new Set(child.memberships.filter((m) => activeOn(m, today)).map((m) => m.cohortId))];
  const staffSelect = { lastName: true, firstName: true, middleName: true, position: true, leftAt: true } as const;
  const [cohorts, enrolment] = await Promise.all([
    db.cohort.findMany({
      where: { schoolId: p.schoolId, id: { in: cohortIds } },
      select: {
        id: true, name: true, kind: true,
        parent: { select: { name: true } },
        classTeacher: { select: staffSelect },
        curriculumItems: {
          where: { validFrom: { lte: todayDate }, OR: [{ validTo: null }, { validTo: { gte: todayDate } }] },
          select: { subject: { select: { name: true } }, teachers: { select: { staff: { select: staffSelect } } } },
        },
      },
    }),
    db.programEnrolment.findFirst({
      where: { schoolId: p.schoolId, studentId: child.id, startDate: { lte: todayDate }, OR: [{ endDate: null }, { endDate: { gte: todayDate } }] },
      orderBy: { startDate: "desc" },
      select: { program: { select: { name: true } } },
    }),
  ]);
  const working = (s: StaffRow | null): DiaryTeacher | null =>
    s && (s.leftAt === null || s.leftAt > todayDate) ? { name: fullName(s), position: s.position } : null;
  const list: DiaryCohort[] = cohorts
    .map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      parentName: c.parent?.name ?? null,
      classTeacher: working(c.classTeacher),
      subjects: c.curriculumItems
        .map((i) => ({
          subjectName: i.subject.name,
          teachers: i.teachers.map((t) => working(t.staff)).filter((t): t is DiaryTeacher => t !== null).sort((a, b) => a.name.localeCompare(b.name, "ru")),
        }))
        .sort((a, b) => a.subjectName.localeCompare(b.subjectName, "ru")),
    }))
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.name.localeCompare(b.name, "ru"));
  const own = list.find((c) => c.kind === "CLASS") ?? null;
  return {
    today,
    className: own?.name ?? null,
    classTeacher: own?.classTeacher ?? null,
    program: enrolment?.program.name ?? null,
    individualPlan: child.individualPlan,
    homeSchooling: child.homeSchooling,
    cohorts: list,
  };
}
