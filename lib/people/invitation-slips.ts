/**
 * Invitation codes for a whole class at once, for the paper slips a class teacher hands
 * out at a parents' meeting: every current guardian of every current student who has no
 * account yet gets a new code (older unused codes stop working).
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { issueInvitation } from "@/lib/auth/invitations";
import { assertId } from "@/lib/people/students";
import { fullName } from "@/lib/people/names";
import { env } from "@/lib/env";
import { dayToDate, formatDayRu, schoolToday } from "@/lib/time";

export type Slip = { guardianName: string; children: string[]; code: string; validUntil: string };
export type SlipBatch = { schoolName: string; className: string; inviteUrl: string; slips: Slip[] };

export async function issueClassInvitationSlips(p: Principal, cohortId: string, now = new Date()): Promise<SlipBatch> {
  assertCan(p, "invitation.issue");
  assertCan(p, "school.manage");
  assertId(cohortId);
  const today = dayToDate(schoolToday(p.timeZone, now));
  const cohort = await db.cohort.findFirst({
    where: { schoolId: p.schoolId, id: cohortId },
    select: { name: true, kind: true, school: { select: { name: true } } },
  });
  if (!cohort) throw new AppError("NOT_FOUND");
  if (cohort.kind !== "CLASS") throw new AppError("BAD_INPUT", "Листки с кодами печатаются для класса.");
  const guardians = await db.guardian.findMany({
    where: {
      schoolId: p.schoolId,
      user: null,
      guardianships: {
        some: {
          endDate: null,
          student: { leftAt: null, memberships: { some: { cohortId, startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] } } },
        },
      },
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: {
      id: true, lastName: true, firstName: true, middleName: true,
      guardianships: {
        where: { endDate: null, student: { leftAt: null, memberships: { some: { cohortId, startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] } } } },
        orderBy: { student: { lastName: "asc" } },
        select: { student: { select: { lastName: true, firstName: true, middleName: true } } },
      },
    },
  });
  const slips: Slip[] = [];
  // one after another: each issue is its own transaction, and a class is a few dozen codes
  for (const g of guardians) {
    const issued = await issueInvitation(p, { guardianId: g.id }, now);
    slips.push({
      guardianName: fullName(g),
      children: g.guardianships.map((x) => fullName(x.student)),
      code: issued.code,
      validUntil: formatDayRu(schoolToday(p.timeZone, issued.expiresAt)),
    });
  }
  return { schoolName: cohort.school.name, className: cohort.name, inviteUrl: `${env.APP_URL.replace(/\/+$/, "")}/invite`, slips };
}
