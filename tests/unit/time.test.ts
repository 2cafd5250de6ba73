import { describe, expect, it } from "vitest";

import { dateToDay, dayToDate, formatDay, formatTime, schoolToday } from "../../lib/time";
import { markSymbol } from "../../lib/grading/display";
import { fullName, shortName } from "../../lib/people/names";

describe("school time", () => {
  it("takes the day and the time in the school's zone, not the server's", () => {
    // 20:30 UTC on 4 December is already 01:30 on 5 December in Khanty-Mansiysk (UTC+5)
    const at = new Date("2026-12-04T20:30:00Z");
    expect(schoolToday("Asia/Yekaterinburg", at)).toBe("2026-12-05");
    expect(schoolToday("Europe/Moscow", at)).toBe("2026-12-04");
    expect(formatTime(at, "Asia/Yekaterinburg")).toBe("01:30");
  });

  it("round-trips calendar days and refuses malformed ones", () => {
    expect(dateToDay(dayToDate("2027-02-28"))).toBe("2027-02-28");
    expect(() => dayToDate("28.02.2027")).toThrow(/Неверная дата/);
  });

  it("writes a day in Russian with its weekday", () => {
    expect(formatDay("2026-12-04")).toBe("пятница, 4 декабря");
    expect(formatDay("2026-12-04", "ru-RU", false)).toBe("4 декабря");
  });
});

describe("how marks and names are written", () => {
  it("writes marks as the journal does", () => {
    expect(markSymbol({ kind: "NUMERIC", value: 4, text: null })).toBe("4");
    expect(markSymbol({ kind: "NOT_ATTESTED", value: null, text: null })).toBe("н/а");
    expect(markSymbol({ kind: "EXEMPT", value: null, text: null })).toBe("осв");
    expect(markSymbol({ kind: "PASS", value: null, text: null })).toBe("зач");
    expect(markSymbol({ kind: "FAIL", value: null, text: null })).toBe("незач");
    expect(markSymbol({ kind: "DESCRIPTIVE", value: null, text: "Выполняет с помощью" })).toBe("Выполняет с помощью");
  });
  it("writes full and short Russian names", () => {
    const p = { lastName: "Иванова", firstName: "Мария", middleName: "Петровна" };
    expect(fullName(p)).toBe("Иванова Мария Петровна");
    expect(shortName(p)).toBe("Иванова М. П.");
    expect(shortName({ lastName: "Smith", firstName: "John", middleName: null })).toBe("Smith J.");
  });
});
