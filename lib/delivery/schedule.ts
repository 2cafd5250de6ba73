/**
 * When a message may go: quiet hours and digest times, in the school's time zone. Pure
 * (no database, no clock): the outbox and the worker pass the instant in.
 *
 * Wall-clock times are minutes after local midnight (the DeliveryPreference columns);
 * turning a local wall time into an instant goes through Intl, so daylight-saving zones
 * work as well as Asia/Yekaterinburg (which has none).
 */
import type { DeliveryFrequency, MessageKind } from "@/generated/prisma/client";

export type Channel = "EMAIL" | "SMS" | "PUSH";

/** The local digest hour: 18:00, after lessons and before quiet hours. */
export const DIGEST_MINUTE = 18 * 60;

type Local = { day: string; minute: number; weekday: number /* 0 = Sunday */ };

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", weekday: "short",
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The local calendar day, minute of the day and weekday of an instant. */
export function localTime(at: Date, timeZone: string): Local {
  const parts = formatter(timeZone).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return {
    day: `${get("year")}-${get("month")}-${get("day")}`,
    minute: Number(get("hour")) * 60 + Number(get("minute")),
    weekday: WEEKDAYS.indexOf(get("weekday")),
  };
}

/** Milliseconds the zone is ahead of UTC at this instant. */
function offsetMs(at: Date, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant when the local clock shows `minute` on `day` ("YYYY-MM-DD"). */
export function localToInstant(day: string, minute: number, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, Math.floor(minute / 60), minute % 60);
  // two rounds settle the offset also on a daylight-saving change
  let guess = wall - offsetMs(new Date(wall), timeZone);
  guess = wall - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

function nextDay(day: string, n = 1): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Is this minute of the day inside quiet hours [from, to)? from = to means none. */
export function isQuiet(minute: number, quietFrom: number, quietTo: number): boolean {
  if (quietFrom === quietTo) return false;
  return quietFrom < quietTo ? minute >= quietFrom && minute < quietTo : minute >= quietFrom || minute < quietTo;
}

/** `at` itself outside quiet hours, else the instant quiet hours end. */
export function afterQuietHours(at: Date, timeZone: string, quietFrom: number, quietTo: number): Date {
  const local = localTime(at, timeZone);
  if (!isQuiet(local.minute, quietFrom, quietTo)) return at;
  // in the evening part of a night that wraps past midnight, quiet ends tomorrow
  const endDay = quietFrom > quietTo && local.minute >= quietFrom ? nextDay(local.day) : local.day;
  return localToInstant(endDay, quietTo, timeZone);
}

/** The next digest time after `at`: 18:00 local (DAILY) or Sunday 18:00 local (WEEKLY). */
export function nextDigestTime(at: Date, timeZone: string, frequency: "DAILY" | "WEEKLY"): Date {
  const local = localTime(at, timeZone);
  let days = 0;
  if (frequency === "DAILY") days = local.minute < DIGEST_MINUTE ? 0 : 1;
  else {
    days = (7 - local.weekday) % 7;
    if (days === 0 && local.minute >= DIGEST_MINUTE) days = 7;
  }
  return localToInstant(nextDay(local.day, days), DIGEST_MINUTE, timeZone);
}

/**
 * Kinds that never wait for a digest: the family must hear of an exam result within 24
 * hours of its receipt (R6), so a guardian who chose a daily or weekly digest still gets
 * it at once. Quiet hours still hold for SMS and push; PAPER_ONLY still sends nothing.
 */
export const URGENT_KINDS: readonly MessageKind[] = ["EXAM_RESULT"];

export function isUrgent(kind: MessageKind | undefined): boolean {
  return kind !== undefined && URGENT_KINDS.includes(kind);
}

export type Timing = {
  channel: Channel;
  /** the message's kind: an urgent one (URGENT_KINDS) skips the digest */
  kind?: MessageKind;
  frequency: DeliveryFrequency;
  quietFrom: number;
  quietTo: number;
  timeZone: string;
  now: Date;
};

/**
 * Not before when may this message go: at once (e-mail), at the end of quiet hours (SMS,
 * push at night), at the next digest (unless the kind is urgent); null for PAPER_ONLY
 * (nothing electronic).
 */
export function notBefore(t: Timing): Date | null {
  if (t.frequency === "PAPER_ONLY") return null;
  const base = t.frequency === "IMMEDIATE" || isUrgent(t.kind) ? t.now : nextDigestTime(t.now, t.timeZone, t.frequency);
  return t.channel === "EMAIL" ? base : afterQuietHours(base, t.timeZone, t.quietFrom, t.quietTo);
}

/** The pause before the next try after `attempts` failed tries; null: give up (FAILED). */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000] as const;

export function retryDelay(attempts: number): number | null {
  return attempts >= 1 && attempts <= BACKOFF_MS.length ? (BACKOFF_MS[attempts - 1] ?? null) : null;
}
