/**
 * The plan of one generated school: everything it has apart from the journal itself, as
 * plain data with array indexes for references and calendar days as integers. Building a
 * plan is pure and deterministic; writing it gives every row an id (write-plan.ts), and
 * the journal (lessons, marks, attendance, homework) is generated from it cohort by
 * cohort (journal.ts).
 */
import type { CalendarPlan, Day } from "./calendar";
import type { Gender } from "./names";
import type { SubjectKind } from "./subjects";

export type Scale = "FIVE_POINT" | "PASS_FAIL" | "DESCRIPTIVE" | "NONE";
export type StaffRoleName = "ADMIN" | "TEACHER";
export type Relation = "MOTHER" | "FATHER" | "GUARDIAN" | "TRUSTEE" | "OTHER";
export type ProgramLevel = "NOO" | "OOO" | "SOO" | "VOCATIONAL";
export type AdaptedVariant = "NONE" | "AOOP" | "FAOOP_UO_1" | "FAOOP_UO_2";
export type CohortKind = "CLASS" | "GROUP" | "STREAM" | "INDIVIDUAL";

export type WorkTypeCode =
  | "LESSON" | "HOMEWORK" | "INDEPENDENT" | "QUIZ" | "TEST" | "LAB" | "PRACTICAL" | "CREDIT" | "ORAL";

export type WorkTypePlan = { code: WorkTypeCode; name: string; weight: string; isAssessment: boolean };

/** Weights are a school setting; these are the demo school's. */
export const WORK_TYPES: readonly WorkTypePlan[] = [
  { code: "LESSON", name: "Работа на уроке", weight: "1.00", isAssessment: false },
  { code: "HOMEWORK", name: "Домашняя работа", weight: "1.00", isAssessment: false },
  { code: "INDEPENDENT", name: "Самостоятельная работа", weight: "1.50", isAssessment: false },
  { code: "QUIZ", name: "Проверочная работа", weight: "1.50", isAssessment: false },
  { code: "TEST", name: "Контрольная работа", weight: "2.00", isAssessment: true },
  { code: "LAB", name: "Лабораторная работа", weight: "1.50", isAssessment: false },
  { code: "PRACTICAL", name: "Практическая работа", weight: "1.50", isAssessment: false },
  { code: "CREDIT", name: "Зачёт", weight: "2.00", isAssessment: true },
  { code: "ORAL", name: "Устный ответ", weight: "1.00", isAssessment: false },
];

export type GradingPolicyPlan = {
  threshold3: string;
  threshold4: string;
  threshold5: string;
  minMarks: number;
  maxAbsenceShare: string;
};

export const GRADING_POLICY: GradingPolicyPlan = {
  threshold3: "2.50",
  threshold4: "3.50",
  threshold5: "4.50",
  minMarks: 3,
  maxAbsenceShare: "0.50",
};

export type SchoolInfo = {
  name: string;
  shortName: string;
  address: string;
  region: string;
  timeZone: string;
};

export type SubjectPlan = { name: string; shortName: string; kind: SubjectKind };
export type ProgramPlan = { level: ProgramLevel; variant: AdaptedVariant; name: string };

export type PersonName = { lastName: string; firstName: string; middleName: string };

export type StaffPlan = PersonName & {
  gender: Gender;
  position: string;
  roles: StaffRoleName[];
  /** the teacher's own room, if any (subject rooms, the gym, workshops) */
  room?: string;
};

export type StudentPlan = PersonName & {
  gender: Gender;
  birthDate: Day;
  recordNumber: string;
  homeSchooling: boolean;
  individualPlan: boolean;
  /** latent level of the student, roughly the mean mark they earn (2.3 … 4.9) */
  ability: number;
  /** medical exemption from physical education: «осв» */
  exemptPe: boolean;
};

export type GuardianPlan = PersonName & { gender: Gender; address: string };
export type GuardianshipPlan = { guardian: number; student: number; relation: Relation; start: Day };

export type CohortPlan = {
  kind: CohortKind;
  name: string;
  grade: number;
  parent?: number;
  classTeacher?: number;
  /** the class's home room */
  room?: string;
};

export type MembershipPlan = { cohort: number; student: number; start: Day; end?: Day; endReason?: "MOVED" | "LEFT" };
export type EnrolmentPlan = { student: number; program: number; start: Day; end?: Day };

export type CurriculumItemPlan = {
  cohort: number;
  subject: number;
  hoursPerWeek: number;
  scale: Scale;
  teachers: number[];
};

export type SlotPlan = {
  cohort: number;
  subject: number;
  teacher: number;
  room: string | undefined;
  weekday: number;
  lessonNumber: number;
};

/** Things that happen to the timetable on particular days (demo school only). */
export type JournalEvents = {
  /** every lesson of these grades on the day is cancelled */
  cancelledDays: { day: Day; gradeFrom: number; gradeTo: number; reason: string }[];
  /** single cancelled lessons */
  cancelledLessons: { cohort: number; day: Day; lessonNumber: number; reason: string }[];
  /** a lesson moved to another day and lesson number */
  moves: { cohort: number; day: Day; lessonNumber: number; toDay: Day; toLessonNumber: number; reason: string }[];
  /** a lesson held by another teacher */
  substitutions: { cohort: number; day: Day; lessonNumber: number; teacher: number; reason: string }[];
};

export const NO_EVENTS: JournalEvents = { cancelledDays: [], cancelledLessons: [], moves: [], substitutions: [] };

export type SchoolPlan = {
  seed: number;
  school: SchoolInfo;
  calendar: CalendarPlan;
  subjects: SubjectPlan[];
  programs: ProgramPlan[];
  staff: StaffPlan[];
  students: StudentPlan[];
  guardians: GuardianPlan[];
  guardianships: GuardianshipPlan[];
  cohorts: CohortPlan[];
  memberships: MembershipPlan[];
  enrolments: EnrolmentPlan[];
  curriculum: CurriculumItemPlan[];
  slots: SlotPlan[];
  events: JournalEvents;
  recommendations: RecommendationPlan[];
};

export type RecommendationPlan = { student: number; subject?: number; author: number; day: Day; text: string };

export function subjectIndex(plan: { subjects: readonly SubjectPlan[] }, name: string): number {
  const i = plan.subjects.findIndex((s) => s.name === name);
  if (i < 0) throw new Error(`В плане нет предмета «${name}»`);
  return i;
}

export function cohortIndex(plan: { cohorts: readonly CohortPlan[] }, name: string): number {
  const i = plan.cohorts.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`В плане нет класса или группы «${name}»`);
  return i;
}
