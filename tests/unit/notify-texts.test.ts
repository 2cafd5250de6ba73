/**
 * The texts of the school's messages: Russian, plain, the SMS within one UCS-2 message
 * (70 characters) however long the names, and a link into the diary.
 */
import { describe, expect, it } from "vitest";

import {
  SMS_LIMIT, contactCodeText, cut, examResultText, finalMarkText, forecastText, homeworkText, lessonChangeText, markText, recommendationText, shortDay,
} from "../../lib/notify/texts";
import { smsCount } from "../../lib/delivery/sms-text";

const petya = { id: "s-1", lastName: "Иванов", firstName: "Пётр", middleName: "Сергеевич" };
const long = { id: "s-2", lastName: "Константинопольская-Преображенская", firstName: "Александра", middleName: "Владиславовна" };
const math = { id: "sub-1", name: "Математика" };
const longSubject = { id: "sub-2", name: "Коррекционно-развивающие занятия: развитие психомоторики и сенсорных процессов" };
const five = [{ kind: "NUMERIC", value: 5, text: null }];

describe("the SMS of a mark", () => {
  it("says who, what subject, which mark and when, in one SMS", () => {
    const m = markText({ student: petya, subject: math, day: "2026-12-03", marks: five, changed: false });
    expect(m.sms).toBe("Иванов П. С., математика: «5», 3 дек.");
    expect(m.subject).toBe("Новая отметка: Иванов П. С., Математика — «5»");
    expect(m.body).toContain("четверг, 3 декабря");
    expect(m.url).toBe("/diary/marks/sub-1?child=s-1");
  });

  it("shortens a long subject first, then a long surname; the mark and the day stay whole", () => {
    const m = markText({ student: long, subject: longSubject, day: "2026-11-30", marks: [{ kind: "NUMERIC", value: 4, text: null }, { kind: "NUMERIC", value: 5, text: null }], changed: true });
    expect(m.sms.length).toBeLessThanOrEqual(SMS_LIMIT);
    expect(smsCount(m.sms)).toBe(1);
    expect(m.sms).toContain("исправлено на «4/5», 30 нояб.");
    expect(m.sms).toContain("…");
    expect(m.sms.startsWith("Константинопольская")).toBe(true);
    // the surname is shortened, the first initial stays
    expect(m.sms).toMatch(/… А\., корре…: /);
    expect(m.subject).toMatch(/^Исправлена отметка/);
  });

  it("a descriptive mark is «отзыв учителя» in the SMS and whole in the e-mail", () => {
    const text = "Хорошо читает по слогам, путает буквы б и д, старается";
    const m = markText({ student: petya, subject: { id: "x", name: "Чтение" }, day: "2026-09-01", marks: [{ kind: "DESCRIPTIVE", value: null, text }], changed: false });
    expect(m.sms).toBe("Иванов П. С., чтение: отзыв учителя, 1 сент.");
    expect(m.body).toContain(text);
  });

  it("keeps an abbreviation as it is written", () => {
    expect(markText({ student: petya, subject: { id: "x", name: "ОБЖ" }, day: "2026-05-04", marks: five, changed: false }).sms).toContain(", ОБЖ: «5»");
  });
});

describe("the other kinds", () => {
  const cases = {
    final: finalMarkText({ student: long, subject: longSubject, kind: "PERIOD", periodName: "2 четверть", mark: { kind: "NOT_ATTESTED", value: null, text: null }, changed: false }),
    year: finalMarkText({ student: petya, subject: math, kind: "YEAR", periodName: "Год", mark: { kind: "NUMERIC", value: 4, text: null }, changed: false }),
    exam: finalMarkText({ student: petya, subject: math, kind: "EXAM", periodName: "Год", mark: { kind: "NUMERIC", value: 5, text: null }, changed: false }),
    homework: homeworkText({ student: long, subject: longSubject, dueDay: "2026-12-07", text: "С. 45, № 3".repeat(50), individual: false }),
    recommendation: recommendationText({ student: long, subjectName: null, author: long, day: "2026-12-03", text: "Больше читать вслух" }),
    substitution: lessonChangeText({ student: long, subjectName: longSubject.name, day: "2026-12-04", lessonNumber: 3, change: "SUBSTITUTION", teacher: petya, room: "214", newSubjectName: null }),
    cancelled: lessonChangeText({ student: petya, subjectName: "Физическая культура", day: "2026-12-04", lessonNumber: 6, change: "CANCELLED", reason: "мороз" }),
    moved: lessonChangeText({ student: long, subjectName: longSubject.name, day: "2026-12-04", lessonNumber: 2, change: "MOVED", to: { day: "2026-12-11", lessonNumber: 5 }, reason: "экскурсия" }),
    forecast: forecastText({
      student: long, periodName: "2 четверть", day: "2026-12-07",
      subjects: [{ name: "Математика", mark: { kind: "NUMERIC", value: 2, text: null } }, { name: longSubject.name, mark: { kind: "NUMERIC", value: 4, text: null } }],
      atRisk: [{ name: "Математика", why: "сейчас выходит «2»" }, { name: "Русский язык", why: "мало отметок" }, { name: "Литературное чтение", why: "мало отметок" }],
    }),
    code: contactCodeText("042917"),
  };

  it.each(Object.entries(cases))("%s: the SMS fits one message and the texts are not empty", (_kind, m) => {
    expect(m.sms.length).toBeLessThanOrEqual(SMS_LIMIT);
    expect(smsCount(m.sms)).toBe(1);
    expect(m.subject.length).toBeGreaterThan(5);
    expect(m.body.length).toBeGreaterThan(m.sms.length);
  });

  it("say the essential things", () => {
    expect(cases.year.sms).toBe("Иванов П. С., математика: «4» за год");
    expect(cases.exam.subject).toContain("Отметка за экзамен");
    expect(cases.final.sms).toContain("«н/а» за 2 четверть");
    expect(cases.homework.sms).toContain("задание на 7 дек.");
    expect(cases.homework.url).toBe("/diary?child=s-2&week=2026-12-07");
    expect(cases.homework.body).toContain("понедельник, 7 декабря");
    expect(cases.substitution.body).toContain("проведёт Иванов П. С.");
    expect(cases.substitution.body).toContain("Кабинет: 214");
    expect(cases.cancelled.sms).toBe("Иванов П. С., физическая культура: урок отменён, 4 дек., 6 урок");
    expect(cases.moved.sms).toContain("перенесён на 11 дек.");
    expect(cases.forecast.subject).toContain("под угрозой 3");
    expect(cases.forecast.body).toContain("Требуют внимания");
    expect(cases.code.sms).toBe("Код подтверждения для «Журнала»: 042917");
    expect(cases.code.url).toBeUndefined();
  });
});

describe("helpers", () => {
  it("shortDay and cut", () => {
    expect(shortDay("2026-05-09")).toBe("9 мая");
    expect(shortDay("2027-01-15")).toBe("15 янв.");
    expect(cut("Математика", 5)).toBe("Мате…");
    expect(cut("Мат", 5)).toBe("Мат");
  });
});

describe("the message of a state exam result", () => {
  it("says who, which exam and subject, the mark and the score, in one SMS, and opens the diary's results", () => {
    const m = examResultText({ student: petya, subject: math, exam: "ОГЭ", day: "2026-05-20", primaryScore: 18, maxScore: 31, mark: 4, changed: false });
    expect(m.sms).toBe("Иванов П. С., ОГЭ, математика: «4», 18 из 31 б.");
    expect(m.subject).toBe("Результат ОГЭ: Иванов П. С., Математика — «4»");
    expect(m.body).toContain("Экзамен: ОГЭ, среда, 20 мая.");
    expect(m.body).toContain("Первичный балл: 18 из 31.");
    expect(m.body).toContain("Отметка: «4».");
    expect(m.url).toBe("/diary/results?child=s-1");
  });

  it("a corrected result says so; long names are shortened, never the mark or the score", () => {
    const m = examResultText({ student: long, subject: longSubject, exam: "ПО", day: "2026-06-10", primaryScore: 100, maxScore: 120, mark: 5, changed: true });
    expect(m.sms.length).toBeLessThanOrEqual(SMS_LIMIT);
    expect(smsCount(m.sms)).toBe(1);
    expect(m.sms).toContain("«5», 100 из 120 б.");
    expect(m.sms).toContain("ПО");
    expect(m.subject).toMatch(/^Результат ПО изменён/);
    expect(m.body).toContain("Прежний результат заменён");
  });
});
