/**
 * The lesson page's writes on a real database (issue 4, items 3 and 4): who may change a
 * lesson, homework for the class or one student, and teachers' recommendations.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { getLesson, updateLesson } from "../../lib/journal/lesson";
import { addHomework, removeHomework } from "../../lib/journal/homework";
import { addRecommendation, listRecommendationsForStudent } from "../../lib/journal/recommendations";
import { addDays, dayToDate } from "../../lib/time";
import { refusal } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let math5: string;
let math6: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const find = async (cohortId: string) =>
    (await t.db.lesson.findFirstOrThrow({ where: { schoolId: f.A.id, cohortId, subjectId: f.A.math }, select: { id: true } })).id;
  math5 = await find(f.A.c5);
  math6 = await find(f.A.c6);
});
afterAll(async () => {
  await t.close();
});

describe("the lesson: topic, type, held", () => {
  it("the teacher of the subject sets the topic and type and sees them on the lesson", async () => {
    const math = await f.as("a.math");
    await updateLesson(math, { lessonId: math5, topic: "  Дроби  ", lessonType: "QUIZ", status: "HELD" });
    const lesson = await getLesson(math, math5);
    expect(lesson).toMatchObject({ topic: "Дроби", lessonType: "QUIZ", status: "HELD", locked: null, cohort: { name: "5А" }, subject: { name: "Математика" } });
    expect(lesson.students.map((s) => s.name)).toEqual(["Иванов Пётр", "Петров Илья"]);
  });

  it("another teacher cannot see a lesson they do not teach, nor change it", async () => {
    const rus = await f.as("a.rus");
    expect((await refusal(getLesson(rus, math6))).code).toBe("NOT_FOUND");
    expect((await refusal(updateLesson(rus, { lessonId: math5, topic: "Чужая тема", lessonType: "LESSON", status: "HELD" }))).code).toBe("NOT_FOUND");
    expect((await refusal(getLesson(await f.as("b.teacher"), math5))).code).toBe("NOT_FOUND");
    expect((await t.db.lesson.findFirstOrThrow({ where: { id: math5 } })).topic).toBe("Дроби");
  });

  it("a guardian is refused; an administrator reads but does not write", async () => {
    const g = await f.as("a.g1");
    expect((await refusal(getLesson(g, math5))).code).toBe("FORBIDDEN");
    expect((await refusal(updateLesson(g, { lessonId: math5, topic: "x", lessonType: "LESSON", status: "HELD" }))).code).toBe("FORBIDDEN");
    const admin = await f.as("a.admin");
    expect((await getLesson(admin, math5)).locked).not.toBeNull();
    expect((await refusal(addHomework(admin, { lessonId: math5, text: "x", dueDate: f.today }))).code).toBe("FORBIDDEN");
  });

  it("a cancelled lesson is the administrator's: the teacher is pointed to «Замены»", async () => {
    const math = await f.as("a.math");
    await t.db.lesson.update({ where: { schoolId_id: { schoolId: f.A.id, id: math6 } }, data: { status: "CANCELLED" } });
    const e = await refusal(updateLesson(math, { lessonId: math6, topic: "Тема", lessonType: "LESSON", status: "HELD" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/Замены/);
    await t.db.lesson.update({ where: { schoolId_id: { schoolId: f.A.id, id: math6 } }, data: { status: "HELD" } });
  });
});

describe("materials", () => {
  it("are kept line by line; only http(s) addresses become links", async () => {
    const math = await f.as("a.math");
    const materials = [
      "Учебник, с. 45–47, № 214",
      "Видео: https://example.org/video?id=1&t=30.",
      "javascript:alert(1)",
      "Статья (https://ru.wikipedia.org/wiki/Дробь_(математика)) — прочитать",
      "file:///C:/секрет.txt и www.example.org",
    ].join("\r\n");
    await updateLesson(math, { lessonId: math5, topic: "Дроби", lessonType: "LESSON", status: "HELD", materials: `  ${materials}\n\n` });
    const lesson = await getLesson(math, math5);
    expect(lesson.materials).toBe(materials.replace(/\r\n/g, "\n"));
    expect(lesson.materialLines).toEqual([
      [{ text: "Учебник, с. 45–47, № 214" }],
      [{ text: "Видео: " }, { text: "https://example.org/video?id=1&t=30", href: "https://example.org/video?id=1&t=30" }, { text: "." }],
      [{ text: "javascript:alert(1)" }],
      [
        { text: "Статья (" },
        { text: "https://ru.wikipedia.org/wiki/Дробь_(математика)", href: "https://ru.wikipedia.org/wiki/%D0%94%D1%80%D0%BE%D0%B1%D1%8C_(%D0%BC%D0%B0%D1%82%D0%B5%D0%BC%D0%B0%D1%82%D0%B8%D0%BA%D0%B0)" },
        { text: ") — прочитать" },
      ],
      [{ text: "file:///C:/секрет.txt и www.example.org" }],
    ]);
    // a save without the field keeps them; an empty field clears them
    await updateLesson(math, { lessonId: math5, topic: "Дроби", lessonType: "LESSON", status: "HELD" });
    expect((await getLesson(math, math5)).materialLines).toHaveLength(5);
    await updateLesson(math, { lessonId: math5, topic: "Дроби", lessonType: "LESSON", status: "HELD", materials: " " });
    expect((await getLesson(math, math5)).materials).toBeNull();
    const long = await refusal(updateLesson(math, { lessonId: math5, topic: "Дроби", lessonType: "LESSON", status: "HELD", materials: "x".repeat(4001) }));
    expect(long.fieldErrors?.materials?.[0]).toMatch(/не больше 4000/);
  });
});

describe("homework", () => {
  it("is given to the whole class or to one student and listed on the lesson", async () => {
    const math = await f.as("a.math");
    await addHomework(math, { lessonId: math5, text: "№ 12, 13", dueDate: addDays(f.today, 2) });
    await addHomework(math, { lessonId: math5, text: "Повторить таблицу", dueDate: f.today, studentId: f.A.s2 });
    const hw = (await getLesson(math, math5)).homework;
    expect(hw.map((h) => [h.text, h.studentName])).toEqual([["№ 12, 13", null], ["Повторить таблицу", "Петров Илья"]]);
  });

  it("refuses a student of another class and a due date before the lesson, naming the field", async () => {
    const math = await f.as("a.math");
    const before = await t.db.homework.count();
    const other = await refusal(addHomework(math, { lessonId: math5, text: "x", dueDate: f.today, studentId: f.A.s3 }));
    expect(other.code).toBe("BAD_INPUT");
    expect(other.fieldErrors?.studentId?.[0]).toMatch(/не учился в классе/);
    const early = await refusal(addHomework(math, { lessonId: math5, text: "x", dueDate: addDays(f.today, -1) }));
    expect(early.fieldErrors?.dueDate?.[0]).toMatch(/раньше дня урока/);
    const nonsense = await refusal(addHomework(math, { lessonId: math5, text: "x", dueDate: "31.02.2026" }));
    expect(nonsense.fieldErrors?.dueDate?.[0]).toMatch(/Срок выполнения/);
    expect(await t.db.homework.count()).toBe(before);
  });

  it("is removed by a teacher of the subject, not by another teacher", async () => {
    const math = await f.as("a.math");
    const { id } = await addHomework(math, { lessonId: math5, text: "Удалить меня", dueDate: f.today });
    expect((await refusal(removeHomework(await f.as("a.rus"), id))).code).toBe("NOT_FOUND");
    expect((await refusal(removeHomework(await f.as("b.teacher"), id))).code).toBe("NOT_FOUND");
    await removeHomework(math, id);
    expect(await t.db.homework.count({ where: { id } })).toBe(0);
  });
});

describe("recommendations", () => {
  it("a teacher writes to a student they teach, dated today; the family and the teacher read it", async () => {
    const math = await f.as("a.math");
    await addRecommendation(math, { studentId: f.A.s1, subjectId: f.A.math, text: "Больше решать задачи вслух." });
    const own = await listRecommendationsForStudent(await f.as("a.g1"), f.A.s1);
    expect(own).toEqual([expect.objectContaining({ date: f.today, subjectName: "Математика", author: "Числова М. С.", text: "Больше решать задачи вслух." })]);
    expect((await getLesson(math, math5)).recommendations.map((r) => r.studentName)).toEqual(["Иванов Пётр"]);
  });

  it("a teacher who does not teach the student is refused; others' families see nothing", async () => {
    const rus = await f.as("a.rus");
    const e = await refusal(addRecommendation(rus, { studentId: f.A.s3, text: "Совет" }));
    expect(e.fieldErrors?.studentId?.[0]).toMatch(/не учите/);
    expect((await refusal(listRecommendationsForStudent(await f.as("a.g2"), f.A.s1))).code).toBe("NOT_FOUND");
    expect((await refusal(listRecommendationsForStudent(await f.as("b.teacher"), f.A.s1))).code).toBe("NOT_FOUND");
    expect((await refusal(addRecommendation(await f.as("a.g1"), { studentId: f.A.s1, text: "Совет" }))).code).toBe("FORBIDDEN");
  });
});

describe("a closed period", () => {
  it("refuses a topic change and homework with a Russian reason", async () => {
    const math = await f.as("a.math");
    await t.db.period.create({
      data: {
        schoolId: f.A.id, yearId: f.A.yearId, kind: "QUARTER", number: 2, name: "2 четверть", startDate: dayToDate(f.today), endDate: dayToDate(f.today),
        gradeFrom: 1, gradeTo: 11, closedAt: new Date(),
      },
    });
    const e = await refusal(updateLesson(math, { lessonId: math5, topic: "Новая тема", lessonType: "LESSON", status: "HELD" }));
    expect(e.code).toBe("PERIOD_CLOSED");
    expect(e.message).toMatch(/2 четверть закрыта/);
    expect((await refusal(addHomework(math, { lessonId: math5, text: "x", dueDate: f.today }))).code).toBe("PERIOD_CLOSED");
    expect((await getLesson(math, math5)).locked).toMatch(/закрыта/);
    expect((await t.db.lesson.findFirstOrThrow({ where: { id: math5 } })).topic).toBe("Дроби");
  });
});
