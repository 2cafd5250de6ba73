import { describe, expect, it } from "vitest";

import type { ImportRow } from "../../lib/imports/row-check";
import { StaffDirectory } from "../../lib/imports/staff-ref";
import { contactKey, validateGuardians, validateStaff, validateStudents } from "../../lib/imports/validate-people";
import { validateCohorts, validateTimetable, type TimetableContext } from "../../lib/imports/validate-school";

const rows = (...values: Record<string, string>[]): ImportRow[] => values.map((v, i) => ({ line: i + 2, values: v }));
const problems = (errors: { line: number; column: string; message: string }[]) => errors.map((e) => [e.line, e.column]);

const student = {
  lastName: "Иванов", firstName: "Пётр", middleName: "", birthDate: "01.02.2015", gender: "м", recordNumber: "2019-001",
  className: "5А", program: "", individualPlan: "нет", homeSchooling: "", since: "",
};
const studentCtx = { classes: new Map([["5а", "5А"]]), programs: new Map([["ооп ооо", "ООП ООО"]]) };

describe("student rows", () => {
  it("a good row becomes an item, with the class as the school writes it", () => {
    const { items, errors } = validateStudents(rows({ ...student, className: "5а", program: "ооп  ООО" }), studentCtx);
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ line: 2, className: "5А", program: "ООП ООО", gender: "MALE", birthDate: "2015-02-01", middleName: null, homeSchooling: false });
  });

  it("names every mistake of every row: required, date, word, reference, duplicate", () => {
    const { items, errors } = validateStudents(
      rows(
        { ...student, lastName: "" },
        { ...student, recordNumber: "2019-002", birthDate: "2015.02.01", gender: "девочка?" },
        { ...student, recordNumber: "2019-003", className: "5Я", program: "ООП НОО", individualPlan: "иногда" },
        { ...student },
        { ...student, recordNumber: "2019-004", firstName: "Пётр2" },
      ),
      studentCtx,
    );
    expect(items).toHaveLength(0);
    expect(problems(errors)).toEqual([
      [2, "Фамилия"],
      [3, "Дата рождения"], [3, "Пол"],
      [4, "Класс"], [4, "Программа"], [4, "ИУП"],
      [5, "Номер личного дела"],
      [6, "Имя"],
    ]);
    expect(errors.find((e) => e.line === 5)?.message).toBe("Этот номер личного дела уже есть в строке 2 этого файла.");
  });

  it("a column the file does not have leaves the value as it is", () => {
    const { items } = validateStudents(rows({ lastName: "Иванов", firstName: "Пётр", birthDate: "2015-02-01", gender: "ж", recordNumber: "1" }), studentCtx);
    expect(items[0]).toMatchObject({ middleName: undefined, className: undefined, individualPlan: undefined });
  });

  it("one «ФИО» column is split into the three parts", () => {
    const { items, errors } = validateStudents(rows({ fullName: "Мамедов Али Гусейн оглы", birthDate: "2015-02-01", gender: "м", recordNumber: "1" }), studentCtx);
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ lastName: "Мамедов", firstName: "Али", middleName: "Гусейн оглы" });
  });
});

describe("guardian rows", () => {
  const ctx = { students: new Set(["2019-001"]), knownContacts: new Set([contactKey({ lastName: "Иванова", firstName: "Анна", middleName: null }, "SMS", "+79120000000")]) };
  const g = { lastName: "Иванова", firstName: "Анна", middleName: "", childRecord: "2019-001", relation: "мать", phone: "", email: "", applicationNumber: "", applicationDate: "" };

  it("a contact the school already holds needs no application; a new one does", () => {
    expect(validateGuardians(rows({ ...g, phone: "8 912 000-00-00" }), ctx).errors).toEqual([]);
    expect(problems(validateGuardians(rows({ ...g, email: "a@b.ru" }), ctx).errors)).toEqual([[2, "Номер заявления"], [2, "Дата заявления"]]);
    expect(validateGuardians(rows({ ...g, email: "a@b.ru", applicationNumber: "5", applicationDate: "01.09.2025" }), ctx).errors).toEqual([]);
  });

  it("an unknown child, relation, phone or e-mail, and the same guardian twice, are errors", () => {
    const { errors } = validateGuardians(rows({ ...g, childRecord: "0000", relation: "тётя", phone: "123", email: "почта" }, { ...g }, { ...g }), ctx);
    expect(problems(errors)).toEqual([[2, "Номер личного дела ребёнка"], [2, "Кем приходится"], [2, "Телефон"], [2, "Эл. почта"], [4, "Номер личного дела ребёнка"]]);
  });
});

describe("staff rows", () => {
  const s = { lastName: "Числова", firstName: "Мария", middleName: "Сергеевна", position: "учитель", roles: "учитель", personnelNumber: "" };

  it("a name borne by two staff members needs the personnel number", () => {
    const ctx = { unnumberedByName: new Map([["числова мария сергеевна", 2]]) };
    expect(problems(validateStaff(rows(s), ctx).errors)).toEqual([[2, "Табельный номер"]]);
    expect(validateStaff(rows({ ...s, personnelNumber: "12" }), ctx).errors).toEqual([]);
  });

  it("unknown roles, a missing position and a repeated number are errors", () => {
    const { errors } = validateStaff(rows({ ...s, roles: "директор", position: "", personnelNumber: "0012" }, { ...s, personnelNumber: "12" }), { unnumberedByName: new Map() });
    expect(problems(errors)).toEqual([[2, "Должность"], [2, "Роли"], [3, "Табельный номер"]]);
  });
});

const staffRefs = [
  { id: "t1", personnelNumber: "0007", lastName: "Числова", firstName: "Мария", middleName: "Сергеевна" },
  { id: "t2", personnelNumber: "0008", lastName: "Петрова", firstName: "Анна", middleName: null },
  { id: "t3", personnelNumber: "0009", lastName: "Петрова", firstName: "Анна", middleName: null },
];
const staff = new StaffDirectory(staffRefs);

describe("cohort rows", () => {
  const ctx = { hasYear: true, existing: new Map([["6а", { kind: "CLASS" as const, grade: 6 }]]), staff };

  it("a group takes its class's grade, from the file or the database", () => {
    const { items, errors } = validateCohorts(
      rows(
        { name: "5Б — швейное дело", kind: "группа", grade: "", parent: "5б", classTeacher: "" },
        { name: "5Б", kind: "класс", grade: "", parent: "", classTeacher: "7" },
        { name: "6А — столярное дело", kind: "группа", grade: "", parent: "6А", classTeacher: "Числова Мария Сергеевна" },
      ),
      ctx,
    );
    expect(errors).toEqual([]);
    expect(items.map((i) => [i.name, i.grade, i.parent, i.classTeacherId])).toEqual([
      ["5Б — швейное дело", 5, "5б", null],
      ["5Б", 5, null, "t1"],
      ["6А — столярное дело", 6, "6а", "t1"],
    ]);
  });

  it("names a group without a class, a class with one, an unknown kind, an ambiguous teacher and a missing grade", () => {
    const { errors } = validateCohorts(
      rows(
        { name: "Группа", kind: "группа", parent: "" },
        { name: "7А", kind: "класс", parent: "6А" },
        { name: "8А", kind: "кружок" },
        { name: "9А", kind: "класс", classTeacher: "Петрова Анна" },
        { name: "Поток", kind: "поток" },
        { name: "9а", kind: "класс" },
      ),
      ctx,
    );
    expect(problems(errors)).toEqual([[2, "Класс-родитель"], [3, "Класс-родитель"], [4, "Вид"], [5, "Классный руководитель"], [6, "Параллель"], [7, "Название"]]);
    expect(errors[3]?.message).toContain("укажите табельный номер");
  });

  it("without a school year nothing can be placed", () => {
    expect(validateCohorts(rows({ name: "5А", kind: "класс" }), { ...ctx, hasYear: false }).errors[0]?.message).toContain("Учебный год не настроен");
  });
});

describe("timetable rows", () => {
  const year = { from: "2025-09-01", to: "2026-08-31" };
  const ctx: TimetableContext = {
    hasYear: true,
    cohorts: new Map([["5а", "c5"], ["5а — группа 1", "g1"], ["6а", "c6"]]),
    cohortInfo: new Map([
      ["c5", { name: "5А", parentId: null, year }],
      ["g1", { name: "5А — группа 1", parentId: "c5", year }],
      ["c6", { name: "6А", parentId: null, year: { from: "2025-09-01", to: "2026-05-31" } }],
    ]),
    subjects: new Map([["математика", "math"], ["музыка", "music"], ["труд", "labour"]]),
    subjectNames: new Map([["math", "Математика"], ["music", "Музыка"], ["labour", "Труд"]]),
    staff,
    slots: [],
    curriculum: [
      { cohortId: "c5", subjectId: "math", validFrom: "2025-09-01", validTo: null },
      { cohortId: "c6", subjectId: "math", validFrom: "2025-09-01", validTo: null },
      { cohortId: "c5", subjectId: "labour", validFrom: "2025-09-01", validTo: null },
      { cohortId: "c6", subjectId: "music", validFrom: "2025-09-01", validTo: "2025-12-31" },
    ],
  };
  const slot = { cohort: "5А", weekday: "понедельник", lessonNumber: "1", subject: "Математика", teacher: "0007", room: "201", validFrom: "01.09.2025", validTo: "" };

  it("a good row resolves the class, subject and teacher", () => {
    const { items, errors } = validateTimetable(rows(slot), ctx);
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ cohortId: "c5", weekday: 1, lessonNumber: 1, subjectId: "math", teacherId: "t1", validFrom: "2025-09-01", validTo: null });
  });

  it("names unknown references, bad numbers, a backwards range and a repeated slot", () => {
    const { errors } = validateTimetable(
      rows(
        { ...slot, cohort: "5Я", weekday: "воскресенье", lessonNumber: "15", subject: "Астрология", teacher: "Иванов" },
        { ...slot, validTo: "31.08.2025" },
        { ...slot },
        { ...slot },
      ),
      ctx,
    );
    expect(problems(errors)).toEqual([[2, "Класс"], [2, "День недели"], [2, "Номер урока"], [2, "Предмет"], [2, "Учитель"], [3, "Действует по"], [4, "Номер урока"], [5, "Номер урока"]]);
  });

  const existing = { id: "s1", cohortId: "c5", weekday: 3, lessonNumber: 3, subjectId: "math", teacherId: "t1", room: "201", validFrom: "2025-09-01", validTo: null };

  it("refuses a teacher, a room or a class already taken then, naming them, the day and the lesson", () => {
    const { items, errors } = validateTimetable(
      rows({ ...slot, cohort: "6А", weekday: "среда", lessonNumber: "3" }, { ...slot, weekday: "среда", lessonNumber: "3", subject: "Труд", teacher: "Петрова Анна Ивановна", room: "" }),
      { ...ctx, slots: [existing], staff: new StaffDirectory([...staffRefs, { id: "t4", personnelNumber: null, lastName: "Петрова", firstName: "Анна", middleName: "Ивановна" }]) },
    );
    expect(items).toEqual([]);
    expect(problems(errors)).toEqual([[2, "Учитель"], [2, "Кабинет"], [3, "Номер урока"]]);
    expect(errors[0]?.message).toBe(
      "Накладка в расписании: Учитель Числова М. С. уже ведёт урок в 5А в среду, 3-й урок (Математика). Выберите другого учителя, другой день или номер урока.",
    );
    expect(errors[1]?.message).toContain("Кабинет 201 уже занят в среду, 3-й урок: там урок 5А (Математика).");
    expect(errors[2]?.message).toContain("У 5А уже есть урок в среду, 3-й урок: Математика.");
  });

  it("a group may have its lesson while the other group has another, but not while its whole class has one", () => {
    const group = { ...slot, cohort: "5А — группа 1", weekday: "среда", lessonNumber: "3", subject: "Труд", teacher: "0008", room: "" };
    expect(problems(validateTimetable(rows(group), { ...ctx, slots: [existing] }).errors)).toEqual([[2, "Номер урока"]]);
    const other = { ...existing, id: "s2", cohortId: "g2" };
    const withOtherGroup = { ...ctx, slots: [other], cohortInfo: new Map([...ctx.cohortInfo, ["g2", { name: "5А — группа 2", parentId: "c5", year }]]) };
    expect(validateTimetable(rows(group), withOtherGroup).errors).toEqual([]);
  });

  it("reports two rows of the file that clash on the later one, naming the earlier", () => {
    const { errors } = validateTimetable(rows(slot, { ...slot, cohort: "6А", room: "202" }), ctx);
    expect(problems(errors)).toEqual([[3, "Учитель"]]);
    expect(errors[0]?.message).toContain("со строкой 2 этого файла");
  });

  it("updating a slot is not a clash with the slot itself; ending it lets another subject take its place", () => {
    const same = { ...slot, weekday: "среда", lessonNumber: "3", room: "201" };
    expect(validateTimetable(rows({ ...same, teacher: "0008" }), { ...ctx, slots: [existing] }).errors).toEqual([]);
    const ended = validateTimetable(
      rows({ ...same, validTo: "31.12.2025" }, { ...same, subject: "Труд", validFrom: "01.01.2026" }),
      { ...ctx, slots: [existing] },
    );
    expect(ended.errors).toEqual([]);
    expect(ended.items).toHaveLength(2);
  });

  it("a row repeating its slot, or only ending it earlier, is not checked again; changing it is", () => {
    // a slot made before the rules: Труд is not in 6А's curriculum, and it clashes with 5А's maths
    const old = { ...existing, id: "s2", cohortId: "c6", subjectId: "labour" };
    const same = { ...slot, cohort: "6А", weekday: "среда", lessonNumber: "3", subject: "Труд", room: "201" };
    const legacy = { ...ctx, slots: [existing, old] };
    expect(validateTimetable(rows(same), legacy).errors).toEqual([]);
    expect(validateTimetable(rows({ ...same, validTo: "31.12.2025" }), legacy).errors).toEqual([]);
    expect(problems(validateTimetable(rows({ ...same, room: "305" }), legacy).errors)).toEqual([[2, "Предмет"], [2, "Учитель"]]);
  });

  it("refuses a subject outside the curriculum on those dates, and dates outside the class's year", () => {
    const { errors } = validateTimetable(
      rows(
        { ...slot, subject: "Музыка" },
        { ...slot, cohort: "6А", subject: "Музыка", lessonNumber: "2", validFrom: "01.01.2026" },
        { ...slot, cohort: "6А", subject: "Музыка", lessonNumber: "3", validTo: "31.12.2025" },
        { ...slot, lessonNumber: "4", validFrom: "01.09.2024" },
        { ...slot, cohort: "6А", lessonNumber: "5", validTo: "30.06.2026" },
        { ...slot, cohort: "5А — группа 1", lessonNumber: "6", teacher: "0008" },
      ),
      ctx,
    );
    expect(problems(errors)).toEqual([[2, "Предмет"], [3, "Предмет"], [5, "Действует с"], [6, "Действует по"]]);
    expect(errors[0]?.message).toBe("Этого предмета нет в учебном плане 5А на эти даты. Сначала добавьте его в учебный план.");
    expect(errors[2]?.message).toBe("Дата вне учебного года класса 5А (01.09.2025 — 31.08.2026). Выберите день с 01.09.2025 по 31.08.2026.");
  });
});
