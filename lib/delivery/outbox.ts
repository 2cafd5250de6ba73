/**
 * The outbox (issue 6, item 7): messages are written in the same transaction as the event
 * that causes them (a mark, a substitution…), one row per event × recipient × channel ×
 * address. The unique key (schoolId, eventKey, channel, address) makes a second write of
 * the same event a no-op; the worker (lib/delivery/worker.ts) sends them.
 *
 * Who gets a message about a child: each guardian with a current consent (the gate,
 * lib/consent/gate.ts), on each channel they chose (DeliveryPreference, or the defaults),
 * to each confirmed contact; push to each live subscription of the guardian's account.
 *
 * No "server-only": producers call it inside their transactions, and so do scripts and tests.
 */
import type { DeliveryFrequency, MessageKind, Prisma } from "@/generated/prisma/client";
import { consentedGuardianIds } from "@/lib/consent/gate";
import { notBefore, type Channel } from "./schedule";

export type Tx = Prisma.TransactionClient;

export type MessageText = {
  subject: string;
  body: string;
  /** ≤ 70 Cyrillic characters = one UCS-2 SMS */
  sms: string;
  /** where the notification opens (a path of the app, or a full address) */
  url?: string;
};

/** A guardian with no DeliveryPreference row gets these. */
export const DEFAULT_PREFERENCE = {
  email: true,
  sms: false,
  push: true,
  frequency: "IMMEDIATE" as DeliveryFrequency,
  kinds: [] as MessageKind[],
  quietFrom: 21 * 60,
  quietTo: 8 * 60,
};

/** A contact counts when confirmed by a code, or entered from a signed document. */
export function isConfirmedContact(c: { confirmedAt: Date | null; source: string; removedAt: Date | null }): boolean {
  if (c.removedAt) return false;
  return c.confirmedAt !== null || c.source === "WRITTEN_APPLICATION" || c.source === "ELECTRONIC_DOCUMENT";
}

type Row = Prisma.OutboxMessageCreateManyInput;

function rowFor(channel: Channel, address: string, text: MessageText): Pick<Row, "channel" | "address" | "subject" | "body" | "url"> {
  if (channel === "SMS") return { channel, address, subject: null, body: text.sms, url: text.url ?? null };
  if (channel === "PUSH") return { channel, address, subject: text.subject, body: text.sms, url: text.url ?? null };
  return { channel, address, subject: text.subject, body: text.body, url: text.url ?? null };
}

/**
 * Every guardian of the student with consent, on each channel they chose, with a
 * confirmed contact, honouring frequency (digests, which urgent kinds such as EXAM_RESULT
 * skip: lib/delivery/schedule.ts), kinds and quiet hours; idempotent by
 * (eventKey, channel, address). Returns the rows written.
 */
export async function enqueueAboutStudent(
  tx: Tx,
  m: {
    schoolId: string; studentId: string; kind: MessageKind; eventKey: string; text: MessageText; now?: Date;
    /** hold the message this long at least (a teacher may correct a typed mark at once) */
    delayMs?: number;
  },
): Promise<number> {
  const { schoolId } = m;
  const now = m.now ?? new Date();
  const earliest = new Date(now.getTime() + (m.delayMs ?? 0));
  const guardianIds = await consentedGuardianIds(tx, schoolId, m.studentId);
  if (guardianIds.length === 0) return 0;
  // one query after another: a transaction has a single connection
  const school = await tx.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timeZone: true } });
  const prefs = await tx.deliveryPreference.findMany({ where: { schoolId, guardianId: { in: guardianIds } } });
  const contacts = await tx.contact.findMany({
    where: { schoolId, guardianId: { in: guardianIds }, removedAt: null, channel: { in: ["EMAIL", "SMS"] } },
    select: { guardianId: true, channel: true, value: true, source: true, confirmedAt: true, removedAt: true },
    orderBy: { createdAt: "asc" },
  });
  const users = await tx.user.findMany({
    where: { schoolId, guardianId: { in: guardianIds }, disabledAt: null },
    select: { id: true, guardianId: true },
  });
  const subs = users.length === 0 ? [] : await tx.pushSubscription.findMany({
    where: { schoolId, userId: { in: users.map((u) => u.id) }, removedAt: null },
    select: { id: true, userId: true },
  });

  const rows: Row[] = [];
  for (const guardianId of guardianIds) {
    const pref = prefs.find((p) => p.guardianId === guardianId) ?? DEFAULT_PREFERENCE;
    if (pref.frequency === "PAPER_ONLY") continue;
    if (pref.kinds.length > 0 && !pref.kinds.includes(m.kind)) continue;
    const targets: { channel: Channel; address: string }[] = [];
    for (const c of contacts) {
      if (c.guardianId !== guardianId || !isConfirmedContact(c)) continue;
      if (c.channel === "EMAIL" && pref.email) targets.push({ channel: "EMAIL", address: c.value.trim().toLowerCase() });
      if (c.channel === "SMS" && pref.sms) targets.push({ channel: "SMS", address: c.value.trim() });
    }
    if (pref.push) {
      const mine = new Set(users.filter((u) => u.guardianId === guardianId).map((u) => u.id));
      for (const s of subs) if (mine.has(s.userId)) targets.push({ channel: "PUSH", address: s.id });
    }
    for (const t of targets) {
      const at = notBefore({ channel: t.channel, kind: m.kind, frequency: pref.frequency, quietFrom: pref.quietFrom, quietTo: pref.quietTo, timeZone: school.timeZone, now: earliest });
      if (!at) continue;
      rows.push({
        schoolId, kind: m.kind, eventKey: m.eventKey, guardianId, studentId: m.studentId,
        ...rowFor(t.channel, t.address, m.text), notBefore: at, createdAt: now,
      });
    }
  }
  if (rows.length === 0) return 0;
  const written = await tx.outboxMessage.createMany({ data: rows, skipDuplicates: true });
  return written.count;
}

/** A message not about a child (the contact-confirmation code): no consent needed. */
export async function enqueueDirect(
  tx: Tx,
  m: { schoolId: string; channel: "EMAIL" | "SMS"; address: string; kind: "CONTACT_CODE"; eventKey: string; text: MessageText },
): Promise<number> {
  const address = m.channel === "EMAIL" ? m.address.trim().toLowerCase() : m.address.trim();
  const written = await tx.outboxMessage.createMany({
    data: [{ schoolId: m.schoolId, kind: m.kind, eventKey: m.eventKey, ...rowFor(m.channel, address, m.text) }],
    skipDuplicates: true,
  });
  return written.count;
}
