/**
 * What the statistics are computed from: plain rows read by lib/stats/load.ts, already
 * limited to what the user may see. Pure types.
 */
import type { AttendanceCode, MarkValue } from "@/lib/grading/marks";
import type { PlannedHoursLine, DayRange } from "@/lib/curriculum/school-weeks";
import type { HolidayPlan } from "@/lib/timetable/plan";
import type { LessonTypeName } from "@/lib/stats/completion";

export const STATS_VIEWS = ["school", "class", "subject", "teacher"] as const;
export type StatsView = (typeof STATS_VIEWS)[number];

export type PeriodKindName = "QUARTER" | "TRIMESTER" | "SEMESTER" | "YEAR";

export type StatsPeriod = {
  id: string;
  name: string;
  kind: PeriodKindName;
  number: number;
  from: string;
  to: string;
  gradeFrom: number;
  gradeTo: number;
  yearName: string;
};

export type StatsCohort = { id: string; name: string; grade: number; kind: "CLASS" | "GROUP" | "STREAM" | "INDIVIDUAL"; parentId: string | null };

export type StatsFacts = {
  school: { name: string; address: string };
  period: StatsPeriod;
  today: string;
  /** the school year of each grade (the YEAR period of that grade, else the academic year) */
  yearOf: (grade: number) => DayRange;
  cohorts: StatsCohort[];
  subjects: { id: string; name: string }[];
  teachers: { id: string; name: string }[];
  /** students of the classes, with the class they are in during the period */
  students: { id: string; name: string; classId: string }[];
  finals: { studentId: string; cohortId: string; subjectId: string; mark: MarkValue }[];
  plan: { cohortId: string; subjectId: string; line: PlannedHoursLine; graded: boolean }[];
  /** who teaches what: curriculum teachers and timetable slots */
  teaching: { cohortId: string; subjectId: string; teacherId: string }[];
  held: { cohortId: string; subjectId: string; lessonType: LessonTypeName; count: number }[];
  absences: { studentId: string; code: AttendanceCode; count: number }[];
  holidays: HolidayPlan[];
};
