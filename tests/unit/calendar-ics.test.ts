/**
 * The calendar feed's writer (lib/calendar/ics.ts): what a phone's calendar needs to read
 * the file at all — escaped text, lines folded at 75 octets without cutting a Cyrillic
 * letter in half, CRLF line ends — and lesson times that land at the right moment in the
 * school's zone. The file is read back with ical.js, the parser the tests trust.
 */
import { describe, expect, it } from "vitest";
import ICAL from "ical.js";

import { escapeText, foldLine, writeCalendar, zonedTimeToUtc, type IcsEvent } from "../../lib/calendar/ics";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
const NOW = new Date("2026-12-09T07:00:00Z");

function calendar(events: IcsEvent[]): string {
  return writeCalendar({ name: "Дневник: Иванов Пётр", timeZone: "Asia/Yekaterinburg", refreshMinutes: 60, now: NOW, events });
}

function parse(text: string): ICAL.Component {
  return ICAL.Component.fromString(text);
}

describe("TEXT values", () => {
  it("escape backslash, semicolon, comma and every kind of line break", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("drop control characters that would break the line", () => {
    expect(escapeText("до\u0000ска\u0007")).toBe("доска");
    expect(escapeText("a\tb")).toBe("a\tb");
  });

  it("come back unchanged through a parser", () => {
    const description = "№ 12, 13; повторить правило\\исключения\nи выучить стих";
    const text = calendar([{ uid: "x@zhurnal", summary: "Д/з: Русский язык, 5А", start: { day: "2026-12-09" }, end: { day: "2026-12-10" }, description }]);
    const event = parse(text).getFirstSubcomponent("vevent");
    expect(event?.getFirstPropertyValue("description")).toBe(description);
    expect(event?.getFirstPropertyValue("summary")).toBe("Д/з: Русский язык, 5А");
  });
});

describe("line folding", () => {
  it("leaves a short line alone", () => {
    expect(foldLine("SUMMARY:Математика")).toBe("SUMMARY:Математика");
  });

  it("folds a long Cyrillic line at 75 octets, never inside a letter, and unfolds to the same text", () => {
    const line = `DESCRIPTION:${"Повторить правописание безударных гласных в корне слова. ".repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(5);
    for (const [i, part] of parts.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(" ")).toBe(true);
      // a split letter would not survive a UTF-8 round trip
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
      expect(part).not.toContain("\uFFFD");
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
  });

  it("keeps a four-octet character (an emoji) whole", () => {
    const line = `SUMMARY:${"🙂".repeat(40)}`;
    for (const part of foldLine(line).split("\r\n")) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect([...part.trimStart()].every((ch) => ch === "🙂" || /[A-Z:]/.test(ch))).toBe(true);
    }
  });
});

describe("the calendar file", () => {
  const lesson: IcsEvent = {
    uid: "0190-lesson@zhurnal",
    summary: "Замена: Математика",
    start: zonedTimeToUtc("2026-12-09", "08:30", "Asia/Yekaterinburg") ?? new Date(0),
    end: zonedTimeToUtc("2026-12-09", "09:10", "Asia/Yekaterinburg") ?? new Date(0),
    description: "Замена: урок ведёт Числова М. С. вместо Иванова И. И.\nПричина: Болезнь учителя",
    location: "Кабинет: 301",
    status: "CONFIRMED",
    lastModified: new Date("2026-12-08T10:15:30.123Z"),
  };

  it("ends every line with CRLF and holds no bare LF", () => {
    const text = calendar([lesson]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it("names the calendar, its zone and an hourly refresh", () => {
    const cal = parse(calendar([]));
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Дневник: Иванов Пётр");
    expect(cal.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Yekaterinburg");
    expect(String(cal.getFirstPropertyValue("x-published-ttl"))).toBe("PT1H");
    expect(String(cal.getFirstPropertyValue("refresh-interval"))).toBe("PT1H");
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
  });

  it("writes a lesson's times in UTC: 08:30 in Yekaterinburg (UTC+5) is 03:30Z", () => {
    const text = calendar([lesson]);
    expect(text).toContain("DTSTART:20261209T033000Z\r\n");
    expect(text).toContain("DTEND:20261209T041000Z\r\n");
    const event = new ICAL.Event(parse(text).getFirstSubcomponent("vevent") ?? undefined);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-09T03:30:00.000Z");
    expect(event.uid).toBe("0190-lesson@zhurnal");
    expect(event.location).toBe("Кабинет: 301");
    expect(text).toContain("LAST-MODIFIED:20261208T101530Z\r\n");
    expect(text).toContain("DTSTAMP:20261209T070000Z\r\n");
  });

  it("writes an all-day entry as DATE values with the next day as its exclusive end", () => {
    const text = calendar([{ uid: "hw-1@zhurnal", summary: "Д/з: Математика", start: { day: "2026-12-31" }, end: { day: "2027-01-01" }, transparent: true }]);
    expect(text).toContain("DTSTART;VALUE=DATE:20261231\r\n");
    expect(text).toContain("DTEND;VALUE=DATE:20270101\r\n");
    expect(text).toContain("TRANSP:TRANSPARENT\r\n");
    const event = new ICAL.Event(parse(text).getFirstSubcomponent("vevent") ?? undefined);
    expect(event.startDate.isDate).toBe(true);
  });

  it("marks a cancelled lesson CANCELLED", () => {
    const text = calendar([{ ...lesson, summary: "Отменён: Математика", status: "CANCELLED" }]);
    expect(parse(text).getFirstSubcomponent("vevent")?.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});

describe("school time to UTC", () => {
  it("uses the zone's offset of that very day (summer time where a zone has it)", () => {
    expect(zonedTimeToUtc("2026-07-01", "08:30", "Asia/Yekaterinburg")?.toISOString()).toBe("2026-07-01T03:30:00.000Z");
    expect(zonedTimeToUtc("2026-07-01", "08:30", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T06:30:00.000Z");
    expect(zonedTimeToUtc("2026-12-01", "08:30", "Europe/Berlin")?.toISOString()).toBe("2026-12-01T07:30:00.000Z");
  });

  it("refuses what is not a time of day", () => {
    expect(zonedTimeToUtc("2026-12-09", "8.30", "Asia/Yekaterinburg")).toBeNull();
    expect(zonedTimeToUtc("2026-12-09", "25:00", "Asia/Yekaterinburg")).toBeNull();
  });
});
