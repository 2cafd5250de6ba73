/**
 * Invitation codes: the school issues one per guardian or student (printed on a paper
 * slip), and the family uses it once to create its account with a password of its own.
 */
import "server-only";
import { randomInt } from "node:crypto";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { hashInvitationCode, newInvitationCode } from "@/lib/auth/invitation-code";
import { hashPassword } from "@/lib/auth/password";
import { issueLoginTicket } from "@/lib/auth/login-ticket";
import { authSecret } from "@/lib/auth/secret";
import { isIpBlocked, recordIpFailure, sleep, delayAfterFailures, ipFailureCount } from "@/lib/auth/throttle";

const VALID_DAYS = 180;

/** Issues a new code for a guardian or a student of the admin's school; older unused codes stop working. */
export async function issueInvitation(
  p: Principal,
  target: { guardianId: string } | { studentId: string },
  now = new Date(),
): Promise<{ code: string; expiresAt: Date }> {
  assertCan(p, "invitation.issue");
  const where = "guardianId" in target ? { guardianId: target.guardianId } : { studentId: target.studentId };
  const exists =
    "guardianId" in target
      ? await db.guardian.count({ where: { schoolId: p.schoolId, id: target.guardianId } })
      : await db.student.count({ where: { schoolId: p.schoolId, id: target.studentId } });
  if (!exists) throw new AppError("NOT_FOUND");
  const code = newInvitationCode(randomInt);
  const expiresAt = new Date(now.getTime() + VALID_DAYS * 86_400_000);
  await db.$transaction([
    db.invitation.updateMany({ where: { schoolId: p.schoolId, ...where, usedAt: null }, data: { expiresAt: now } }),
    db.invitation.create({ data: { schoolId: p.schoolId, ...where, codeHash: hashInvitationCode(code), expiresAt } }),
  ]);
  return { code, expiresAt };
}

export type RedeemInput = { code: string; login: string; password: string; ip: string };

export async function redeemInvitation(input: RedeemInput, now = new Date()): Promise<{ ticket: string; userId: string }> {
  if (isIpBlocked(input.ip)) {
    throw new AppError("RATE_LIMITED", "Слишком много неудачных попыток с этого устройства. Подождите 15 минут.");
  }
  const invitation = await db.invitation.findUnique({
    where: { codeHash: hashInvitationCode(input.code) },
    select: { schoolId: true, id: true, guardianId: true, studentId: true, expiresAt: true, usedAt: true },
  });
  const refuse = async (message: string) => {
    recordIpFailure(input.ip);
    await sleep(delayAfterFailures(ipFailureCount(input.ip)));
    throw new AppError("BAD_INPUT", message, { code: [message] });
  };
  if (!invitation) return refuse("Такого кода нет. Проверьте код на листке от школы.");
  if (invitation.usedAt) return refuse("Этот код уже использован. Войдите со своим логином и паролем или попросите в школе новый код.");
  if (invitation.expiresAt <= now) return refuse("Срок действия кода истёк. Попросите в школе новый код.");

  const kind = invitation.guardianId ? "GUARDIAN" : "STUDENT";
  const personWhere = invitation.guardianId
    ? { schoolId: invitation.schoolId, guardianId: invitation.guardianId }
    : { schoolId: invitation.schoolId, studentId: invitation.studentId };
  const existing = await db.user.findFirst({ where: personWhere, select: { id: true } });
  if (existing) {
    throw new AppError("CONFLICT", "У вас уже есть учётная запись. Войдите со своим логином или обратитесь в школу, чтобы сбросить пароль.");
  }
  const loginTaken = await db.user.count({ where: { login: input.login } });
  if (loginTaken) {
    const message = "Этот логин уже занят. Придумайте другой.";
    throw new AppError("CONFLICT", message, { login: [message] });
  }

  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    // the conditional update makes a code usable once even when two requests race
    const claimed = await tx.invitation.updateMany({
      where: { schoolId: invitation.schoolId, id: invitation.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "Этот код уже использован.");
    return tx.user.create({
      data: {
        schoolId: invitation.schoolId,
        login: input.login,
        passwordHash,
        kind,
        guardianId: invitation.guardianId,
        studentId: invitation.studentId,
        lastLoginAt: now,
      },
      select: { id: true, sessionVersion: true },
    });
  });
  return { userId: user.id, ticket: issueLoginTicket(authSecret(), user.id, user.sessionVersion) };
}
