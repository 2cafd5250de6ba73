/**
 * A small iCalendar (RFC 5545) writer for the family's calendar feed: one VCALENDAR of
 * VEVENTs, nothing more. Pure: the feed's content is decided in lib/calendar/feeds.ts.
 *
 * Times are written in UTC (`DTSTART:20261209T033000Z`), not with a TZID: a UTC time
 * needs no VTIMEZONE block, which phone calendars interpret unevenly, and is correct for
 * any zone as long as the local → UTC step is right. That step is done here per day
 * with the zone's own rules (zonedTimeToUtc), so a zone with summer time would still
 * come out right; the school's Asia/Yekaterinburg has been a fixed UTC+5 since 2014, so
 * there nothing can shift. X-WR-TIMEZONE only tells the phone which zone the calendar
 * is "from". All-day entries (homework, tests) are DATE values: they have no zone.
 *
 * An event keeps its UID from one read to the next (the row's id), so the phone replaces
 * an event that changed (a substitute, a cancellation) instead of adding a second one.
 */

export type IcsDay = { day: string };
/** an instant (a timed event) or a calendar day "YYYY-MM-DD" (an all-day event) */
export type IcsWhen = Date | IcsDay;

export type IcsEvent = {
  uid: string;
  summary: string;
  start: IcsWhen;
  /** for an all-day event: the day after the last one (RFC 5545 DTEND is exclusive) */
  end: IcsWhen;
  description?: string;
  location?: string;
  status?: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  /** the row's updatedAt: when the event last changed */
  lastModified?: Date;
  /** does not make the time "busy" (homework, tests shown as all-day reminders) */
  transparent?: boolean;
};

export type IcsCalendar = {
  /** X-WR-CALNAME / NAME: how the phone lists the calendar */
  name: string;
  description?: string;
  /** the IANA zone the calendar is about (X-WR-TIMEZONE) */
  timeZone: string;
  /** how often a client should fetch again, in minutes */
  refreshMinutes: number;
  /** when this copy was made (DTSTAMP) */
  now: Date;
  events: readonly IcsEvent[];
};

const CRLF = "\r\n";
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    // other control characters are not allowed in TEXT; a stray one would break the line
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/**
 * A content line folded at 75 octets (§3.1): each continuation starts with one space,
 * which counts toward its 75. Counted in UTF-8 octets and cut only between characters:
 * a Cyrillic letter is two octets and is never split across lines.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const out: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
      // the continuation's leading space takes one of its 75 octets
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/** 20261209T033000Z */
export function utcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function dayValue(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Not a calendar day: ${day}`);
  return day.replace(/-/g, "");
}

function when(name: "DTSTART" | "DTEND", value: IcsWhen): string {
  return value instanceof Date ? `${name}:${utcStamp(value)}` : `${name};VALUE=DATE:${dayValue(value.day)}`;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at this instant (+300 for Asia/Yekaterinburg). */
function offsetMinutes(at: Date, timeZone: string): number {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    zoneFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  const local = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time ("08:30") of a calendar day is in the zone. Null for a
 * time that is not HH:MM. The offset is looked up at the result and corrected once, so
 * a day on which the zone changes its offset still comes out right.
 */
export function zonedTimeToUtc(day: string, time: string, timeZone: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const hours = Number(t[1]);
  const minutes = Number(t[2]);
  if (hours > 23 || minutes > 59) return null;
  const naive = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), hours, minutes);
  const first = offsetMinutes(new Date(naive), timeZone);
  let at = naive - first * 60_000;
  const second = offsetMinutes(new Date(at), timeZone);
  if (second !== first) at = naive - second * 60_000;
  return new Date(at);
}

/** Minutes as an RFC 5545 duration: 60 → "PT1H", 90 → "PT1H30M". */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h ? `${h}H` : ""}${m || !h ? `${m}M` : ""}`;
}

function eventLines(e: IcsEvent, now: Date): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(e.uid)}`,
    // with METHOD:PUBLISH, DTSTAMP is when this copy was made; the change is LAST-MODIFIED
    `DTSTAMP:${utcStamp(now)}`,
    when("DTSTART", e.start),
    when("DTEND", e.end),
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.status) lines.push(`STATUS:${e.status}`);
  if (e.transparent) lines.push("TRANSP:TRANSPARENT");
  if (e.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(e.lastModified)}`);
  lines.push("END:VEVENT");
  return lines;
}

/** The whole calendar as text: folded lines, each ended by CRLF. */
export function writeCalendar(cal: IcsCalendar): string {
  const refresh = duration(cal.refreshMinutes);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Zhurnal//Family diary calendar//RU",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${escapeText(cal.name)}`,
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    ...(cal.description ? [`X-WR-CALDESC:${escapeText(cal.description)}`] : []),
    `X-WR-TIMEZONE:${escapeText(cal.timeZone)}`,
    // RFC 7986 and the older Microsoft/Apple name for the same thing
    `REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
    `X-PUBLISHED-TTL:${refresh}`,
    ...cal.events.flatMap((e) => eventLines(e, cal.now)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
