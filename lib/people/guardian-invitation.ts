/** An invitation code for one guardian who has no account yet. */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { issueInvitation } from "@/lib/auth/invitations";
import { formatDateTime } from "@/lib/time";

export type IssuedCode = { code: string; expiresAt: string };

export async function issueGuardianInvitation(p: Principal, guardianId: string): Promise<IssuedCode> {
  assertCan(p, "invitation.issue");
  const g = await db.guardian.findFirst({ where: { schoolId: p.schoolId, id: guardianId }, select: { user: { select: { id: true } } } });
  if (!g) throw new AppError("NOT_FOUND");
  if (g.user) throw new AppError("CONFLICT", "У этого родителя уже есть учётная запись: код приглашения не нужен.");
  const issued = await issueInvitation(p, { guardianId });
  return { code: issued.code, expiresAt: formatDateTime(issued.expiresAt, p.timeZone) };
}
