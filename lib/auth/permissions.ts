/**
 * The permission table: which role may do what, in one place. What a permission covers
 * is further limited by the scoping helpers (lib/auth/scope.ts): a teacher may write
 * marks, but only in the cohorts and subjects they teach. Unknown actions are refused.
 */
import { AppError } from "@/lib/errors";
import type { Principal, Role } from "@/lib/auth/principal";

export const PERMISSIONS = {
  /** year set-up: calendar, people, cohorts, curriculum, timetable */
  "school.manage": ["ADMIN"],
  /** reopen a closed period, see the audit history of any mark */
  "audit.read": ["ADMIN"],
  "period.reopen": ["ADMIN"],
  /** read the journal of a cohort × subject (scoped: own cohorts and subjects, class) */
  "journal.read": ["ADMIN", "TEACHER"],
  /** write marks, attendance, topics, homework (scoped: own cohorts and subjects) */
  "journal.write": ["TEACHER"],
  /** read a student's card and results (scoped: own children, self, own cohorts) */
  "student.read": ["ADMIN", "TEACHER", "GUARDIAN", "STUDENT"],
  /** the family's diary (scoped: own children, self) */
  "diary.read": ["GUARDIAN", "STUDENT"],
  /** issue invitation codes to families */
  "invitation.issue": ["ADMIN"],
  /** extracts, the summary sheet, statistics (scoped: a teacher only their own class) */
  "reports.read": ["ADMIN", "TEACHER"],
  /** import exam results and the year's conversion scales, publish them (issue 8) */
  "exams.manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(p: Principal, permission: Permission): boolean {
  const allowed: readonly Role[] | undefined = PERMISSIONS[permission];
  if (!allowed) return false;
  return p.roles.some((r) => allowed.includes(r));
}

export function assertCan(p: Principal, permission: Permission): void {
  if (!can(p, permission)) throw new AppError("FORBIDDEN");
}
