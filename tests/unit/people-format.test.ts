import { formatDayRu, parseDay } from "../../lib/time";
import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { individualPlanName, normaliseEmail, normaliseRussianMobile, previousDay, tidyName } from "../../lib/people/format";
import { fullName, shortName } from "../../lib/people/names";
import { newTemporaryPassword } from "../../lib/people/temp-password";
import { contactSchema, staffSchema, createStudentSchema } from "../../lib/people/schemas";
import { addMembersSchema, createCohortSchema } from "../../lib/people/cohort-schemas";

describe("Russian mobile numbers", () => {
  it.each([
    ["8 (912) 345-67-89", "+79123456789"],
    ["+7 912 345 67 89", "+79123456789"],
    ["89123456789", "+79123456789"],
    ["79123456789", "+79123456789"],
    ["9123456789", "+79123456789"],
    ["+7(912)3456789", "+79123456789"],
  ])("%s is %s", (input, expected) => {
    expect(normaliseRussianMobile(input)).toBe(expected);
  });

  it.each(["", "12345", "8 3467 33-22-11", "+1 912 345 67 89", "+8 912 345 67 89", "8912345678", "891234567890", "9123abc456", "телефон"])(
    "%j is refused",
    (input) => {
      expect(normaliseRussianMobile(input)).toBeNull();
    },
  );

  it("every way of writing the same mobile gives the same number", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^9\d{9}$/), fc.constantFrom("8", "+7", "7", ""), fc.constantFrom(" ", "-", ""), (digits, prefix, sep) => {
        const written = `${prefix}${sep}${digits.slice(0, 3)}${sep}${digits.slice(3, 6)}${sep}${digits.slice(6)}`;
        expect(normaliseRussianMobile(written)).toBe(`+7${digits}`);
      }),
    );
  });
});

describe("e-mail addresses", () => {
  it.each([
    [" Ivanova@Mail.RU ", "ivanova@mail.ru"],
    ["m.ivanova+school@yandex.ru", "m.ivanova+school@yandex.ru"],
    ["почта@школа.рф", "почта@школа.рф"],
  ])("%j is %j", (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it.each(["", "ivanova", "ivanova@", "@mail.ru", "ivanova@mail", "iva nova@mail.ru", "ivanova@@mail.ru", ".ivanova@mail.ru", "ivanova@mail.r", "iv..anova@mail.ru", "ivanova@-mail.ru"])(
    "%j is refused",
    (input) => {
      expect(normaliseEmail(input)).toBeNull();
    },
  );
});

describe("calendar days as typed", () => {
  it("reads the Russian form and the browser form", () => {
    expect(parseDay("01.09.2025")).toBe("2025-09-01");
    expect(parseDay("1.9.2025")).toBe("2025-09-01");
    expect(parseDay(" 2025-09-01 ")).toBe("2025-09-01");
  });
  it("refuses days that do not exist and other shapes", () => {
    for (const bad of ["31.02.2025", "29.02.2025", "00.01.2025", "01.13.2025", "2025/09/01", "сегодня", "", "01.09.25"]) expect(parseDay(bad)).toBeNull();
    expect(parseDay("29.02.2024")).toBe("2024-02-29");
  });
  it("formats back and steps to the day before across months and years", () => {
    expect(formatDayRu("2025-09-01")).toBe("01.09.2025");
    expect(previousDay("2026-01-01")).toBe("2025-12-31");
    expect(previousDay("2024-03-01")).toBe("2024-02-29");
  });
  it("parse ∘ format is the identity on real days", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        expect(parseDay(formatDayRu(day))).toBe(day);
      }),
    );
  });
});

describe("names", () => {
  const petrov = { lastName: "Петров", firstName: "Иван", middleName: "Сергеевич" };
  it("shows the full and short forms", () => {
    expect(fullName(petrov)).toBe("Петров Иван Сергеевич");
    expect(shortName(petrov)).toBe("Петров И. С.");
    expect(shortName({ lastName: "Smith", firstName: "Anna", middleName: null })).toBe("Smith A.");
  });
  it("names an individual plan after its student", () => {
    expect(individualPlanName(petrov)).toBe("ИУП: Петров И. С.");
    expect(individualPlanName({ ...petrov, middleName: null })).toBe("ИУП: Петров И.");
  });
  it("tidies spaces typed by hand", () => {
    expect(tidyName("  Анна   Мария ")).toBe("Анна Мария");
  });
});

describe("temporary passwords", () => {
  it("are three groups of four with no look-alike characters", () => {
    for (let i = 0; i < 50; i++) expect(newTemporaryPassword()).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });
});

describe("form schemas", () => {
  it("a contact is normalised and checked for its channel", () => {
    const base = { guardianId: "019b0000-0000-7000-8000-000000000001", applicationNumber: "12", applicationDate: "01.09.2025" };
    const ok = contactSchema.safeParse({ ...base, channel: "SMS", contactValue: "8 912 345-67-89" });
    expect(ok.success && ok.data.value).toBe("+79123456789");
    const bad = contactSchema.safeParse({ ...base, channel: "EMAIL", contactValue: "8 912 345-67-89" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["contactValue"]);
    expect(bad.error?.issues[0]?.message).toMatch(/электронной почты/);
  });
  it("a staff member needs at least one role", () => {
    const r = staffSchema.safeParse({ lastName: "Иванова", firstName: "Анна", position: "учитель" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["roles"]);
    const ok = staffSchema.safeParse({ lastName: "Иванова", firstName: "Анна", position: "учитель", roleAdmin: "on", roleTeacher: "on" });
    expect(ok.success && ok.data.roles).toEqual(["ADMIN", "TEACHER"]);
  });
  it("a student's date of birth names the field when wrong", () => {
    const r = createStudentSchema.safeParse({ lastName: "Петров", firstName: "Иван", birthDate: "31.02.2015", gender: "MALE", recordNumber: "1" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === "birthDate")?.message).toMatch(/^Дату рождения/);
  });
  it("students to add travel in checkbox names", () => {
    const id = "019b0000-0000-7000-8000-0000000000aa";
    const r = addMembersSchema.safeParse({ cohortId: id, membersStart: "01.09.2025", [`student-${id}`]: "on", other: "x" });
    expect(r.success && r.data).toEqual({ cohortId: id, startDate: "2025-09-01", studentIds: [id] });
    expect(addMembersSchema.safeParse({ cohortId: id, membersStart: "01.09.2025" }).success).toBe(false);
  });
  it("a group needs its class; an individual plan needs its student and start", () => {
    const yearId = "019b0000-0000-7000-8000-0000000000bb";
    const group = createCohortSchema.safeParse({ yearId, kind: "GROUP", name: "5А — труд", grade: "5" });
    expect(group.error?.issues.map((i) => i.path[0])).toEqual(["parentId"]);
    const iup = createCohortSchema.safeParse({ yearId, kind: "INDIVIDUAL", grade: "5", studentId: yearId, startDate: "" });
    expect(iup.error?.issues.map((i) => i.path[0])).toEqual(["startDate"]);
  });
});
