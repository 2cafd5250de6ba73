/**
 * The thematic plan on a real database (issue 4, item 3): who may save it, that a save
 * replaces it whole or not at all, and filling the lessons' topics from it: in date
 * order, a topic of N hours taking N lessons, cancelled and moved lessons taking none,
 * written topics and closed periods left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { fillTopicsFromPlan, getThematicPlan, saveThematicPlan } from "../../lib/journal/thematic-plan";
import { dayToDate } from "../../lib/time";
import { outcome, refusal } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let year: number;
/** 5А maths lessons by name; `today` is the fixture's own lesson (held, topic «Тема») */
const L: Record<string, string> = {};

const PLAN = "1. Первая тема (2 ч)\n2. Вторая тема\n3. Контрольная работа № 1\n4. Четвёртая тема (3 ч)";

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  year = Number(f.today.slice(0, 4)) - (Number(f.today.slice(5, 7)) < 9 ? 1 : 0);
  const day = (md: string) => dayToDate(`${year}-${md}`);
  L["today"] = (await t.db.lesson.findFirstOrThrow({ where: { schoolId: f.A.id, cohortId: f.A.c5, subjectId: f.A.math }, select: { id: true } })).id;
  const lesson = async (name: string, md: string, status: "HELD" | "PLANNED" | "CANCELLED" | "MOVED", topic: string | null = null) => {
    const l = await t.db.lesson.create({
      data: { schoolId: f.A.id, cohortId: f.A.c5, subjectId: f.A.math, teacherId: f.A.mathT, date: day(md), lessonNumber: 2, status, topic },
    });
    L[name] = l.id;
  };
  // the first quarter's first three days are a closed period
  await t.db.period.create({
    data: {
      schoolId: f.A.id, yearId: f.A.yearId, kind: "QUARTER", number: 1, name: "1 четверть", startDate: day("09-01"), endDate: day("09-03"),
      gradeFrom: 1, gradeTo: 11, closedAt: new Date(),
    },
  });
  await lesson("closedEmpty", "09-01", "HELD");
  await lesson("closedWritten", "09-02", "HELD", "Своя тема");
  await lesson("empty", "09-08", "HELD");
  await lesson("cancelled", "09-09", "CANCELLED");
  await lesson("written", "09-10", "HELD", "Уже записано");
  await lesson("moved", "09-11", "MOVED");
  await lesson("planned", "09-15", "PLANNED");
  // another subject's lesson is never touched
  await t.db.lesson.create({
    data: { schoolId: f.A.id, cohortId: f.A.c5, subjectId: f.A.rus, teacherId: f.A.rusT, date: day("09-08"), lessonNumber: 3, status: "HELD" },
  });
});
afterAll(async () => {
  await t.close();
});

const lessonOf = (name: string) => t.db.lesson.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: L[name] ?? "" } }, select: { topic: true, lessonType: true } });
const planRows = () => t.db.thematicTopic.findMany({ where: { schoolId: f.A.id, cohortId: f.A.c5, subjectId: f.A.math }, orderBy: { position: "asc" } });

describe("saving the plan", () => {
  it("the teacher of the subject saves it and sees it with the year's lessons counted", async () => {
    const math = await f.as("a.math");
    expect(await saveThematicPlan(math, f.A.c5, f.A.math, PLAN)).toEqual({ topics: 4, hours: 7 });
    const plan = await getThematicPlan(math, f.A.c5, f.A.math);
    expect(plan.topics.map((x) => [x.position, x.topic, x.hours, x.lessonType])).toEqual([
      [1, "Первая тема", 2, "LESSON"], [2, "Вторая тема", 1, "LESSON"], [3, "Контрольная работа № 1", 1, "TEST"], [4, "Четвёртая тема", 3, "LESSON"],
    ]);
    // held and planned: not the cancelled and moved ones, not another subject's
    expect(plan).toMatchObject({ totalHours: 7, lessonsInYear: 6, editRefusal: null, fillRefusal: null, cohort: { name: "5А" }, subject: { name: "Математика" } });
  });

  it("a new save replaces the whole plan; a plan with a mistake changes nothing and names the line", async () => {
    const math = await f.as("a.math");
    await saveThematicPlan(math, f.A.c5, f.A.math, "Только одна (2 ч)\nИ вторая");
    expect((await planRows()).map((r) => [r.position, r.topic])).toEqual([[1, "Только одна"], [2, "И вторая"]]);
    const e = await refusal(saveThematicPlan(math, f.A.c5, f.A.math, "1. Хорошая\n2. (3 ч)\n3. Огромная (99 ч)"));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.fieldErrors?.plan).toEqual(["Строка 2: нет названия темы.", expect.stringMatching(/^Строка 3: 99 ч/)]);
    expect((await refusal(saveThematicPlan(math, f.A.c5, f.A.math, "\n  \n"))).fieldErrors?.plan?.[0]).toMatch(/Вставьте план/);
    expect((await planRows()).map((r) => r.topic)).toEqual(["Только одна", "И вторая"]);
    await saveThematicPlan(math, f.A.c5, f.A.math, PLAN);
  });

  it("another teacher cannot edit the plan, nor see another subject's", async () => {
    const rus = await f.as("a.rus");
    expect((await refusal(saveThematicPlan(rus, f.A.c5, f.A.math, "Чужой план"))).code).toBe("NOT_FOUND");
    expect((await refusal(getThematicPlan(rus, f.A.c5, f.A.math))).code).toBe("NOT_FOUND");
    expect((await refusal(fillTopicsFromPlan(rus, f.A.c5, f.A.math, { overwrite: true }))).code).toBe("NOT_FOUND");
    expect((await refusal(saveThematicPlan(await f.as("b.teacher"), f.A.c5, f.A.math, "Чужой план"))).code).toBe("NOT_FOUND");
    expect((await refusal(saveThematicPlan(await f.as("b.admin"), f.A.c5, f.A.math, "Чужой план"))).code).toBe("NOT_FOUND");
    expect((await refusal(getThematicPlan(await f.as("a.g1"), f.A.c5, f.A.math))).code).toBe("FORBIDDEN");
    // the class teacher of 5А reads the Russian plan but does not write it
    const math = await f.as("a.math");
    expect((await getThematicPlan(math, f.A.c5, f.A.rus)).editRefusal).toMatch(/учитель, который ведёт этот предмет/);
    expect((await refusal(saveThematicPlan(math, f.A.c5, f.A.rus, "Тема"))).code).toBe("FORBIDDEN");
    expect(await planRows()).toHaveLength(4);
  });

  it("the administration edits the plan but leaves the lessons' topics to the teacher", async () => {
    const admin = await f.as("a.admin");
    expect(await outcome(saveThematicPlan(admin, f.A.c5, f.A.rus, "1. Звуки и буквы (2 ч)"))).toBe("OK");
    const view = await getThematicPlan(admin, f.A.c5, f.A.rus);
    expect(view.editRefusal).toBeNull();
    expect(view.fillRefusal).toMatch(/учитель/);
    expect((await refusal(fillTopicsFromPlan(admin, f.A.c5, f.A.rus, { overwrite: false }))).code).toBe("FORBIDDEN");
    expect(await outcome(saveThematicPlan(await f.as("a.deputy"), f.A.c5, f.A.rus, "1. Звуки и буквы (3 ч)"))).toBe("OK");
  });
});

describe("filling the lessons' topics", () => {
  it("fills only lessons with no topic, skips closed periods, cancelled and moved lessons, and counts what did not fit", async () => {
    const math = await f.as("a.math");
    // hours over the lessons that take place, in date order:
    // closedEmpty, closedWritten ← Первая ×2; empty ← Вторая; written ← КР; planned, today ← Четвёртая ×2; 1 hour left over
    const r = await fillTopicsFromPlan(math, f.A.c5, f.A.math, { overwrite: false });
    expect(r).toEqual({ filled: 2, keptTopic: 2, closed: 2, notFitted: 1 });
    expect(await lessonOf("empty")).toEqual({ topic: "Вторая тема", lessonType: "LESSON" });
    expect(await lessonOf("planned")).toEqual({ topic: "Четвёртая тема", lessonType: "LESSON" });
    expect((await lessonOf("written")).topic).toBe("Уже записано");
    expect((await lessonOf("today")).topic).toBe("Тема");
    expect((await lessonOf("closedEmpty")).topic).toBeNull();
    expect((await lessonOf("closedWritten")).topic).toBe("Своя тема");
    expect((await lessonOf("cancelled")).topic).toBeNull();
    expect((await lessonOf("moved")).topic).toBeNull();
    expect(await t.db.lesson.count({ where: { schoolId: f.A.id, subjectId: f.A.rus, topic: { not: null }, date: dayToDate(`${year}-09-08`) } })).toBe(0);
  });

  it("with «overwrite» replaces written topics and sets the plan's lesson type, still not in closed periods", async () => {
    const math = await f.as("a.math");
    const r = await fillTopicsFromPlan(math, f.A.c5, f.A.math, { overwrite: true });
    expect(r).toEqual({ filled: 4, keptTopic: 0, closed: 2, notFitted: 1 });
    expect(await lessonOf("written")).toEqual({ topic: "Контрольная работа № 1", lessonType: "TEST" });
    expect((await lessonOf("today")).topic).toBe("Четвёртая тема");
    expect((await lessonOf("closedWritten")).topic).toBe("Своя тема");
  });

  it("starts from a chosen day, and refuses a day outside the school year", async () => {
    const math = await f.as("a.math");
    await t.db.lesson.update({ where: { schoolId_id: { schoolId: f.A.id, id: L["planned"] ?? "" } }, data: { topic: null } });
    // from 10 September: written ← Первая, planned ← Первая, today ← Вторая
    const r = await fillTopicsFromPlan(math, f.A.c5, f.A.math, { overwrite: false, from: `10.09.${year}` });
    expect(r).toEqual({ filled: 1, keptTopic: 2, closed: 0, notFitted: 2 });
    expect((await lessonOf("planned")).topic).toBe("Первая тема");
    const e = await refusal(fillTopicsFromPlan(math, f.A.c5, f.A.math, { overwrite: false, from: `01.09.${year - 1}` }));
    expect(e.fieldErrors?.from?.[0]).toMatch(/в учебном году/);
    expect((await refusal(fillTopicsFromPlan(math, f.A.c5, f.A.math, { overwrite: false, from: "31.02.2026" }))).fieldErrors?.from?.[0]).toMatch(/такой даты нет/);
  });

  it("says there is no plan yet rather than filling nothing", async () => {
    const math = await f.as("a.math");
    const e = await refusal(fillTopicsFromPlan(math, f.A.c6, f.A.math, { overwrite: false }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/Плана ещё нет/);
  });
});
