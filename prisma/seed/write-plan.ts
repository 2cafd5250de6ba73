/**
 * Writes a school plan's own rows (everything but the journal) and returns their ids.
 * A few hundred to a few thousand rows: one createMany per table, in reference order.
 */
import type { Prisma } from "../../generated/prisma/client";
import { dateOf, instantAt, SCHOOL_UTC_OFFSET, type Day } from "./calendar";
import type { PlanIds } from "./journal";
import { GRADING_POLICY, WORK_TYPES, type SchoolPlan, type WorkTypeCode } from "./plan";
import type { CreateMany } from "./sink";

export type PlanClient = {
  school: CreateMany<Prisma.SchoolCreateManyInput>;
  academicYear: CreateMany<Prisma.AcademicYearCreateManyInput>;
  period: CreateMany<Prisma.PeriodCreateManyInput>;
  holiday: CreateMany<Prisma.HolidayCreateManyInput>;
  bellSchedule: CreateMany<Prisma.BellScheduleCreateManyInput>;
  bellSlot: CreateMany<Prisma.BellSlotCreateManyInput>;
  subject: CreateMany<Prisma.SubjectCreateManyInput>;
  program: CreateMany<Prisma.ProgramCreateManyInput>;
  workType: CreateMany<Prisma.WorkTypeCreateManyInput>;
  gradingPolicy: CreateMany<Prisma.GradingPolicyCreateManyInput>;
  staff: CreateMany<Prisma.StaffCreateManyInput>;
  student: CreateMany<Prisma.StudentCreateManyInput>;
  guardian: CreateMany<Prisma.GuardianCreateManyInput>;
  guardianship: CreateMany<Prisma.GuardianshipCreateManyInput>;
  cohort: CreateMany<Prisma.CohortCreateManyInput>;
  cohortMembership: CreateMany<Prisma.CohortMembershipCreateManyInput>;
  programEnrolment: CreateMany<Prisma.ProgramEnrolmentCreateManyInput>;
  curriculumItem: CreateMany<Prisma.CurriculumItemCreateManyInput>;
  curriculumTeacher: CreateMany<Prisma.CurriculumTeacherCreateManyInput>;
  timetableSlot: CreateMany<Prisma.TimetableSlotCreateManyInput>;
};

export type WrittenPlan = PlanIds & { year: string; guardians: string[]; counts: Record<string, number> };

const CHUNK = 5000;

async function insert<T>(delegate: CreateMany<T>, rows: T[], counts: Record<string, number>, name: string): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await delegate.createMany({ data: rows.slice(i, i + CHUNK) });
  counts[name] = (counts[name] ?? 0) + rows.length;
}

const dateOrNull = (d: Day | undefined): Date | null => (d === undefined ? null : dateOf(d));

export async function writePlan(c: PlanClient, plan: SchoolPlan, today: Day, newId: () => string): Promise<WrittenPlan> {
  const counts: Record<string, number> = {};
  const schoolId = newId();
  const yearId = newId();
  const cal = plan.calendar;
  const ids = <T>(list: readonly T[]): string[] => list.map(() => newId());
  const ref = (list: readonly string[], i: number | undefined): string => {
    const id = i === undefined ? undefined : list[i];
    if (id === undefined) throw new Error(`Ссылка на несуществующую строку плана: ${i}`);
    return id;
  };

  await insert(c.school, [{ id: schoolId, ...plan.school }], counts, "school");
  await insert(c.academicYear, [{ schoolId, id: yearId, name: cal.yearName, startDate: dateOf(cal.start), endDate: dateOf(cal.end) }], counts, "academicYear");

  const periods = ids(cal.periods);
  await insert(c.period, cal.periods.map((p, i) => ({
    schoolId, id: ref(periods, i), yearId, kind: p.kind, number: p.number, name: p.name,
    startDate: dateOf(p.start), endDate: dateOf(p.end), gradeFrom: p.gradeFrom, gradeTo: p.gradeTo,
    // A term that ended more than a week ago has its final marks and is closed.
    closedAt: p.kind !== "YEAR" && p.end + 7 < today ? instantAt(p.end + 7, 10, 0, SCHOOL_UTC_OFFSET) : null,
  })), counts, "period");
  await insert(c.holiday, cal.holidays.map((h) => ({
    schoolId, id: newId(), yearId, kind: h.kind, name: h.name, startDate: dateOf(h.start), endDate: dateOf(h.end),
    gradeFrom: h.gradeFrom, gradeTo: h.gradeTo,
  })), counts, "holiday");
  const bellScheduleId = newId();
  await insert(c.bellSchedule, [{ schoolId, id: bellScheduleId, name: "Основное расписание звонков", validFrom: dateOf(cal.start) }], counts, "bellSchedule");
  await insert(c.bellSlot, cal.bells.map((b) => ({ schoolId, id: newId(), scheduleId: bellScheduleId, ...b })), counts, "bellSlot");

  const subjects = ids(plan.subjects);
  await insert(c.subject, plan.subjects.map((s, i) => ({ schoolId, id: ref(subjects, i), ...s })), counts, "subject");
  const programs = ids(plan.programs);
  await insert(c.program, plan.programs.map((p, i) => ({ schoolId, id: ref(programs, i), ...p })), counts, "program");
  const workTypes = {} as Record<WorkTypeCode, string>;
  for (const w of WORK_TYPES) workTypes[w.code] = newId();
  await insert(c.workType, WORK_TYPES.map((w) => ({ schoolId, id: workTypes[w.code], ...w })), counts, "workType");
  await insert(c.gradingPolicy, [{ schoolId, id: newId(), validFrom: dateOf(cal.start), ...GRADING_POLICY }], counts, "gradingPolicy");

  const staff = ids(plan.staff);
  await insert(c.staff, plan.staff.map((s, i) => ({
    schoolId, id: ref(staff, i), lastName: s.lastName, firstName: s.firstName, middleName: s.middleName,
    position: s.position, roles: s.roles, personnelNumber: String(i + 1).padStart(4, "0"),
  })), counts, "staff");
  const students = ids(plan.students);
  await insert(c.student, plan.students.map((s, i) => ({
    schoolId, id: ref(students, i), lastName: s.lastName, firstName: s.firstName, middleName: s.middleName,
    birthDate: dateOf(s.birthDate), gender: s.gender, recordNumber: s.recordNumber,
    homeSchooling: s.homeSchooling, individualPlan: s.individualPlan,
  })), counts, "student");
  const guardians = ids(plan.guardians);
  await insert(c.guardian, plan.guardians.map((g, i) => ({
    schoolId, id: ref(guardians, i), lastName: g.lastName, firstName: g.firstName, middleName: g.middleName, address: g.address,
  })), counts, "guardian");
  await insert(c.guardianship, plan.guardianships.map((g) => ({
    schoolId, id: newId(), guardianId: ref(guardians, g.guardian), studentId: ref(students, g.student),
    relation: g.relation, startDate: dateOf(g.start),
  })), counts, "guardianship");

  const cohorts = ids(plan.cohorts);
  await insert(c.cohort, plan.cohorts.map((k, i) => ({
    schoolId, id: ref(cohorts, i), yearId, kind: k.kind, name: k.name, grade: k.grade,
    parentId: k.parent === undefined ? null : ref(cohorts, k.parent),
    classTeacherId: k.classTeacher === undefined ? null : ref(staff, k.classTeacher),
  })), counts, "cohort");
  await insert(c.cohortMembership, plan.memberships.map((m) => ({
    schoolId, id: newId(), cohortId: ref(cohorts, m.cohort), studentId: ref(students, m.student),
    startDate: dateOf(m.start), endDate: dateOrNull(m.end), endReason: m.endReason ?? null,
  })), counts, "cohortMembership");
  await insert(c.programEnrolment, plan.enrolments.map((e) => ({
    schoolId, id: newId(), studentId: ref(students, e.student), programId: ref(programs, e.program),
    startDate: dateOf(e.start), endDate: dateOrNull(e.end),
  })), counts, "programEnrolment");

  const items = ids(plan.curriculum);
  await insert(c.curriculumItem, plan.curriculum.map((it, i) => ({
    schoolId, id: ref(items, i), cohortId: ref(cohorts, it.cohort), subjectId: ref(subjects, it.subject),
    hoursPerWeek: it.hoursPerWeek.toFixed(1), scale: it.scale, validFrom: dateOf(cal.start),
  })), counts, "curriculumItem");
  await insert(c.curriculumTeacher, plan.curriculum.flatMap((it, i) => it.teachers.map((t) => ({
    schoolId, id: newId(), curriculumItemId: ref(items, i), staffId: ref(staff, t),
  }))), counts, "curriculumTeacher");
  const slots = ids(plan.slots);
  await insert(c.timetableSlot, plan.slots.map((s, i) => ({
    schoolId, id: ref(slots, i), cohortId: ref(cohorts, s.cohort), subjectId: ref(subjects, s.subject),
    teacherId: ref(staff, s.teacher), room: s.room ?? null, weekday: s.weekday, lessonNumber: s.lessonNumber,
    validFrom: dateOf(cal.start),
  })), counts, "timetableSlot");

  return { school: schoolId, year: yearId, subjects, staff, students, cohorts, slots, periods, workTypes, guardians, counts };
}
