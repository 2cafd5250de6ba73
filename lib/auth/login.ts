/**
 * Sign-in by login and password, with slow-down and lock-out (lib/auth/throttle.ts).
 * Returns a login ticket for next-auth; throws AppError with a message for the person.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { issueLoginTicket } from "@/lib/auth/login-ticket";
import { authSecret } from "@/lib/auth/secret";
import {
  delayAfterFailures, isIpBlocked, lockUntilAfter, MAX_FAILURES, recordIpFailure, sleep,
} from "@/lib/auth/throttle";
import { formatTime } from "@/lib/time";

export type LoginInput = { login: string; password: string; ip: string };

const WRONG = "Неверный логин или пароль. Проверьте раскладку клавиатуры и Caps Lock.";

export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

export async function attemptLogin(input: LoginInput, now = new Date()): Promise<{ ticket: string; userId: string; locale: string }> {
  if (isIpBlocked(input.ip)) {
    throw new AppError("RATE_LIMITED", "Слишком много неудачных попыток входа с этого устройства. Подождите 15 минут.");
  }
  const login = normaliseLogin(input.login);
  // no login holds the NUL character, and PostgreSQL refuses to even compare with one
  const user = login.includes("\u0000") ? null : await db.user.findUnique({
    where: { login },
    select: {
      id: true, passwordHash: true, failedLogins: true, lockedUntil: true, disabledAt: true, sessionVersion: true, locale: true,
      school: { select: { timeZone: true } },
    },
  });

  if (!user || !user.passwordHash || user.disabledAt) {
    // same work as for a real account, so the answer's timing does not reveal logins
    await verifyPassword(input.password, await dummyPasswordHash());
    recordIpFailure(input.ip);
    throw new AppError("UNAUTHENTICATED", user?.disabledAt ? "Учётная запись отключена. Обратитесь к администратору школы." : WRONG);
  }

  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError("LOCKED", lockedMessage(user.lockedUntil, user.school.timeZone));
  }

  const ok = await verifyPassword(input.password, user.passwordHash);
  if (!ok) {
    // a lock that has run out starts the count afresh
    const previous = user.lockedUntil && user.lockedUntil <= now ? 0 : user.failedLogins;
    const failures = previous + 1;
    const lockedUntil = lockUntilAfter(failures, now);
    await db.user.update({
      where: { id: user.id },
      data: { failedLogins: lockedUntil ? 0 : failures, lockedUntil },
    });
    recordIpFailure(input.ip);
    await sleep(delayAfterFailures(failures));
    if (lockedUntil) throw new AppError("LOCKED", lockedMessage(lockedUntil, user.school.timeZone));
    const left = MAX_FAILURES - failures;
    throw new AppError(
      "UNAUTHENTICATED",
      left <= 2 ? `${WRONG} Осталось попыток до временной блокировки: ${left}.` : WRONG,
    );
  }

  await db.user.update({
    where: { id: user.id },
    data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
  });
  return { userId: user.id, locale: user.locale, ticket: issueLoginTicket(authSecret(), user.id, user.sessionVersion) };
}

function lockedMessage(until: Date, timeZone: string): string {
  return `Слишком много неудачных попыток. Вход заблокирован до ${formatTime(until, timeZone)}. Попробуйте позже или обратитесь к администратору школы.`;
}
