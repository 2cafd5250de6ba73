/**
 * Sign-in accounts for staff. The temporary password is returned once to be handed over
 * and only its hash is kept; a reset raises the session version so every open session
 * of the old password ends.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { newTemporaryPassword } from "@/lib/people/temp-password";
import { isUniqueViolation } from "@/lib/people/unique";

export type IssuedPassword = { login: string; password: string };

const LOGIN_TAKEN = "Этот логин уже занят. Придумайте другой.";

export async function createStaffLogin(p: Principal, input: { staffId: string; login: string }): Promise<IssuedPassword> {
  assertCan(p, "school.manage");
  const staff = await db.staff.findFirst({
    where: { schoolId: p.schoolId, id: input.staffId },
    select: { roles: true, leftAt: true, user: { select: { id: true } } },
  });
  if (!staff) throw new AppError("NOT_FOUND");
  if (staff.leftAt) throw new AppError("BAD_INPUT", "Сотрудник уволен: учётная запись ему не нужна.");
  if (staff.user) throw new AppError("CONFLICT", "У сотрудника уже есть учётная запись. Можно сбросить пароль.");
  // logins are unique across the whole region
  if (await db.user.count({ where: { login: input.login } })) throw new AppError("CONFLICT", LOGIN_TAKEN, { login: [LOGIN_TAKEN] });
  const password = newTemporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    await db.user.create({
      data: {
        schoolId: p.schoolId, login: input.login, passwordHash, staffId: input.staffId,
        kind: staff.roles.includes("ADMIN") ? "ADMIN" : "TEACHER",
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", LOGIN_TAKEN, { login: [LOGIN_TAKEN] });
    throw error;
  }
  return { login: input.login, password };
}

export async function resetStaffPassword(p: Principal, staffId: string): Promise<IssuedPassword> {
  assertCan(p, "school.manage");
  const user = await db.user.findFirst({ where: { schoolId: p.schoolId, staffId }, select: { id: true, login: true } });
  if (!user) throw new AppError("NOT_FOUND", "У сотрудника ещё нет учётной записи.");
  const password = newTemporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.user.update({
    where: { id: user.id },
    data: { passwordHash, sessionVersion: { increment: 1 }, failedLogins: 0, lockedUntil: null },
  });
  return { login: user.login, password };
}
