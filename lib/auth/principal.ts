/**
 * Who is acting: the signed-in user as the domain sees them. Built from the database on
 * every request (never from what the client sends), so a role taken away or an account
 * locked takes effect at once.
 */
export type Role = "ADMIN" | "TEACHER" | "GUARDIAN" | "STUDENT";

export type Principal = {
  userId: string;
  schoolId: string;
  login: string;
  displayName: string;
  /** Effective roles: a deputy director is ADMIN and TEACHER. */
  roles: readonly Role[];
  staffId: string | null;
  guardianId: string | null;
  /**
   * For a guardian: the children whose current consent decision (R1) is GRANTED. Only
   * these are visible electronically (lib/auth/scope.ts); the others are on paper until
   * the guardian consents. Empty for everyone else.
   */
  consentedChildIds: readonly string[];
  /**
   * For a guardian, when loaded with the session: their current children with no consent
   * decision at all yet (the family layout sends them to /consent first). Absent: ask the
   * database (lib/consent/family.ts needsConsentPage).
   */
  undecidedChildIds?: readonly string[];
  studentId: string | null;
  locale: "ru" | "en";
  /** «версия для слабовидящих» and the plain-language diary, as the user chose them */
  display: { largePrint: boolean; highContrast: boolean; plainLanguage: boolean };
  timeZone: string;
  /**
   * The school's sharedVersion when this request began (loaded with the user): what the
   * school's pages share (bells, holidays, grading rules, work types) may be taken from
   * the process's memory under it (lib/school/shared.ts). Absent: read it from the database.
   */
  schoolVersion?: number;
};

export function hasRole(p: Principal, role: Role): boolean {
  return p.roles.includes(role);
}

/** The role whose home page the user lands on. */
export function primaryRole(p: Principal): Role {
  for (const r of ["ADMIN", "TEACHER", "GUARDIAN", "STUDENT"] as const) if (hasRole(p, r)) return r;
  return "STUDENT";
}
