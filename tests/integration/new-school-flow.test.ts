/**
 * A brand-new installation, from an empty database to a running timetable, through the
 * app's own domain functions only: the ones the set-up page and the admin screens call,
 * with their input parsed by the same form schemas. Nothing is written to the database by
 * hand; the database is read only to check what the functions did.
 *
 * The people come from CSV files in tests/fixtures/new-school, whose headers are checked
 * against the app's own import templates. `{{YEAR_START}}` in them stands for 1 September
 * of the school year running today, so the test keeps working in later years.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import type { Principal } from "../../lib/auth/principal";
import { setupSchema } from "../../lib/auth/schemas";
import { loadPrincipal } from "../../lib/auth/load-principal";
import { redeemLoginTicket } from "../../lib/auth/login-ticket";
import { attemptLogin } from "../../lib/auth/login";
import { authSecret } from "../../lib/auth/secret";
import { createFirstSchool, DEFAULT_WORK_TYPES, isSetUp } from "../../lib/school/setup";
import { createYear, getYearCalendar, listYears, type PeriodRow } from "../../lib/school/years";
import { applyPeriodPreset } from "../../lib/school/periods";
import { addHoliday } from "../../lib/school/holidays";
import { createBellSchedule, saveBellSlot } from "../../lib/school/bells";
import {
  addHolidaySchema, createBellScheduleSchema, createYearSchema, periodPresetSchema, saveBellSlotSchema,
} from "../../lib/school/schemas";
import { getSchoolOverview } from "../../lib/school/overview";
import type { ImportKindName } from "../../lib/imports/columns";
import { buildTemplate } from "../../lib/imports/export";
import { importFile, listImportRuns, type ImportReport } from "../../lib/imports/run-import";
import { createStaffLogin } from "../../lib/people/staff-logins";
import { createSubject, listSubjects } from "../../lib/curriculum/subjects";
import { addCurriculumItem, getCohortCurriculum } from "../../lib/curriculum/curriculum";
import { listTeachers, listYearCohorts } from "../../lib/curriculum/calendar";
import { curriculumItemSchema, subjectSchema } from "../../lib/curriculum/schemas";
import { addTimetableSlot, listTimetable } from "../../lib/timetable/slots";
import { createLessonsForPeriod } from "../../lib/timetable/lessons";
import { generateSchema, slotSchema } from "../../lib/timetable/schemas";
import { getTeacherDay } from "../../lib/journal/teacher-day";
import { dateToDay, dayToDate, schoolToday } from "../../lib/time";
import { refusal } from "../support/refusal";

const TZ = "Asia/Yekaterinburg";
const FIXTURES = join(process.cwd(), "tests", "fixtures", "new-school");

const SETUP_FORM = {
  schoolName: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7»",
  shortName: "МБОУ СОШ № 7",
  address: "628011, г. Ханты-Мансийск, ул. Школьная, д. 7",
  region: "Ханты-Мансийский автономный округ — Югра",
  timeZone: TZ,
  lastName: "Директорова",
  firstName: "Анна",
  middleName: "Ивановна",
  position: "директор",
  login: "  Director.SOSH7 ",
  password: "очень-длинный-пароль-42",
  password2: "очень-длинный-пароль-42",
};

const CLASSES = ["5А", "7Б"] as const;
type ClassName = (typeof CLASSES)[number];
const GRADE: Record<ClassName, number> = { "5А": 5, "7Б": 7 };

/**
 * Lessons a week by weekday (1 = Monday) and class: timetable.csv, plus the one slot
 * added on the timetable screen (7Б, Monday, 3rd lesson).
 */
const WEEK: Record<number, Record<ClassName, number>> = {
  1: { "5А": 3, "7Б": 3 },
  2: { "5А": 2, "7Б": 3 },
  3: { "5А": 3, "7Б": 2 },
  4: { "5А": 2, "7Б": 3 },
  5: { "5А": 3, "7Б": 2 },
};

let t: TestDb;
let admin: Principal;
let today: string;
let startYear: number;
let yearStart: string;
let yearId: string;
let quarter: PeriodRow;
/** a holiday of every grade and a non-working day of grade 5 only, both inside `quarter` */
let holidayAll: string;
let holidayGrade5: string;
let cohortId: Record<ClassName, string>;
let staffId: Map<string, string>;
let subjectId: Map<string, string>;
let expectedLessons: number;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  today = schoolToday(TZ);
  startYear = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 9 ? 1 : 0);
  yearStart = `${startYear}-09-01`;
});
afterAll(async () => {
  await t.close();
});

// ───────────────────────────── helpers ─────────────────────────────

function addDays(day: string, n: number): string {
  const d = dayToDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dateToDay(d);
}

/** 1 = Monday … 7 = Sunday */
function isoWeekday(day: string): number {
  const w = dayToDate(day).getUTCDay();
  return w === 0 ? 7 : w;
}

function firstWeekdayFrom(day: string, weekday: number): string {
  let d = day;
  while (isoWeekday(d) !== weekday) d = addDays(d, 1);
  return d;
}

function ru(day: string): string {
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}

/** What the timetable should yield for one class on one day, holidays taken off. */
function lessonsOn(day: string, cls: ClassName): number {
  if (day === holidayAll) return 0;
  if (day === holidayGrade5 && GRADE[cls] === 5) return 0;
  return WEEK[isoWeekday(day)]?.[cls] ?? 0;
}

function lessonsInRange(from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) for (const c of CLASSES) n += lessonsOn(d, c);
  return n;
}

async function fixture(name: string): Promise<string> {
  const text = await readFile(join(FIXTURES, name), "utf8");
  return text.replaceAll("{{YEAR_START}}", ru(yearStart));
}

async function templateHeaders(kind: ImportKindName): Promise<string[]> {
  const file = await buildTemplate(admin, kind, "csv");
  // TextDecoder drops the byte order mark the template starts with
  const [head = ""] = new TextDecoder().decode(file.body).split("\r\n");
  return head.split(";");
}

async function importFixture(kind: ImportKindName, name: string): Promise<ImportReport> {
  const text = await fixture(name);
  const [head = ""] = text.split(/\r?\n/);
  // the file is the app's own template, filled in
  expect(head.split(";")).toEqual(await templateHeaders(kind));
  return importFile(admin, { kind, fileName: name, bytes: new TextEncoder().encode(text) });
}

function dataRows(text: string): number {
  return text.split(/\r?\n/).filter((l) => l.trim() !== "").length - 1;
}

async function expectAppliedTwice(kind: ImportKindName, name: string, counts: ImportReport["counts"]): Promise<void> {
  const first = await importFixture(kind, name);
  expect(first.errors).toEqual([]);
  expect(first.status).toBe("APPLIED");
  expect(first.counts).toEqual(counts);
  const again = await importFixture(kind, name);
  expect(again.errors).toEqual([]);
  expect(again.status).toBe("APPLIED");
  expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: dataRows(await fixture(name)) });
  expect(again.rows.every((r) => r.result === "unchanged")).toBe(true);
}

async function principalOf(login: string): Promise<Principal> {
  const u = await t.db.user.findUniqueOrThrow({ where: { login }, select: { id: true, sessionVersion: true } });
  const p = await loadPrincipal(u.id, u.sessionVersion);
  if (!p) throw new Error(`no principal for ${login}`);
  return p;
}

async function schoolCounts() {
  const [schools, users, staff, workTypes, policies] = await Promise.all([
    t.db.school.count(), t.db.user.count(), t.db.staff.count(), t.db.workType.count(), t.db.gradingPolicy.count(),
  ]);
  return { schools, users, staff, workTypes, policies };
}

// ───────────────────────────── the flow ─────────────────────────────

describe("a new school, from an empty database to a running timetable", () => {
  it("1. the first run creates the school, the director's account, work types and grading rules; a second run is refused", async () => {
    expect(await isSetUp()).toBe(false);
    const input = setupSchema.parse(SETUP_FORM);
    expect(input.login).toBe("director.sosh7");
    const { schoolId, ticket } = await createFirstSchool(input);
    expect(await isSetUp()).toBe(true);

    const school = await t.db.school.findUniqueOrThrow({ where: { id: schoolId } });
    expect(school).toMatchObject({ name: SETUP_FORM.schoolName, shortName: "МБОУ СОШ № 7", timeZone: TZ });
    const types = await t.db.workType.findMany({ where: { schoolId }, orderBy: { code: "asc" }, select: { code: true, name: true, isAssessment: true } });
    expect(types.map((w) => w.code)).toEqual(DEFAULT_WORK_TYPES.map((w) => w.code).sort());
    expect(await t.db.gradingPolicy.count({ where: { schoolId } })).toBe(1);
    expect(await schoolCounts()).toEqual({ schools: 1, users: 1, staff: 1, workTypes: DEFAULT_WORK_TYPES.length, policies: 1 });

    // the set-up page signs the director in with this ticket
    const signedIn = redeemLoginTicket(authSecret(), ticket);
    admin = await principalOf("director.sosh7");
    const account = await t.db.user.findUniqueOrThrow({ where: { id: admin.userId }, select: { sessionVersion: true, kind: true } });
    expect(signedIn).toEqual({ userId: admin.userId, sessionVersion: account.sessionVersion });
    expect(account.kind).toBe("ADMIN");
    expect(admin).toMatchObject({ schoolId, roles: ["ADMIN"], displayName: "Директорова Анна Ивановна", timeZone: TZ });
    expect(admin.staffId).not.toBeNull();

    const again = await refusal(createFirstSchool(setupSchema.parse({ ...SETUP_FORM, login: "intruder", schoolName: "Другая школа" })));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe("Школа уже настроена. Войдите с логином администратора.");
    expect(await schoolCounts()).toEqual({ schools: 1, users: 1, staff: 1, workTypes: DEFAULT_WORK_TYPES.length, policies: 1 });
    expect(await t.db.user.count({ where: { login: "intruder" } })).toBe(0);
  });

  it("2. the calendar: the current school year, quarters for grades 1–9, holidays and bells", async () => {
    const y = await createYear(admin, createYearSchema.parse({
      name: `${startYear}/${startYear + 1}`, startDate: ru(yearStart), endDate: `31.08.${startYear + 1}`, copyFrom: "",
    }));
    yearId = y.id;
    expect(y.copied).toBeNull();
    const years = await listYears(admin);
    expect(years).toEqual([{ id: yearId, name: `${startYear}/${startYear + 1}`, startDate: yearStart, endDate: `${startYear + 1}-08-31`, closed: false, current: true }]);

    expect(await applyPeriodPreset(admin, periodPresetSchema.parse({ yearId, presetKind: "QUARTER", presetGradeFrom: "1", presetGradeTo: "9" }))).toEqual({ created: 4 });
    const quarters = (await getYearCalendar(admin, yearId)).periods.filter((p) => p.kind === "QUARTER");
    expect(quarters.map((q) => [q.number, q.name, q.gradeFrom, q.gradeTo])).toEqual([
      [1, "1 четверть", 1, 9], [2, "2 четверть", 1, 9], [3, "3 четверть", 1, 9], [4, "4 четверть", 1, 9],
    ]);
    // the quarter running today; in the summer, the last one
    const running = quarters.find((q) => q.startDate <= today && today <= q.endDate) ?? [...quarters].reverse().find((q) => q.startDate <= today);
    if (!running) throw new Error("no quarter has started");
    quarter = running;

    holidayAll = firstWeekdayFrom(addDays(quarter.startDate, 7), 3);
    holidayGrade5 = addDays(holidayAll, 1);
    expect(holidayGrade5 <= quarter.endDate).toBe(true);
    await addHoliday(admin, addHolidaySchema.parse({
      yearId, holidayKind: "HOLIDAY", holidayName: "Дополнительные каникулы", holidayStart: ru(holidayAll), holidayEnd: "", holidayGradeFrom: "1", holidayGradeTo: "11",
    }));
    await addHoliday(admin, addHolidaySchema.parse({
      yearId, holidayKind: "NON_WORKING_DAY", holidayName: "День здоровья пятых классов", holidayStart: ru(holidayGrade5), holidayEnd: ru(holidayGrade5), holidayGradeFrom: "5", holidayGradeTo: "5",
    }));

    const bells = await createBellSchedule(admin, createBellScheduleSchema.parse({ yearId, scheduleName: "Основное расписание звонков", validFrom: ru(yearStart), validTo: "" }));
    const times = [["1", "08:30", "09:10"], ["2", "09:20", "10:00"], ["3", "10:20", "11:00"]] as const;
    for (const [lessonNumber, startsAt, endsAt] of times) {
      await saveBellSlot(admin, saveBellSlotSchema.parse({ scheduleId: bells.id, lessonNumber, startsAt, endsAt }));
    }
    // a lesson overlapping the third one is refused and changes nothing
    const overlap = await refusal(saveBellSlot(admin, saveBellSlotSchema.parse({ scheduleId: bells.id, lessonNumber: "4", startsAt: "10:50", endsAt: "11:30" })));
    expect(overlap.code).toBe("BAD_INPUT");

    const cal = await getYearCalendar(admin, yearId);
    expect(cal.year.current).toBe(true);
    expect(cal.holidays.map((h) => [h.kind, h.startDate, h.endDate, h.gradeFrom, h.gradeTo])).toEqual([
      ["HOLIDAY", holidayAll, holidayAll, 1, 11],
      ["NON_WORKING_DAY", holidayGrade5, holidayGrade5, 5, 5],
    ]);
    expect(cal.bellSchedules).toHaveLength(1);
    expect(cal.bellSchedules[0]?.slots.map((s) => `${s.number} ${s.startsAt}–${s.endsAt}`)).toEqual(["1 08:30–09:10", "2 09:20–10:00", "3 10:20–11:00"]);
  });

  it("3. people come in through the import, in files made from the app's templates; a second import changes nothing", async () => {
    await expectAppliedTwice("STAFF", "staff.csv", { created: 4, updated: 0, unchanged: 0 });
    await expectAppliedTwice("COHORTS", "cohorts.csv", { created: 2, updated: 0, unchanged: 0 });
    await expectAppliedTwice("STUDENTS", "students.csv", { created: 6, updated: 0, unchanged: 0 });
    // the mother of two children is one person: her second row adds the second child to her
    await expectAppliedTwice("GUARDIANS", "guardians.csv", { created: 5, updated: 1, unchanged: 0 });

    const teachers = await listTeachers(admin);
    staffId = new Map(teachers.map((s) => [s.name, s.id]));
    expect([...staffId.keys()].sort()).toEqual([
      "Завучева Ольга Петровна", "Кругозоров Андрей Викторович", "Словарёва Елена Олеговна", "Числова Мария Сергеевна",
    ]);
    const deputy = await t.db.staff.findFirstOrThrow({ where: { schoolId: admin.schoolId, personnelNumber: "0004" }, select: { roles: true, lastName: true } });
    expect(deputy).toEqual({ roles: ["ADMIN", "TEACHER"], lastName: "Завучева" });

    const cohorts = await listYearCohorts(admin);
    expect(cohorts.map((c) => [c.name, c.grade, c.kind])).toEqual([["5А", 5, "CLASS"], ["7Б", 7, "CLASS"]]);
    const id = (name: ClassName) => cohorts.find((c) => c.name === name)?.id ?? "";
    cohortId = { "5А": id("5А"), "7Б": id("7Б") };
    const leaders = await t.db.cohort.findMany({ where: { schoolId: admin.schoolId }, orderBy: { name: "asc" }, select: { name: true, classTeacherId: true } });
    expect(leaders).toEqual([
      { name: "5А", classTeacherId: staffId.get("Числова Мария Сергеевна") },
      { name: "7Б", classTeacherId: staffId.get("Словарёва Елена Олеговна") },
    ]);
    for (const cls of CLASSES) {
      const members = await t.db.cohortMembership.findMany({ where: { cohortId: cohortId[cls] }, select: { startDate: true, endDate: true } });
      expect(members.map((m) => [dateToDay(m.startDate), m.endDate])).toEqual([[yearStart, null], [yearStart, null], [yearStart, null]]);
    }

    const ivanova = await t.db.guardian.findFirstOrThrow({
      where: { schoolId: admin.schoolId, lastName: "Иванова", firstName: "Светлана" },
      select: { guardianships: { select: { relation: true } }, contacts: { where: { removedAt: null }, select: { channel: true, value: true, source: true, applicationNumber: true, enteredById: true } } },
    });
    expect(ivanova.guardianships).toEqual([{ relation: "MOTHER" }, { relation: "MOTHER" }]);
    expect([...ivanova.contacts].sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
      { channel: "SMS", value: "+79123456789", source: "WRITTEN_APPLICATION", applicationNumber: "15", enteredById: admin.staffId },
      { channel: "EMAIL", value: "ivanova@example.ru", source: "WRITTEN_APPLICATION", applicationNumber: "15", enteredById: admin.staffId },
    ].sort((a, b) => a.channel.localeCompare(b.channel)));
    expect(await t.db.guardianship.count()).toBe(6);
    expect(await t.db.contact.count({ where: { removedAt: null } })).toBe(7);

    const runs = await listImportRuns(admin);
    expect(runs).toHaveLength(8);
    expect(runs.every((r) => r.status === "APPLIED" && r.errorCount === 0 && r.actor === "Директорова Анна Ивановна")).toBe(true);
  });

  it("4. subjects and each class's curriculum", async () => {
    subjectId = new Map();
    for (const [name, shortName] of [["Математика", "Мат."], ["Русский язык", "Рус. яз."], ["История", "Ист."]] as const) {
      const s = await createSubject(admin, subjectSchema.parse({ name, shortName, kind: "SUBJECT" }));
      subjectId.set(name, s.id);
    }
    const twice = await refusal(createSubject(admin, subjectSchema.parse({ name: "математика", shortName: "М", kind: "SUBJECT" })));
    expect(twice.code).toBe("BAD_INPUT");

    const plan: [string, string, string][] = [["Математика", "5", "Числова Мария Сергеевна"], ["Русский язык", "5", "Словарёва Елена Олеговна"], ["История", "2", "Кругозоров Андрей Викторович"]];
    for (const cls of CLASSES) {
      for (const [subject, hoursPerWeek, teacher] of plan) {
        await addCurriculumItem(admin, curriculumItemSchema.parse({
          cohortId: cohortId[cls], subjectId: subjectId.get(subject), hoursPerWeek, scale: "FIVE_POINT",
          teacherId: staffId.get(teacher), teacher2Id: "", validFrom: yearStart, validTo: "",
        }));
      }
      const c = await getCohortCurriculum(admin, cohortId[cls]);
      expect(c.lines.map((l) => [l.subject, l.hoursPerWeek, l.teacherIds])).toEqual(
        expect.arrayContaining(plan.map(([s, h, teacher]) => [s, h, [staffId.get(teacher)]])),
      );
      expect(c.lines).toHaveLength(3);
    }
    expect((await listSubjects(admin)).map((s) => [s.name, s.lines])).toEqual(
      expect.arrayContaining([["Математика", 2], ["Русский язык", 2], ["История", 2]]),
    );
  });

  it("5. the timetable: imported from the template, then a clash on the timetable screen is refused and writes nothing", async () => {
    await expectAppliedTwice("TIMETABLE", "timetable.csv", { created: 25, updated: 0, unchanged: 0 });

    const slot = (teacher: string, room: string) => slotSchema.parse({
      cohortId: cohortId["7Б"], weekday: "1", lessonNumber: "3", subjectId: subjectId.get("История"), teacherId: staffId.get(teacher),
      room, validFrom: yearStart, validTo: "",
    });
    const before = await t.db.timetableSlot.count();
    // Кругозоров already teaches 5А on Monday, 3rd lesson
    const clash = await refusal(addTimetableSlot(admin, slot("Кругозоров Андрей Викторович", "204")));
    expect(clash.code).toBe("BAD_INPUT");
    expect(clash.message).toContain("накладка");
    expect(clash.message).toContain("Кругозоров А. В.");
    expect(clash.message).toContain("5А");
    expect(clash.fieldErrors?.teacherId?.[0]).toContain("Кругозоров А. В.");
    expect(await t.db.timetableSlot.count()).toBe(before);

    // the deputy is free then
    await addTimetableSlot(admin, slot("Завучева Ольга Петровна", "204"));
    expect(await t.db.timetableSlot.count()).toBe(before + 1);

    for (const cls of CLASSES) {
      const rows = await listTimetable(admin, { cohortId: cohortId[cls] });
      const perDay = new Map<number, number>();
      for (const r of rows) perDay.set(r.weekday, (perDay.get(r.weekday) ?? 0) + 1);
      expect(Object.fromEntries(perDay)).toEqual(Object.fromEntries([1, 2, 3, 4, 5].map((w) => [w, WEEK[w]?.[cls]])));
    }
    // no teacher is in two places at once
    const all = await t.db.timetableSlot.findMany({ select: { teacherId: true, weekday: true, lessonNumber: true } });
    expect(new Set(all.map((s) => `${s.teacherId}|${s.weekday}|${s.lessonNumber}`)).size).toBe(all.length);
  });

  it("6. lessons for the quarter: every slot on every school day except the holidays; a second run creates nothing", async () => {
    expectedLessons = lessonsInRange(quarter.startDate, quarter.endDate);
    expect(expectedLessons).toBeGreaterThan(100);
    const input = generateSchema.parse({ from: quarter.startDate, to: quarter.endDate, cohortId: "" });
    const first = await createLessonsForPeriod(admin, input);
    expect(first).toEqual({ created: expectedLessons, updated: 0, removed: 0, unchanged: 0, keptWithWork: [] });

    const lessons = await t.db.lesson.findMany({
      where: { schoolId: admin.schoolId },
      select: { date: true, cohortId: true, lessonNumber: true, timetableSlotId: true, teacherId: true },
    });
    expect(lessons).toHaveLength(expectedLessons);
    expect(lessons.every((l) => l.timetableSlotId !== null)).toBe(true);
    const byDayClass = new Map<string, number>();
    for (const l of lessons) {
      const key = `${dateToDay(l.date)}|${l.cohortId}`;
      byDayClass.set(key, (byDayClass.get(key) ?? 0) + 1);
    }
    for (let d = quarter.startDate; d <= quarter.endDate; d = addDays(d, 1)) {
      for (const cls of CLASSES) expect([d, cls, byDayClass.get(`${d}|${cohortId[cls]}`) ?? 0]).toEqual([d, cls, lessonsOn(d, cls)]);
    }
    expect(lessons.some((l) => dateToDay(l.date) === holidayAll)).toBe(false);
    expect(lessons.filter((l) => dateToDay(l.date) === holidayGrade5).every((l) => l.cohortId === cohortId["7Б"])).toBe(true);
    expect(lessons.every((l) => l.date >= dayToDate(quarter.startDate) && l.date <= dayToDate(quarter.endDate))).toBe(true);
    expect(new Set(lessons.map((l) => `${dateToDay(l.date)}|${l.teacherId}|${l.lessonNumber}`)).size).toBe(lessons.length);

    const second = await createLessonsForPeriod(admin, input);
    expect(second).toEqual({ created: 0, updated: 0, removed: 0, unchanged: expectedLessons, keptWithWork: [] });
    expect(await t.db.lesson.count()).toBe(expectedLessons);
  });

  it("7. the class teacher signs in and sees her lessons; the director's overview counts the school", async () => {
    const chislova = staffId.get("Числова Мария Сергеевна") ?? "";
    const issued = await createStaffLogin(admin, { staffId: chislova, login: "chislova.ms" });
    const signed = await attemptLogin({ login: "Chislova.MS", password: issued.password, ip: "203.0.113.7" });
    const session = redeemLoginTicket(authSecret(), signed.ticket);
    if (!session) throw new Error("the login ticket did not redeem");
    const teacher = await loadPrincipal(session.userId, session.sessionVersion);
    if (!teacher) throw new Error("no principal for the class teacher");
    expect(teacher).toMatchObject({ roles: ["TEACHER"], staffId: chislova, displayName: "Числова Мария Сергеевна" });

    const monday = firstWeekdayFrom(quarter.startDate, 1);
    expect(monday <= quarter.endDate).toBe(true);
    const day = await getTeacherDay(teacher, monday);
    expect(day.lessons.map((l) => [l.lessonNumber, l.cohortName, l.subjectName, l.room])).toEqual([
      [1, "5А", "Математика", "201"],
      [2, "7Б", "Математика", "201"],
    ]);
    expect(day.classes.map((c) => [c.name, c.studentCount])).toEqual([["5А", 3]]);
    expect((await getTeacherDay(teacher, holidayAll)).lessons).toEqual([]);
    // 5А rests on its own non-working day; 7Б has maths as usual
    expect((await getTeacherDay(teacher, holidayGrade5)).lessons.map((l) => [l.lessonNumber, l.cohortName])).toEqual([[1, "7Б"]]);

    const overview = await getSchoolOverview(admin);
    const inQuarter = quarter.startDate <= today && today <= quarter.endDate;
    expect(overview).toEqual({
      schoolName: SETUP_FORM.schoolName,
      yearName: `${startYear}/${startYear + 1}`,
      currentPeriod: inQuarter ? { name: quarter.name, startDate: quarter.startDate, endDate: quarter.endDate } : null,
      counts: {
        students: 6,
        guardians: 5,
        staff: 5,
        cohorts: 2,
        lessonsToday: inQuarter ? CLASSES.reduce((n, c) => n + lessonsOn(today, c), 0) : 0,
        familiesWithoutAccount: 5,
      },
    });
  });
});
