/**
 * Contacts of a guardian from a written application (R7). A contact is never edited in
 * place: a change writes a new row and marks the old one removed, so the history of who
 * entered what, from which application, and who removed or replaced it, stays visible.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import type { ContactInput } from "@/lib/people/schemas";
import { dayToDate } from "@/lib/time";

export async function saveGuardianContact(p: Principal, input: ContactInput, now = new Date()): Promise<{ id: string }> {
  assertCan(p, "school.manage");
  if (!p.staffId) throw new AppError("FORBIDDEN", "Контакты вносит сотрудник школы.");
  const staffId = p.staffId;
  return db.$transaction(async (tx) => {
    const guardian = await tx.guardian.count({ where: { schoolId: p.schoolId, id: input.guardianId } });
    if (!guardian) throw new AppError("NOT_FOUND");
    if (input.replacesId) {
      const removed = await tx.contact.updateMany({
        where: { schoolId: p.schoolId, id: input.replacesId, guardianId: input.guardianId, removedAt: null },
        data: { removedAt: now, removedByUserId: p.userId },
      });
      if (removed.count !== 1) {
        const message = "Этот контакт уже заменён или удалён. Обновите страницу.";
        throw new AppError("CONFLICT", message, { replacesId: [message] });
      }
    } else {
      const same = await tx.contact.count({
        where: { schoolId: p.schoolId, guardianId: input.guardianId, channel: input.channel, value: input.value, removedAt: null },
      });
      if (same) {
        const message = "Такой контакт уже записан.";
        throw new AppError("CONFLICT", message, { contactValue: [message] });
      }
    }
    return tx.contact.create({
      data: {
        schoolId: p.schoolId, guardianId: input.guardianId, channel: input.channel, value: input.value,
        source: "WRITTEN_APPLICATION", applicationNumber: input.applicationNumber,
        applicationDate: dayToDate(input.applicationDate), enteredById: staffId,
        // a written application signed by the guardian is the confirmation
        confirmedAt: now, createdAt: now,
      },
      select: { id: true },
    });
  });
}

export async function removeGuardianContact(p: Principal, input: { guardianId: string; contactId: string }, now = new Date()): Promise<void> {
  assertCan(p, "school.manage");
  const removed = await db.contact.updateMany({
    where: { schoolId: p.schoolId, id: input.contactId, guardianId: input.guardianId, removedAt: null },
    data: { removedAt: now, removedByUserId: p.userId },
  });
  if (removed.count !== 1) throw new AppError("NOT_FOUND");
}
