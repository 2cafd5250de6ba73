/**
 * What the printable consent form holds (lib/reports/consent-form.tsx): the operator
 * (the school), the text in force, and, when the form is printed for one guardian and
 * child, their names and the address on record. Administrators only.
 */
import "server-only";

import { db } from "@/lib/db/server";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { fullName } from "@/lib/people/names";
import { currentConsentText } from "@/lib/consent/texts";

export type ConsentFormData = {
  school: { name: string; address: string };
  text: { version: number; title: string; purpose: string; body: string };
  guardian: { name: string; address: string | null } | null;
  child: { name: string; birthDate: Date } | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function consentFormData(p: Principal, input: { guardianId?: string | undefined; studentId?: string | undefined }): Promise<ConsentFormData> {
  assertCan(p, "school.manage");
  for (const id of [input.guardianId, input.studentId]) if (id !== undefined && !UUID.test(id)) throw new AppError("NOT_FOUND");
  const school = await db.school.findUnique({ where: { id: p.schoolId }, select: { name: true, address: true } });
  if (!school) throw new AppError("NOT_FOUND");
  const guardian = input.guardianId
    ? await db.guardian.findFirst({ where: { schoolId: p.schoolId, id: input.guardianId }, select: { lastName: true, firstName: true, middleName: true, address: true } })
    : null;
  if (input.guardianId && !guardian) throw new AppError("NOT_FOUND");
  const child = input.studentId
    ? await db.student.findFirst({
        where: { schoolId: p.schoolId, id: input.studentId, ...(input.guardianId ? { guardianships: { some: { schoolId: p.schoolId, guardianId: input.guardianId } } } : {}) },
        select: { lastName: true, firstName: true, middleName: true, birthDate: true },
      })
    : null;
  if (input.studentId && !child) throw new AppError("NOT_FOUND");
  const text = await currentConsentText(p.schoolId);
  return {
    school,
    text: { version: text.version, title: text.title, purpose: text.purpose, body: text.body },
    guardian: guardian ? { name: fullName(guardian), address: guardian.address } : null,
    child: child ? { name: fullName(child), birthDate: child.birthDate } : null,
  };
}
