import "server-only";

import { db } from "@/lib/db";
import type { Principal, Role } from "@/lib/auth/principal";
import { isLater } from "@/lib/consent/gate";

function fullName(p: { lastName: string; firstName: string; middleName: string | null }): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ");
}

/** Builds the principal from the account and the person it stands for; null if unusable. */
export async function loadPrincipal(userId: string, sessionVersion: number): Promise<Principal | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, schoolId: true, login: true, kind: true, sessionVersion: true, disabledAt: true, locale: true,
      largePrint: true, highContrast: true, plainLanguage: true,
      staffId: true, guardianId: true, studentId: true,
      school: { select: { timeZone: true, sharedVersion: true } },
      staff: { select: { lastName: true, firstName: true, middleName: true, roles: true, leftAt: true } },
      // a guardian's decisions and current children come in the same statement (joins)
      guardian: {
        select: {
          lastName: true, firstName: true, middleName: true,
          consentEvents: { select: { id: true, studentId: true, decision: true, at: true } },
          guardianships: { where: { endDate: null }, select: { studentId: true } },
        },
      },
      student: { select: { lastName: true, firstName: true, middleName: true, leftAt: true } },
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;

  let roles: Role[] = [];
  let displayName = user.login;
  if (user.kind === "ADMIN" || user.kind === "TEACHER") {
    if (!user.staff || user.staff.leftAt) return null;
    roles = user.staff.roles.map((r) => r);
    displayName = fullName(user.staff);
  } else if (user.kind === "GUARDIAN") {
    if (!user.guardian) return null;
    roles = ["GUARDIAN"];
    displayName = fullName(user.guardian);
  } else {
    if (!user.student || user.student.leftAt) return null;
    roles = ["STUDENT"];
    displayName = fullName(user.student);
  }
  if (roles.length === 0) return null;

  // R1: a guardian sees electronically only the children they consented for (last decision GRANTED)
  const consentedChildIds: string[] = [];
  let undecidedChildIds: string[] | undefined;
  if (user.kind === "GUARDIAN" && user.guardianId && user.guardian) {
    const events = user.guardian.consentEvents;
    const last = new Map<string, (typeof events)[number]>();
    for (const e of events) {
      const seen = last.get(e.studentId);
      if (!seen || isLater(e, seen)) last.set(e.studentId, e);
    }
    for (const [studentId, e] of last) if (e.decision === "GRANTED") consentedChildIds.push(studentId);
    // the children this guardian has not decided on at all yet: the family layout sends them to /consent
    undecidedChildIds = [...new Set(user.guardian.guardianships.map((g) => g.studentId))].filter((id) => !last.has(id));
  }

  return {
    userId: user.id,
    schoolId: user.schoolId,
    login: user.login,
    displayName,
    roles,
    staffId: user.kind === "ADMIN" || user.kind === "TEACHER" ? user.staffId : null,
    guardianId: user.kind === "GUARDIAN" ? user.guardianId : null,
    consentedChildIds,
    studentId: user.kind === "STUDENT" ? user.studentId : null,
    locale: user.locale === "en" ? "en" : "ru",
    display: { largePrint: user.largePrint, highContrast: user.highContrast, plainLanguage: user.plainLanguage },
    timeZone: user.school.timeZone,
    // microseconds since 1970: well within a double's exact integers (2^53)
    schoolVersion: Number(user.school.sharedVersion),
    ...(undecidedChildIds ? { undecidedChildIds } : {}),
  };
}
