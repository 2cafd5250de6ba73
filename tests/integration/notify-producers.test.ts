/**
 * The messages the school's events cause (issue 6, item 5) on a real database: each
 * event writes outbox rows in its own transaction, only for guardians with a current
 * consent, on the channels they chose; a quick correction leaves one message; paper only
 * means none; the regular forecast goes once a week.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { recordCell } from "../../lib/journal/record-cell";
import { confirmFinalMark } from "../../lib/journal/finals";
import { addHomework } from "../../lib/journal/homework";
import { addRecommendation } from "../../lib/journal/recommendations";
import { cancelLesson, moveLesson, substituteTeacher } from "../../lib/timetable/substitutions";
import { notifyFinalMark } from "../../lib/notify/producers";
import { runForecastJob } from "../../lib/notify/forecast-job";
import { localToInstant } from "../../lib/delivery/schedule";
import { addDays, dayToDate } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
let textId: string;
/** a third guardian of s1 who never gave consent */
let g3: string;
let lessonNo = 6;

const G1_MAIL = "ivanova@mail.ru";
const G2_MAIL = "petrova@mail.ru";
const G3_MAIL = "dyadya@mail.ru";

async function decide(guardianId: string, studentId: string, decision: "GRANTED" | "REFUSED" | "WITHDRAWN") {
  await t.db.consentEvent.create({
    data: { schoolId: f.A.id, guardianId, studentId, textId, decision, form: "PAPER", documentNumber: "1", documentDate: dayToDate(f.today) },
  });
}

async function contact(guardianId: string, value: string) {
  await t.db.contact.create({
    data: { schoolId: f.A.id, guardianId, channel: "EMAIL", value, source: "WRITTEN_APPLICATION", applicationNumber: "1", applicationDate: dayToDate(f.today), confirmedAt: new Date() },
  });
}

/** A lesson of 5А maths on a day, at a lesson number no other test uses. */
async function lesson(day: string, status: "HELD" | "PLANNED" = "HELD"): Promise<string> {
  lessonNo += 1;
  const l = await t.db.lesson.create({
    data: { schoolId: f.A.id, cohortId: f.A.c5, subjectId: f.A.math, teacherId: f.A.mathT, date: dayToDate(day), lessonNumber: lessonNo % 13, status },
  });
  return l.id;
}

const outbox = (where: Record<string, unknown> = {}) =>
  t.db.outboxMessage.findMany({ where: { schoolId: f.A.id, ...where }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db, { consent: false });
  textId = (await t.db.consentText.create({
    data: { schoolId: f.A.id, version: 1, title: "Согласие", purpose: "Электронный дневник", body: "Текст", bodySha256: "0".repeat(64), validFrom: new Date("2020-01-01") },
  })).id;
  g3 = (await t.db.guardian.create({ data: { schoolId: f.A.id, lastName: "Иванов", firstName: "Олег" } })).id;
  await t.db.guardianship.create({ data: { schoolId: f.A.id, guardianId: g3, studentId: f.A.s1, relation: "OTHER" } });
  await decide(f.A.g1, f.A.s1, "GRANTED");
  await decide(f.A.g1, f.A.s3, "GRANTED");
  await decide(f.A.g2, f.A.s2, "GRANTED");
  await decide(f.A.g2, f.A.s2, "WITHDRAWN");
  await contact(f.A.g1, G1_MAIL);
  await contact(f.A.g2, G2_MAIL);
  await contact(g3, G3_MAIL);
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await t.db.outboxMessage.deleteMany({ where: { schoolId: f.A.id } });
});

describe("a mark", () => {
  it("recorded by the teacher goes to the guardian with consent only, with the mark, the subject and the child in the text", async () => {
    const math = await f.as("a.math");
    const l = await lesson(f.today);
    await recordCell(math, { lessonId: l, studentId: f.A.s1, input: "5" });
    await recordCell(math, { lessonId: l, studentId: f.A.s2, input: "3" });
    const rows = await outbox();
    expect(rows.map((r) => [r.kind, r.guardianId, r.channel, r.address, r.status])).toEqual([["MARK", f.A.g1, "EMAIL", G1_MAIL, "PENDING"]]);
    const [row] = rows;
    expect(row?.subject).toContain("Иванов П.");
    expect(row?.body).toContain("«5»");
    expect(row?.body).toContain("Математика");
    expect(row?.url).toBe(`/diary/marks/${f.A.math}?child=${f.A.s1}`);
    const mark = await t.db.mark.findFirstOrThrow({ where: { lessonId: l, studentId: f.A.s1 } });
    expect(row?.eventKey).toBe(`mark:${mark.id}:v1`);
  });

  it("a quick correction leaves one pending message, with the new mark; typing the same again sends nothing", async () => {
    const math = await f.as("a.math");
    const l = await lesson(f.today);
    await recordCell(math, { lessonId: l, studentId: f.A.s1, input: "2" });
    await recordCell(math, { lessonId: l, studentId: f.A.s1, input: "4" });
    await recordCell(math, { lessonId: l, studentId: f.A.s1, input: "4" });
    const rows = await outbox({ kind: "MARK" });
    expect(rows.map((r) => r.status)).toEqual(["SKIPPED", "PENDING"]);
    expect(rows[1]?.body).toContain("«4»");
    expect(rows[1]?.subject).toMatch(/^Исправлена отметка/);
  });

  it("a mark cleared before it went sends nothing", async () => {
    const math = await f.as("a.math");
    const l = await lesson(f.today);
    await recordCell(math, { lessonId: l, studentId: f.A.s1, input: "3" });
    await recordCell(math, { lessonId: l, studentId: f.A.s1, input: "" });
    expect((await outbox({ kind: "MARK" })).map((r) => r.status)).toEqual(["SKIPPED"]);
  });

  it("a guardian who chose paper extracts only gets nothing; a guardian who withdrew consent gets nothing from then on", async () => {
    const math = await f.as("a.math");
    await t.db.deliveryPreference.create({ data: { schoolId: f.A.id, guardianId: f.A.g1, frequency: "PAPER_ONLY" } });
    await recordCell(math, { lessonId: await lesson(f.today), studentId: f.A.s1, input: "5" });
    expect(await outbox()).toEqual([]);
    await t.db.deliveryPreference.delete({ where: { schoolId_guardianId: { schoolId: f.A.id, guardianId: f.A.g1 } } });

    await decide(f.A.g1, f.A.s1, "WITHDRAWN");
    await recordCell(math, { lessonId: await lesson(f.today), studentId: f.A.s1, input: "5" });
    expect(await outbox()).toEqual([]);
    await decide(f.A.g1, f.A.s1, "GRANTED");
    await recordCell(math, { lessonId: await lesson(f.today), studentId: f.A.s1, input: "5" });
    expect((await outbox()).map((r) => r.guardianId)).toEqual([f.A.g1]);
  });

  it("a refused write writes no message", async () => {
    const rus = await f.as("a.rus");
    const l = await lesson(f.today);
    await expect(recordCell(rus, { lessonId: l, studentId: f.A.s1, input: "5" })).rejects.toThrow();
    expect(await outbox()).toEqual([]);
  });
});

describe("final marks and exam results", () => {
  it("a confirmed year mark enqueues a FINAL_MARK message", async () => {
    const math = await f.as("a.math");
    const year = await t.db.period.findFirstOrThrow({ where: { schoolId: f.A.id, kind: "YEAR" } });
    await confirmFinalMark(math, { cohortId: f.A.c5, subjectId: f.A.math, periodId: year.id, studentId: f.A.s1, value: "5", reason: "Отлично работал весь год" });
    const rows = await outbox();
    expect(rows.map((r) => [r.kind, r.guardianId])).toEqual([["FINAL_MARK", f.A.g1]]);
    expect(rows[0]?.body).toContain("Годовая отметка");
    expect(rows[0]?.body).toContain("«5»");
  });

  it("an exam mark enqueues an EXAM_RESULT message", async () => {
    const year = await t.db.period.findFirstOrThrow({ where: { schoolId: f.A.id, kind: "YEAR" } });
    const exam = await t.db.finalMark.create({
      data: {
        schoolId: f.A.id, studentId: f.A.s1, subjectId: f.A.rus, cohortId: f.A.c5, periodId: year.id, kind: "EXAM", markKind: "NUMERIC", value: 4,
        confirmedById: f.A.rusT, confirmedAt: new Date(),
      },
    });
    await t.db.$transaction((tx) => notifyFinalMark(tx, { schoolId: f.A.id, finalMarkId: exam.id }));
    const rows = await outbox();
    expect(rows.map((r) => [r.kind, r.eventKey])).toEqual([["EXAM_RESULT", `final:${exam.id}:v1`]]);
  });
});

describe("homework and recommendations", () => {
  it("homework for the class: one message per student, only where a guardian consented", async () => {
    const math = await f.as("a.math");
    const hw = await addHomework(math, { lessonId: await lesson(f.today), text: "№ 214, 215", dueDate: addDays(f.today, 2) });
    const rows = await outbox();
    expect(rows.map((r) => [r.kind, r.studentId, r.guardianId, r.eventKey])).toEqual([["HOMEWORK", f.A.s1, f.A.g1, `homework:${hw.id}`]]);
    expect(rows[0]?.body).toContain("№ 214, 215");
    expect(rows[0]?.url).toBe(`/diary?child=${f.A.s1}&week=${addDays(f.today, 2)}`);
  });

  it("homework for one student whose guardian withdrew sends nothing", async () => {
    const math = await f.as("a.math");
    await addHomework(math, { lessonId: await lesson(f.today), text: "Личное", dueDate: f.today, studentId: f.A.s2 });
    expect(await outbox()).toEqual([]);
  });

  it("a recommendation enqueues a RECOMMENDATION message", async () => {
    const math = await f.as("a.math");
    await addRecommendation(math, { studentId: f.A.s1, subjectId: f.A.math, text: "Повторить таблицу умножения" });
    const rows = await outbox();
    expect(rows.map((r) => [r.kind, r.guardianId])).toEqual([["RECOMMENDATION", f.A.g1]]);
    expect(rows[0]?.body).toContain("Повторить таблицу умножения");
  });
});

describe("changes to the day's lessons", () => {
  it("a substitution today enqueues SUBSTITUTION; one in a week sends nothing", async () => {
    const admin = await f.as("a.admin");
    await substituteTeacher(admin, { lessonId: await lesson(f.today, "PLANNED"), teacherId: f.A.deputyA, subjectId: undefined, room: undefined, reason: "Болезнь учителя" });
    const rows = await outbox();
    expect(rows.map((r) => [r.kind, r.guardianId])).toEqual([["SUBSTITUTION", f.A.g1]]);
    expect(rows[0]?.body).toContain("Завучева О. П.");
    await t.db.outboxMessage.deleteMany({ where: { schoolId: f.A.id } });
    await substituteTeacher(admin, { lessonId: await lesson(addDays(f.today, 7), "PLANNED"), teacherId: f.A.deputyA, subjectId: undefined, room: undefined, reason: "Курсы" });
    expect(await outbox()).toEqual([]);
  });

  it("a lesson cancelled or moved for tomorrow enqueues CANCELLED_LESSON", async () => {
    const admin = await f.as("a.admin");
    const tomorrow = addDays(f.today, 1);
    await cancelLesson(admin, { lessonId: await lesson(tomorrow, "PLANNED"), reason: "Актированный день" });
    const cancelled = await outbox();
    expect(cancelled.map((r) => [r.kind, r.guardianId])).toEqual([["CANCELLED_LESSON", f.A.g1]]);
    expect(cancelled[0]?.body).toContain("отменён");
    await t.db.outboxMessage.deleteMany({ where: { schoolId: f.A.id } });
    const moving = await lesson(tomorrow, "PLANNED");
    const lessonNumber = ((lessonNo + 1) % 13) || 12;
    await moveLesson(admin, { lessonId: moving, date: tomorrow, lessonNumber, reason: "Экскурсия" });
    const moved = await outbox();
    expect(moved.map((r) => [r.kind, r.eventKey])).toEqual([["CANCELLED_LESSON", `moved:${moving}`]]);
    expect(moved[0]?.body).toContain("перенесён");
  });
});

describe("the regular forecast", () => {
  it("goes on Monday after 08:00 once a week, with the subjects so far", async () => {
    const quarter = await t.db.period.create({
      data: {
        schoolId: f.A.id, yearId: f.A.yearId, kind: "QUARTER", number: 9, name: "Проверочная четверть",
        startDate: dayToDate(addDays(f.today, -40)), endDate: dayToDate(addDays(f.today, 60)),
      },
    });
    // the next Monday after today, within the period
    let monday = addDays(f.today, 1);
    while (dayToDate(monday).getUTCDay() !== 1) monday = addDays(monday, 1);
    const early = localToInstant(monday, 7 * 60, "Asia/Yekaterinburg");
    expect((await runForecastJob(t.db, early)).written).toBe(0);
    const at = localToInstant(monday, 9 * 60, "Asia/Yekaterinburg");
    const first = await runForecastJob(t.db, at);
    expect(first.written).toBeGreaterThan(0);
    const rows = await outbox({ kind: "FORECAST" });
    expect(rows.every((r) => r.guardianId === f.A.g1)).toBe(true);
    const forS1 = rows.find((r) => r.studentId === f.A.s1);
    expect(forS1?.eventKey).toMatch(new RegExp(`^forecast:${f.A.s1}:${quarter.id}:\\d{4}-W\\d{2}$`));
    expect(forS1?.body).toContain("Математика");
    expect((await runForecastJob(t.db, new Date(at.getTime() + 3600_000))).written).toBe(0);
    await t.db.period.delete({ where: { schoolId_id: { schoolId: f.A.id, id: quarter.id } } });
  });
});
