/**
 * How a guardian wants to hear from the school (issue 6, item 4): which channels, how
 * often (at once, a daily or weekly digest, or paper extracts only), which kinds of
 * message, and quiet hours in the school's time zone (no SMS or push at night). One
 * DeliveryPreference row per guardian; no row means the defaults of the outbox.
 */
import "server-only";

import type { DeliveryFrequency, MessageKind } from "@/generated/prisma/client";
import { db } from "@/lib/db/server";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { DEFAULT_PREFERENCE, isConfirmedContact } from "@/lib/delivery/outbox";
import { CHOOSABLE_KIND_LIST, FREQUENCY_LIST, type ChoosableKind } from "@/lib/notify/kinds";

const CHOOSABLE_KINDS: readonly ChoosableKind[] = CHOOSABLE_KIND_LIST satisfies readonly MessageKind[];
// the page's choices are the schema's frequencies
const _frequencies: readonly DeliveryFrequency[] = FREQUENCY_LIST;

export type Preferences = {
  email: boolean;
  sms: boolean;
  push: boolean;
  frequency: DeliveryFrequency;
  /** the kinds wanted (every choosable kind when all are) */
  kinds: ChoosableKind[];
  /** "HH:MM" in the school's zone */
  quietFrom: string;
  quietTo: string;
};

export type PreferencesPage = Preferences & {
  /** saved by the guardian (false: the defaults are shown) */
  saved: boolean;
  /** which channels have a confirmed contact to send to */
  hasEmail: boolean;
  hasPhone: boolean;
  timeZone: string;
};

/** 1260 → "21:00". */
export function minutesToTime(m: number): string {
  const h = Math.floor(m / 60);
  return `${String(h).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** "21:00" → 1260; null for anything else. */
export function timeToMinutes(t: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(t.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

function ownGuardian(p: Principal): string {
  assertCan(p, "diary.read");
  if (!hasRole(p, "GUARDIAN") || !p.guardianId) throw new AppError("FORBIDDEN", "Способ уведомлений выбирает родитель (законный представитель).");
  return p.guardianId;
}

function kindsOf(stored: readonly MessageKind[]): ChoosableKind[] {
  // empty means all
  if (stored.length === 0) return [...CHOOSABLE_KINDS];
  return CHOOSABLE_KINDS.filter((k) => stored.includes(k));
}

export async function getMyPreferences(p: Principal): Promise<PreferencesPage> {
  const guardianId = ownGuardian(p);
  const [row, contacts] = await Promise.all([
    db.deliveryPreference.findUnique({ where: { schoolId_guardianId: { schoolId: p.schoolId, guardianId } } }),
    db.contact.findMany({
      where: { schoolId: p.schoolId, guardianId, removedAt: null, channel: { in: ["EMAIL", "SMS"] } },
      select: { channel: true, source: true, confirmedAt: true, removedAt: true },
    }),
  ]);
  const pref = row ?? DEFAULT_PREFERENCE;
  const confirmed = contacts.filter(isConfirmedContact);
  return {
    email: pref.email, sms: pref.sms, push: pref.push, frequency: pref.frequency, kinds: kindsOf(pref.kinds),
    quietFrom: minutesToTime(pref.quietFrom), quietTo: minutesToTime(pref.quietTo),
    saved: row !== null,
    hasEmail: confirmed.some((c) => c.channel === "EMAIL"),
    hasPhone: confirmed.some((c) => c.channel === "SMS"),
    timeZone: p.timeZone,
  };
}

export type PreferencesInput = {
  email: boolean;
  sms: boolean;
  push: boolean;
  frequency: DeliveryFrequency;
  kinds: ChoosableKind[];
  quietFrom: string;
  quietTo: string;
};

export async function saveMyPreferences(p: Principal, input: PreferencesInput): Promise<Preferences> {
  const guardianId = ownGuardian(p);
  const quietFrom = timeToMinutes(input.quietFrom);
  const quietTo = timeToMinutes(input.quietTo);
  if (quietFrom === null) throw new AppError("BAD_INPUT", "Тихие часы: время начала записано неверно. Пример: 21:00", { quietFrom: ["Напишите время как 21:00."] });
  if (quietTo === null) throw new AppError("BAD_INPUT", "Тихие часы: время конца записано неверно. Пример: 08:00", { quietTo: ["Напишите время как 08:00."] });
  const kinds = CHOOSABLE_KINDS.filter((k) => input.kinds.includes(k));
  if (input.frequency !== "PAPER_ONLY") {
    if (kinds.length === 0) {
      const message = "Отметьте хотя бы один вид сообщений или выберите «Только бумажные выписки».";
      throw new AppError("BAD_INPUT", message, { kinds: [message] });
    }
    if (!input.email && !input.sms && !input.push) {
      const message = "Выберите хотя бы один способ (почта, SMS или уведомления на телефоне) или выберите «Только бумажные выписки».";
      throw new AppError("BAD_INPUT", message, { channels: [message] });
    }
  }
  // every kind ticked is stored as "all", so a kind added later reaches the family too
  const stored: MessageKind[] = kinds.length === CHOOSABLE_KINDS.length ? [] : kinds;
  const data = { email: input.email, sms: input.sms, push: input.push, frequency: input.frequency, kinds: stored, quietFrom, quietTo };
  const row = await db.deliveryPreference.upsert({
    where: { schoolId_guardianId: { schoolId: p.schoolId, guardianId } },
    create: { schoolId: p.schoolId, guardianId, ...data },
    update: data,
  });
  return {
    email: row.email, sms: row.sms, push: row.push, frequency: row.frequency, kinds: kindsOf(row.kinds),
    quietFrom: minutesToTime(row.quietFrom), quietTo: minutesToTime(row.quietTo),
  };
}
