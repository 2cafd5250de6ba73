import { formatDayRu, parseDay } from "../../lib/time";
import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { formatCohortKind, formatGender, formatPhone, formatRelation, formatRoles, formatWeekday, formatYesNo, gradeFromName, numberKey, parseCohortKind, parseEmail, parseGender, parsePhone, parseRelation, parseRoles, parseWeekday, parseYesNo } from "../../lib/imports/values";

describe("dates in a file", () => {
  it("reads the Russian and the ISO way, and refuses days that do not exist", () => {
    expect(parseDay("01.09.2026")).toBe("2026-09-01");
    expect(parseDay("1.9.2026")).toBe("2026-09-01");
    expect(parseDay("2026-09-01")).toBe("2026-09-01");
    expect(parseDay("31.02.2015")).toBeNull();
    expect(parseDay("2015/02/01")).toBeNull();
    expect(parseDay("вчера")).toBeNull();
  });

  it("writes back what it reads", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        expect(parseDay(formatDayRu(day))).toBe(day);
      }),
    );
  });
});

describe("words in a file", () => {
  it("reads genders, yes/no, relations, kinds and weekdays whatever the case", () => {
    expect(parseGender("Ж")).toBe("FEMALE");
    expect(parseGender("мужской")).toBe("MALE");
    expect(parseGender("x")).toBeNull();
    expect(parseYesNo("Да")).toBe(true);
    expect(parseYesNo("")).toBe(false);
    expect(parseYesNo("может быть")).toBeNull();
    expect(parseRelation("Мама")).toBe("MOTHER");
    expect(parseRelation("попечитель")).toBe("TRUSTEE");
    expect(parseRelation("тётя")).toBeNull();
    expect(parseCohortKind("ИУП")).toBe("INDIVIDUAL");
    expect(parseCohortKind("Учебная  группа")).toBe("GROUP");
    expect(parseWeekday("Пятница")).toBe(5);
    expect(parseWeekday("сб")).toBe(6);
    expect(parseWeekday("воскресенье")).toBeNull();
  });

  it("reads roles in any order and refuses unknown ones", () => {
    expect(parseRoles("учитель, администратор")).toEqual(["ADMIN", "TEACHER"]);
    expect(parseRoles("Администратор и учитель")).toEqual(["ADMIN", "TEACHER"]);
    expect(parseRoles("учитель")).toEqual(["TEACHER"]);
    expect(parseRoles("директор")).toBeNull();
    expect(parseRoles(" ")).toBeNull();
  });

  it("every word written by an export reads back to the same value", () => {
    for (const g of ["MALE", "FEMALE"] as const) expect(parseGender(formatGender(g))).toBe(g);
    for (const b of [true, false]) expect(parseYesNo(formatYesNo(b))).toBe(b);
    for (const r of ["MOTHER", "FATHER", "GUARDIAN", "TRUSTEE", "OTHER"] as const) expect(parseRelation(formatRelation(r))).toBe(r);
    for (const k of ["CLASS", "GROUP", "STREAM", "INDIVIDUAL"] as const) expect(parseCohortKind(formatCohortKind(k))).toBe(k);
    for (let d = 1; d <= 6; d++) expect(parseWeekday(formatWeekday(d))).toBe(d);
    for (const roles of [["ADMIN"], ["TEACHER"], ["ADMIN", "TEACHER"]] as const) expect(parseRoles(formatRoles(roles))).toEqual(roles);
  });
});

describe("phones, e-mail and numbers", () => {
  it("reads a mobile number however it is written, and writes it so Excel keeps it", () => {
    for (const s of ["8 (912) 345-67-89", "+7 912 345 67 89", "9123456789", "79123456789"]) expect(parsePhone(s)).toBe("+79123456789");
    expect(parsePhone("8 3467 33-22-11")).toBeNull();
    expect(parsePhone("звонить маме")).toBeNull();
    expect(formatPhone("+79123456789")).toBe("8 912 345-67-89");
    expect(parsePhone(formatPhone("+79123456789"))).toBe("+79123456789");
  });

  it("lower-cases e-mail and refuses what cannot be one", () => {
    expect(parseEmail(" Ivanova@Mail.RU ")).toBe("ivanova@mail.ru");
    expect(parseEmail("ivanova@mail")).toBeNull();
    expect(parseEmail("ivanova mail.ru")).toBeNull();
  });

  it("a number Excel stripped of its zeros is the same number", () => {
    expect(numberKey("0042")).toBe(numberKey("42"));
    expect(numberKey("2019-001")).toBe("2019-001");
    expect(gradeFromName("10Б")).toBe(10);
    expect(gradeFromName("Поток")).toBeNull();
  });
});
