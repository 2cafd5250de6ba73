/**
 * First run of a new installation: while the database holds no school, anyone who can
 * reach the server may create the school and its first administrator (as with any
 * self-hosted product, the installer does it right after start). Once a school exists
 * this is refused for ever; further schools of a region are created by the region's
 * tooling, not from this page.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { issueLoginTicket } from "@/lib/auth/login-ticket";
import { authSecret } from "@/lib/auth/secret";

/** The usual work types and weights of a Russian school; the administrator adjusts them. */
export const DEFAULT_WORK_TYPES = [
  { code: "LESSON", name: "Работа на уроке", weight: 1, isAssessment: false },
  { code: "ORAL", name: "Устный ответ", weight: 1, isAssessment: false },
  { code: "HOMEWORK", name: "Домашняя работа", weight: 1, isAssessment: false },
  { code: "INDEPENDENT", name: "Самостоятельная работа", weight: 1.5, isAssessment: false },
  { code: "QUIZ", name: "Проверочная работа", weight: 1.5, isAssessment: true },
  { code: "LAB", name: "Лабораторная работа", weight: 1.5, isAssessment: false },
  { code: "PRACTICAL", name: "Практическая работа", weight: 1.5, isAssessment: false },
  { code: "TEST", name: "Контрольная работа", weight: 2, isAssessment: true },
  { code: "CREDIT", name: "Зачёт", weight: 2, isAssessment: true },
] as const;

export async function isSetUp(): Promise<boolean> {
  return (await db.school.count()) > 0;
}

export type SetupInput = {
  schoolName: string;
  shortName: string;
  address: string;
  region: string;
  timeZone: string;
  lastName: string;
  firstName: string;
  middleName?: string | undefined;
  position: string;
  login: string;
  password: string;
};

export async function createFirstSchool(input: SetupInput): Promise<{ schoolId: string; ticket: string }> {
  const passwordHash = await hashPassword(input.password);
  const created = await db.$transaction(async (tx) => {
    // one installer at a time: two racing first-run forms must not make two schools
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727001)`;
    if ((await tx.school.count()) > 0) {
      throw new AppError("CONFLICT", "Школа уже настроена. Войдите с логином администратора.");
    }
    const school = await tx.school.create({
      data: { name: input.schoolName, shortName: input.shortName, address: input.address, region: input.region, timeZone: input.timeZone },
    });
    const staff = await tx.staff.create({
      data: {
        schoolId: school.id, lastName: input.lastName, firstName: input.firstName, middleName: input.middleName || null,
        position: input.position, roles: ["ADMIN"],
      },
    });
    const user = await tx.user.create({
      data: { schoolId: school.id, login: input.login, passwordHash, kind: "ADMIN", staffId: staff.id, lastLoginAt: new Date() },
      select: { id: true, sessionVersion: true },
    });
    await tx.workType.createMany({ data: DEFAULT_WORK_TYPES.map((w) => ({ schoolId: school.id, ...w })) });
    await tx.gradingPolicy.create({
      data: { schoolId: school.id, validFrom: new Date("2000-01-01T00:00:00Z"), threshold3: 2.5, threshold4: 3.5, threshold5: 4.5, minMarks: 3, maxAbsenceShare: 0.5 },
    });
    return { schoolId: school.id, user };
  });
  return { schoolId: created.schoolId, ticket: issueLoginTicket(authSecret(), created.user.id, created.user.sessionVersion) };
}
