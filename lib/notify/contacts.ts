/**
 * The guardian's own contacts in the cabinet (R7): an e-mail address or a mobile number
 * they type themselves (source SELF_SERVICE) counts only after they type back the
 * 6-digit code the school sent to it. The code is kept as a hash, lives 15 minutes,
 * allows 5 tries, and may be sent again at most once a minute. A contact is never edited:
 * removing one marks the row removed (by whom, when), and the rows are the history.
 *
 * A guardian touches only their own contacts; anyone else's answers NOT_FOUND.
 */
import "server-only";
import { createHash, randomInt } from "node:crypto";

import type { ContactChannel, ContactSource, Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/server";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { enqueueDirect } from "@/lib/delivery/outbox";
import { shortName } from "@/lib/people/names";
import { assertId } from "@/lib/people/students";
import { contactCodeText } from "@/lib/notify/texts";

export const CODE_TTL_MS = 15 * 60_000;
export const MAX_TRIES = 5;
export const RESEND_AFTER_MS = 60_000;
/** Unconfirmed contacts a guardian may have at once: codes are not sent to any number of strangers' addresses. */
export const MAX_UNCONFIRMED = 3;

export type MyContact = {
  id: string;
  channel: ContactChannel;
  value: string;
  source: ContactSource;
  applicationNumber: string | null;
  applicationDate: Date | null;
  createdAt: Date;
  confirmed: boolean;
  /** unconfirmed: when a new code may be asked for (null: now) */
  resendAt: Date | null;
};

export type RemovedContact = {
  id: string;
  channel: ContactChannel;
  value: string;
  source: ContactSource;
  applicationNumber: string | null;
  applicationDate: Date | null;
  createdAt: Date;
  removedAt: Date;
  /** "self": the guardian; a staff member's short name; null: the school (no name known) */
  removedBy: string | null;
};

/** The guardian's own id; anyone else (a student, staff) is refused. */
function ownGuardian(p: Principal): string {
  assertCan(p, "diary.read");
  if (!hasRole(p, "GUARDIAN") || !p.guardianId) throw new AppError("FORBIDDEN", "Контакты указывает родитель (законный представитель).");
  return p.guardianId;
}

export function codeHash(contactId: string, code: string): string {
  return createHash("sha256").update(`${contactId}:${code}`).digest("hex");
}

/** A contact counts without a code when it came from a signed document. */
function confirmedNow(c: { confirmedAt: Date | null; source: ContactSource }): boolean {
  return c.confirmedAt !== null || c.source !== "SELF_SERVICE";
}

export async function listMyContacts(p: Principal, now = new Date()): Promise<{ current: MyContact[]; removed: RemovedContact[] }> {
  const guardianId = ownGuardian(p);
  const rows = await db.contact.findMany({
    where: { schoolId: p.schoolId, guardianId, channel: { in: ["EMAIL", "SMS"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true, channel: true, value: true, source: true, applicationNumber: true, applicationDate: true, createdAt: true,
      confirmedAt: true, removedAt: true, removedByUserId: true,
      confirmations: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  const removerIds = [...new Set(rows.map((r) => r.removedByUserId).filter((id): id is string => id !== null && id !== p.userId))];
  const removers = removerIds.length === 0 ? [] : await db.user.findMany({
    where: { schoolId: p.schoolId, id: { in: removerIds } },
    select: { id: true, staff: { select: { lastName: true, firstName: true, middleName: true } } },
  });
  const staffName = new Map(removers.map((u) => [u.id, u.staff ? shortName(u.staff) : null]));
  const current: MyContact[] = [];
  const removed: RemovedContact[] = [];
  for (const r of rows) {
    if (r.removedAt) {
      const by = r.removedByUserId === p.userId ? "self" : (r.removedByUserId && staffName.get(r.removedByUserId)) || null;
      removed.push({
        id: r.id, channel: r.channel, value: r.value, source: r.source, applicationNumber: r.applicationNumber, applicationDate: r.applicationDate,
        createdAt: r.createdAt, removedAt: r.removedAt, removedBy: by,
      });
      continue;
    }
    const last = r.confirmations[0]?.createdAt;
    const resend = last ? new Date(last.getTime() + RESEND_AFTER_MS) : null;
    current.push({
      id: r.id, channel: r.channel, value: r.value, source: r.source, applicationNumber: r.applicationNumber, applicationDate: r.applicationDate,
      createdAt: r.createdAt, confirmed: confirmedNow(r), resendAt: resend && resend > now ? resend : null,
    });
  }
  removed.sort((a, b) => b.removedAt.getTime() - a.removedAt.getTime());
  return { current, removed };
}

function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

type Tx = Prisma.TransactionClient;

/** A new code for the contact: a confirmation row (hash only) and the message in the outbox. */
async function sendCode(tx: Tx, schoolId: string, contact: { id: string; channel: "EMAIL" | "SMS"; value: string }, now: Date): Promise<void> {
  const code = newCode();
  const conf = await tx.contactConfirmation.create({
    data: { schoolId, contactId: contact.id, codeHash: codeHash(contact.id, code), expiresAt: new Date(now.getTime() + CODE_TTL_MS), createdAt: now },
    select: { id: true },
  });
  await enqueueDirect(tx, { schoolId, channel: contact.channel, address: contact.value, kind: "CONTACT_CODE", eventKey: `contact-code:${conf.id}`, text: contactCodeText(code) });
}

/** Adds an e-mail address or a mobile number (already normalised) and sends a code to it. */
export async function addMyContact(p: Principal, input: { channel: "EMAIL" | "SMS"; value: string }, now = new Date()): Promise<{ id: string }> {
  const guardianId = ownGuardian(p);
  return db.$transaction(async (tx) => {
    const live = await tx.contact.findMany({
      where: { schoolId: p.schoolId, guardianId, removedAt: null },
      select: { channel: true, value: true, source: true, confirmedAt: true },
    });
    if (live.some((c) => c.channel === input.channel && c.value === input.value)) {
      const message = "Этот контакт уже есть в списке.";
      throw new AppError("CONFLICT", message, { contactValue: [message] });
    }
    if (live.filter((c) => !confirmedNow(c)).length >= MAX_UNCONFIRMED) {
      const message = `Сначала подтвердите или удалите уже добавленные контакты: неподтверждённых может быть не больше ${MAX_UNCONFIRMED}.`;
      throw new AppError("CONFLICT", message, { contactValue: [message] });
    }
    const contact = await tx.contact.create({
      data: { schoolId: p.schoolId, guardianId, channel: input.channel, value: input.value, source: "SELF_SERVICE", confirmedAt: null, createdAt: now },
      select: { id: true },
    });
    await sendCode(tx, p.schoolId, { id: contact.id, channel: input.channel, value: input.value }, now);
    return contact;
  });
}

async function ownUnconfirmed(tx: Tx, p: Principal, guardianId: string, contactId: string) {
  assertId(contactId);
  const c = await tx.contact.findFirst({
    where: { schoolId: p.schoolId, id: contactId, guardianId, removedAt: null },
    select: { id: true, channel: true, value: true, source: true, confirmedAt: true },
  });
  if (!c) throw new AppError("NOT_FOUND", "Контакт не найден.");
  if (confirmedNow(c)) throw new AppError("CONFLICT", "Этот контакт уже подтверждён.");
  if (c.channel !== "EMAIL" && c.channel !== "SMS") throw new AppError("NOT_FOUND", "Контакт не найден.");
  return { ...c, channel: c.channel };
}

/** Sends a new code; the earlier ones stop working. At most once a minute. */
export async function resendMyCode(p: Principal, contactId: string, now = new Date()): Promise<void> {
  const guardianId = ownGuardian(p);
  await db.$transaction(async (tx) => {
    const c = await ownUnconfirmed(tx, p, guardianId, contactId);
    const last = await tx.contactConfirmation.findFirst({ where: { schoolId: p.schoolId, contactId: c.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    if (last && now.getTime() - last.createdAt.getTime() < RESEND_AFTER_MS) {
      const seconds = Math.ceil((RESEND_AFTER_MS - (now.getTime() - last.createdAt.getTime())) / 1000);
      throw new AppError("RATE_LIMITED", `Новый код можно запросить через ${seconds} с. Проверьте, не пришёл ли уже прежний.`);
    }
    await sendCode(tx, p.schoolId, c, now);
  });
}

/**
 * Checks the typed code against the latest one sent. Every try counts (the count is
 * written before the code is compared, so two tries at once cannot both slip through).
 */
export async function confirmMyContact(p: Principal, input: { contactId: string; code: string }, now = new Date()): Promise<void> {
  const guardianId = ownGuardian(p);
  const field = (message: string) => ({ code: [message] });
  const c = await db.$transaction((tx) => ownUnconfirmed(tx, p, guardianId, input.contactId));
  const conf = await db.contactConfirmation.findFirst({
    where: { schoolId: p.schoolId, contactId: c.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true, expiresAt: true, attempts: true },
  });
  if (!conf) throw new AppError("BAD_INPUT", "Код ещё не отправлен: нажмите «Прислать код ещё раз».", field("Запросите код."));
  if (conf.expiresAt <= now) {
    const message = "Срок действия кода истёк (15 минут). Нажмите «Прислать код ещё раз».";
    throw new AppError("BAD_INPUT", message, field(message));
  }
  const counted = await db.contactConfirmation.updateMany({
    where: { schoolId: p.schoolId, id: conf.id, attempts: { lt: MAX_TRIES }, confirmedAt: null },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count !== 1) {
    const message = `Код введён неверно ${MAX_TRIES} раз. Нажмите «Прислать код ещё раз», чтобы получить новый.`;
    throw new AppError("RATE_LIMITED", message, field(message));
  }
  const code = input.code.replace(/\s/g, "");
  if (codeHash(c.id, code) !== conf.codeHash) {
    const left = MAX_TRIES - (conf.attempts + 1);
    const message = left > 0
      ? `Код неверный. Осталось попыток: ${left}.`
      : `Код неверный. Попытки закончились: нажмите «Прислать код ещё раз».`;
    throw new AppError("BAD_INPUT", message, field(message));
  }
  await db.$transaction(async (tx) => {
    await tx.contactConfirmation.update({ where: { schoolId_id: { schoolId: p.schoolId, id: conf.id } }, data: { confirmedAt: now } });
    await tx.contact.update({ where: { schoolId_id: { schoolId: p.schoolId, id: c.id } }, data: { confirmedAt: now } });
  });
}

/** Removes one of the guardian's own contacts (any source): the row stays in the history. Messages still waiting for it are not sent. */
export async function removeMyContact(p: Principal, contactId: string, now = new Date()): Promise<void> {
  const guardianId = ownGuardian(p);
  assertId(contactId);
  await db.$transaction(async (tx) => {
    const c = await tx.contact.findFirst({ where: { schoolId: p.schoolId, id: contactId, guardianId, removedAt: null }, select: { id: true, channel: true, value: true } });
    if (!c) throw new AppError("NOT_FOUND", "Контакт не найден.");
    const removed = await tx.contact.updateMany({
      where: { schoolId: p.schoolId, id: c.id, removedAt: null },
      data: { removedAt: now, removedByUserId: p.userId },
    });
    if (removed.count !== 1) throw new AppError("NOT_FOUND", "Контакт не найден.");
    // the outbox keeps the address as written: lower-case e-mail, the phone as stored
    await tx.outboxMessage.updateMany({
      where: { schoolId: p.schoolId, guardianId, status: "PENDING", channel: c.channel, address: c.channel === "EMAIL" ? c.value.trim().toLowerCase() : c.value.trim() },
      data: { status: "SKIPPED", lastError: "контакт удалён" },
    });
  });
}
