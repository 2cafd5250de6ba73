/**
 * The family's calendar feed on the demo school (issue 9, item 6): the demo parent makes
 * an address for a child, and the phone's calendar (read here with ical.js, through the
 * route itself) gets the child's lessons at the school's times, a substitution named
 * «Замена» with the substitute, a cancelled and a moved lesson as CANCELLED with their
 * reasons, the tests and the homework due. A revoked address, a withdrawn consent and an
 * ended guardianship all answer a bare 404; nobody makes an address for a child not theirs.
 *
 * The clock is fixed on a school Wednesday (2026-12-09, 12:00 in Yekaterinburg), so the
 * window (7 days back, 28 ahead) holds lessons whatever day the tests run.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ICAL from "ical.js";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { refusal } from "../support/refusal";
import { seedDemoSchool } from "../../prisma/seed/demo-school";
import { loadPrincipal } from "../../lib/auth/load-principal";
import type { Principal } from "../../lib/auth/principal";
import { createFeed, listMyFeeds, readFeed, revokeFeed } from "../../lib/calendar/feeds";
import { readDiaryWeek, type DiaryLesson } from "../../lib/diary/week";
import { listMyStudents } from "../../lib/people/students";
import { shortName } from "../../lib/people/names";
import { withdrawConsent } from "../../lib/consent/events";
import { cancelLesson, moveLesson, substituteTeacher } from "../../lib/timetable/substitutions";
import { addDays, dateToDay, dayToDate } from "../../lib/time";
import { GET } from "../../app/calendar/[token]/route";

const NOW = new Date("2026-12-09T12:00:00+05:00");
const TODAY = "2026-12-09";

let t: TestDb;
let parent: Principal;
let admin: Principal;
let child: { id: string; name: string };
let feedUrl: string;
let ids: { substituted: string; substitute: string; cancelled: string; moved: string; movedTo: string; homework: string; test: string };

async function as(login: string): Promise<Principal> {
  const u = await t.db.user.findUniqueOrThrow({ where: { login }, select: { id: true, sessionVersion: true } });
  const p = await loadPrincipal(u.id, u.sessionVersion);
  if (!p) throw new Error(`no principal for ${login}`);
  return p;
}

const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

async function fetchFeed(url: string): Promise<Response> {
  return GET(new Request(url), { params: Promise.resolve({ token: tokenOf(url) }) });
}

function events(text: string): ICAL.Event[] {
  const cal = ICAL.Component.fromString(text);
  return cal.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
}

function byUid(list: ICAL.Event[], uid: string): ICAL.Event {
  const e = list.find((x) => x.uid === uid);
  if (!e) throw new Error(`no event ${uid}`);
  return e;
}

/** «08:30» as a clock in Yekaterinburg shows the instant */
function schoolClock(at: Date): string {
  return new Intl.DateTimeFormat("ru-RU", { timeZone: "Asia/Yekaterinburg", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
}

/** A planned lesson of the child's week on a day ahead, without marks, other than the ones given. */
function plannedLesson(lessons: { day: string; lesson: DiaryLesson }[], except: string[]): { day: string; lesson: DiaryLesson } {
  const found = lessons.find((x) => x.day > TODAY && x.lesson.status === "PLANNED" && !x.lesson.substitution && !x.lesson.movedFrom && !except.includes(x.lesson.id));
  if (!found) throw new Error("no planned lesson ahead");
  return found;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  t = await createTestDb();
  bindAppDb(t.db);
  await seedDemoSchool(t.db, { today: NOW });
  parent = await as("parent");
  admin = await as("admin");
  const kids = await listMyStudents(parent);
  const first = kids[0];
  if (!first) throw new Error("the demo parent has no child");
  child = { id: first.id, name: first.name };

  // next week's lessons: one gets a substitute, one is cancelled, one is moved
  const week = await readDiaryWeek(parent, child.id, addDays(TODAY, 7));
  const ahead = week.days.flatMap((d) => d.lessons.map((lesson) => ({ day: d.day, lesson })));
  const sub = plannedLesson(ahead, []);
  const lessonRow = await t.db.lesson.findFirstOrThrow({ where: { id: sub.lesson.id }, select: { teacherId: true, date: true, lessonNumber: true } });
  const busy = await t.db.lesson.findMany({ where: { schoolId: admin.schoolId, date: lessonRow.date, lessonNumber: lessonRow.lessonNumber }, select: { teacherId: true } });
  const substitute = await t.db.staff.findFirstOrThrow({
    where: { schoolId: admin.schoolId, leftAt: null, roles: { has: "TEACHER" }, id: { notIn: [lessonRow.teacherId, ...busy.map((b) => b.teacherId)] } },
    select: { id: true, lastName: true, firstName: true, middleName: true },
  });
  await substituteTeacher(admin, { lessonId: sub.lesson.id, teacherId: substitute.id, subjectId: undefined, room: undefined, reason: "Болезнь учителя" });

  const cancel = plannedLesson(ahead, [sub.lesson.id]);
  await cancelLesson(admin, { lessonId: cancel.lesson.id, reason: "Карантин по гриппу" });

  // moved to a free lesson number later the same week
  const move = plannedLesson(ahead, [sub.lesson.id, cancel.lesson.id]);
  const targetDay = addDays(move.day, 1);
  const taken = new Set(ahead.filter((x) => x.day === targetDay).map((x) => x.lesson.lessonNumber));
  const number = [1, 2, 3, 4, 5, 6, 7, 8].find((n) => !taken.has(n)) ?? 8;
  const movedTo = await moveLesson(admin, { lessonId: move.lesson.id, date: targetDay, lessonNumber: number, reason: "Олимпиада" });

  const lessonSubject = await t.db.lesson.findFirstOrThrow({ where: { id: sub.lesson.id }, select: { cohortId: true, subjectId: true } });

  // homework due in the window: the demo's, or one made here
  const cohortIds = (await t.db.cohortMembership.findMany({ where: { studentId: child.id, endDate: null }, select: { cohortId: true } })).map((m) => m.cohortId);
  const due = await t.db.homework.findFirst({
    where: { schoolId: admin.schoolId, studentId: null, cohortId: { in: cohortIds }, dueDate: { gte: dayToDate(TODAY), lte: dayToDate(addDays(TODAY, 7)) } },
    select: { id: true },
  });
  const homework =
    due ??
    (await t.db.homework.create({
      data: { schoolId: admin.schoolId, cohortId: lessonSubject.cohortId, subjectId: lessonSubject.subjectId, text: "№ 12, 13", dueDate: dayToDate(addDays(TODAY, 2)), authorId: lessonRow.teacherId },
      select: { id: true },
    }));

  // a test ahead: the demo's, or one made here
  const planned = await t.db.assessmentEvent.findFirst({
    where: { schoolId: admin.schoolId, cohortId: { in: cohortIds }, date: { gte: dayToDate(TODAY), lte: dayToDate(addDays(TODAY, 28)) } },
    select: { id: true },
  });
  const workType = await t.db.workType.findFirstOrThrow({ where: { schoolId: admin.schoolId }, select: { id: true } });
  const test =
    planned ??
    (await t.db.assessmentEvent.create({
      data: { schoolId: admin.schoolId, cohortId: lessonSubject.cohortId, subjectId: lessonSubject.subjectId, workTypeId: workType.id, date: dayToDate(addDays(TODAY, 10)), title: "Контрольная работа по теме «Дроби»" },
      select: { id: true },
    }));

  ids = { substituted: sub.lesson.id, substitute: shortName(substitute), cancelled: cancel.lesson.id, moved: move.lesson.id, movedTo: movedTo.id, homework: homework.id, test: test.id };
  feedUrl = (await createFeed(parent, child.id)).url;
});
afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

describe("the address a guardian makes", () => {
  it("is an https address of the app with a long random token, listed with the child's name", async () => {
    expect(feedUrl).toMatch(/^http:\/\/localhost:3000\/calendar\/[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.calendarFeed.findFirstOrThrow({ where: { userId: parent.userId, revokedAt: null } });
    // only the hash is kept: the token itself is nowhere in the row
    expect(JSON.stringify(stored)).not.toContain(tokenOf(feedUrl));
    const list = await listMyFeeds(parent);
    expect(list.map((f) => f.studentName)).toEqual([child.name]);
  });
});

describe("the calendar a phone reads", () => {
  let text: string;
  let all: ICAL.Event[];
  beforeAll(async () => {
    const response = await fetchFeed(feedUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=0");
    expect(response.headers.get("content-disposition")).toBe('inline; filename="dnevnik.ics"');
    text = await response.text();
    all = events(text);
  });

  it("is named after the child", () => {
    const cal = ICAL.Component.fromString(text);
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe(`Дневник: ${child.name}`);
  });

  it("holds the child's lessons of this week and the weeks ahead at the school's bell times", async () => {
    for (const day of [TODAY, addDays(TODAY, 14)]) {
      const week = await readDiaryWeek(parent, child.id, day);
      const lessons = week.days.flatMap((d) => d.lessons.map((l) => ({ day: d.day, l })));
      expect(lessons.length).toBeGreaterThan(5);
      for (const { day: d, l } of lessons) {
        const e = byUid(all, `${l.id}@zhurnal`);
        expect(l.startsAt).not.toBeNull();
        const start = e.startDate.toJSDate();
        expect(start.toISOString()).toBe(new Date(`${d}T${l.startsAt}:00+05:00`).toISOString());
        expect(schoolClock(start)).toBe(l.startsAt);
        expect(schoolClock(e.endDate.toJSDate())).toBe(l.endsAt);
      }
    }
  });

  it("keeps to the window: nothing from more than a week ago or more than four weeks ahead", () => {
    const days = all.map((e) => dateToDay(new Date(e.startDate.toJSDate().getTime() + 5 * 3_600_000)));
    expect(days.every((d) => d >= addDays(TODAY, -7) && d <= addDays(TODAY, 28))).toBe(true);
    expect(days.some((d) => d < TODAY)).toBe(true);
  });

  it("marks a substitution «Замена» and names the substitute and the reason", () => {
    const e = byUid(all, `${ids.substituted}@zhurnal`);
    expect(e.summary).toMatch(/^Замена: /);
    expect(e.description).toContain(ids.substitute);
    expect(e.description).toContain("Причина: Болезнь учителя");
  });

  it("shows a cancelled lesson as CANCELLED with its reason", () => {
    const e = byUid(all, `${ids.cancelled}@zhurnal`);
    expect(e.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(e.summary).toMatch(/^Отменён: /);
    expect(e.description).toContain("Карантин по гриппу");
  });

  it("shows a moved lesson as CANCELLED where it was, and the lesson where it went", () => {
    const away = byUid(all, `${ids.moved}@zhurnal`);
    expect(away.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(away.description).toContain("Урок перенесён на");
    expect(away.description).toContain("Олимпиада");
    const here = byUid(all, `${ids.movedTo}@zhurnal`);
    expect(here.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(here.description).toContain("Урок перенесён сюда");
  });

  it("holds the homework due, as an all-day «Д/з» on its day", async () => {
    const hw = await t.db.homework.findUniqueOrThrow({ where: { schoolId_id: { schoolId: parent.schoolId, id: ids.homework } }, select: { dueDate: true, text: true, subject: { select: { name: true } } } });
    const e = byUid(all, `hw-${ids.homework}@zhurnal`);
    expect(e.summary).toBe(`Д/з: ${hw.subject.name}`);
    expect(e.startDate.isDate).toBe(true);
    expect(e.startDate.toString()).toBe(dateToDay(hw.dueDate));
    expect(e.description).toContain(hw.text);
  });

  it("holds the tests of the schedule as all-day events", async () => {
    const test = await t.db.assessmentEvent.findUniqueOrThrow({ where: { schoolId_id: { schoolId: parent.schoolId, id: ids.test } }, select: { date: true, subject: { select: { name: true } } } });
    const e = byUid(all, `test-${ids.test}@zhurnal`);
    expect(e.summary).toContain(test.subject.name);
    expect(e.startDate.toString()).toBe(dateToDay(test.date));
  });

  it("says nothing of marks or attendance", async () => {
    expect(text).not.toMatch(/Отметк|Пропуск/);
  });

  it("notes when a phone last read it, at most once an hour", async () => {
    const read = async () => (await t.db.calendarFeed.findFirstOrThrow({ where: { userId: parent.userId, revokedAt: null }, select: { lastReadAt: true } })).lastReadAt;
    expect(await read()).toEqual(NOW);
    vi.setSystemTime(new Date(NOW.getTime() + 10 * 60_000));
    expect(await readFeed(tokenOf(feedUrl))).not.toBeNull();
    expect(await read()).toEqual(NOW);
    const later = new Date(NOW.getTime() + 61 * 60_000);
    vi.setSystemTime(later);
    expect(await readFeed(tokenOf(feedUrl))).not.toBeNull();
    expect(await read()).toEqual(later);
    vi.setSystemTime(NOW);
  });
});

describe("who may have an address", () => {
  it("another guardian cannot make one for a child not theirs", async () => {
    const other = await as("parent2");
    expect((await refusal(createFeed(other, child.id))).code).toBe("NOT_FOUND");
  });

  it("a student makes one of themself, never of another child", async () => {
    const student = await as("student");
    const studentId = student.studentId ?? "";
    const own = await createFeed(student, studentId);
    expect(await readFeed(tokenOf(own.url))).toContain("BEGIN:VCALENDAR");
    const stranger = studentId === child.id ? (await as("parent2")).consentedChildIds[0] ?? "" : child.id;
    expect((await refusal(createFeed(student, stranger))).code).toBe("NOT_FOUND");
  });

  it("an unknown or malformed address is a bare 404", async () => {
    for (const token of ["A".repeat(43), "short", "../../etc"]) {
      const response = await GET(new Request(`http://localhost:3000/calendar/${token}`), { params: Promise.resolve({ token }) });
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("");
    }
  });
});

describe("an address stops working", () => {
  it("when it is turned off, and another user cannot turn it off", async () => {
    const [row] = await listMyFeeds(parent);
    if (!row) throw new Error("no feed");
    expect((await refusal(revokeFeed(await as("parent2"), row.id))).code).toBe("NOT_FOUND");
    await revokeFeed(parent, row.id);
    const response = await fetchFeed(feedUrl);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("");
    expect(await listMyFeeds(parent)).toEqual([]);
  });

  it("when a new address is made for the same child: the old one is turned off", async () => {
    const first = await createFeed(parent, child.id);
    const second = await createFeed(parent, child.id);
    expect((await fetchFeed(first.url)).status).toBe(404);
    expect((await fetchFeed(second.url)).status).toBe(200);
  });

  it("when the guardian withdraws the consent for the child", async () => {
    const feed = await createFeed(parent, child.id);
    expect((await fetchFeed(feed.url)).status).toBe(200);
    await withdrawConsent(parent, { studentId: child.id, ip: null, userAgent: null });
    const response = await fetchFeed(feed.url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("");
    // and with the consent gone, no new address either
    expect((await refusal(createFeed(await as("parent"), child.id))).code).toBe("NOT_FOUND");
  });

  it("when the guardianship ends", async () => {
    // the other demo mother, whose consent still stands
    const p = await as("parent2");
    const kid = p.consentedChildIds[0];
    if (!kid || !p.guardianId) throw new Error("no consented child left");
    const feed = await createFeed(p, kid);
    expect((await fetchFeed(feed.url)).status).toBe(200);
    await t.db.guardianship.updateMany({ where: { guardianId: p.guardianId, studentId: kid }, data: { endDate: dayToDate(addDays(TODAY, -1)) } });
    expect((await fetchFeed(feed.url)).status).toBe(404);
  });
});
