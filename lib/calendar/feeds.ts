/**
 * The family's calendar feed (issue 9, item 6): a secret address per child that a phone's
 * calendar subscribes to — the lessons with substitutions, cancellations and moves, the
 * test schedule and the homework due, built from the diary's own read models
 * (readDiaryWeek, getDiaryTests), so the phone says what the diary says.
 *
 * The address carries a random token (32 bytes, base64url); only its sha-256 is stored,
 * so a copy of the database opens no calendar. The address is therefore shown once; a
 * family that needs it again makes a new one, which turns the old one off.
 *
 * The phone reads without a session, so every read rebuilds the owner's principal from
 * the database (lib/auth/load-principal.ts): a withdrawn consent (R1), an ended
 * guardianship, a disabled account or a revoked address answer null — the route turns
 * that into a bare 404 that says nothing of why.
 *
 * Window: 7 days back to 28 days ahead. The week gone by shows what changed (who
 * replaced whom, what was cancelled); four weeks ahead covers the timetable the school
 * has generated and the tests announced, while lessons further off are still likely to
 * change. About 35 days × 6–7 lessons keeps the file small for a phone that fetches it
 * every hour.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createTranslator } from "next-intl";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { loadPrincipal } from "@/lib/auth/load-principal";
import { studentsVisibleTo } from "@/lib/auth/scope";
import { fullName } from "@/lib/people/names";
import { assertId } from "@/lib/people/students";
import { mondayOf, readDiaryWeek, type DiaryLesson, type DiaryWeek } from "@/lib/diary/week";
import { getDiaryTests, type DiaryTest } from "@/lib/diary/tests";
import { writeCalendar, zonedTimeToUtc, type IcsEvent } from "@/lib/calendar/ics";
import { addDays, formatDay, schoolToday } from "@/lib/time";
import ruMessages from "@/lib/i18n/messages/ru/calendarFeed.json";
import enMessages from "@/lib/i18n/messages/en/calendarFeed.json";

export const DAYS_BACK = 7;
export const DAYS_AHEAD = 28;
const REFRESH_MINUTES = 60;
/** lastReadAt is written at most this often: a phone polling every few minutes costs no writes */
const TOUCH_EVERY_MS = 60 * 60 * 1000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const UID_DOMAIN = "zhurnal";

export type FeedRow = { id: string; studentId: string; studentName: string; createdAt: Date; lastReadAt: Date | null };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function feedUrl(token: string): string {
  return `${env.APP_URL.replace(/\/+$/, "")}/calendar/${token}`;
}

/**
 * The children whose feed this user may hold: a guardian's consented children under a
 * current guardianship, a student themself (studentsVisibleTo, behind "diary.read",
 * which only guardians and students have).
 */
async function ownChild(p: Principal, studentId: string): Promise<{ id: string; name: string }> {
  assertCan(p, "diary.read");
  assertId(studentId);
  const s = await db.student.findFirst({
    where: { AND: [studentsVisibleTo(p), { id: studentId, leftAt: null }] },
    select: { id: true, lastName: true, firstName: true, middleName: true },
  });
  if (!s) throw new AppError("NOT_FOUND", "Ребёнок не найден.");
  return { id: s.id, name: fullName(s) };
}

/**
 * A new address for the child. The user's earlier address for the same child is turned
 * off in the same transaction: one live address per user and child, so «make a new one»
 * is also how a leaked address is replaced.
 */
export async function createFeed(p: Principal, studentId: string): Promise<{ id: string; url: string }> {
  const child = await ownChild(p, studentId);
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const feed = await db.$transaction(async (tx) => {
    await tx.calendarFeed.updateMany({
      where: { schoolId: p.schoolId, userId: p.userId, studentId: child.id, revokedAt: null },
      data: { revokedAt: now },
    });
    return tx.calendarFeed.create({
      data: { schoolId: p.schoolId, userId: p.userId, studentId: child.id, tokenHash: hashToken(token) },
      select: { id: true },
    });
  });
  return { id: feed.id, url: feedUrl(token) };
}

/** The user's live addresses, for the children they may still see (the others are dead anyway). */
export async function listMyFeeds(p: Principal): Promise<FeedRow[]> {
  assertCan(p, "diary.read");
  const feeds = await db.calendarFeed.findMany({
    where: { schoolId: p.schoolId, userId: p.userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, studentId: true, createdAt: true, lastReadAt: true },
  });
  if (feeds.length === 0) return [];
  const students = await db.student.findMany({
    where: { AND: [studentsVisibleTo(p), { id: { in: [...new Set(feeds.map((f) => f.studentId))] } }] },
    select: { id: true, lastName: true, firstName: true, middleName: true },
  });
  const names = new Map(students.map((s) => [s.id, fullName(s)]));
  return feeds.flatMap((f) => {
    const studentName = names.get(f.studentId);
    return studentName ? [{ ...f, studentName }] : [];
  });
}

/** Turns one of the user's own addresses off; someone else's or an unknown one is NOT_FOUND. */
export async function revokeFeed(p: Principal, feedId: string): Promise<void> {
  assertCan(p, "diary.read");
  assertId(feedId);
  const done = await db.calendarFeed.updateMany({
    where: { schoolId: p.schoolId, id: feedId, userId: p.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (done.count === 0) throw new AppError("NOT_FOUND", "Адрес календаря не найден.");
}

/**
 * The calendar behind an address, or null for anything that must not be shown: an
 * unknown or revoked token, an account that is gone or disabled, a guardian whose last
 * consent decision for the child is not GRANTED or whose guardianship ended, a student
 * reading another child. Checked from the database on every read.
 */
export async function readFeed(token: string, now: Date = new Date()): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { schoolId: true, id: true, userId: true, studentId: true, revokedAt: true, lastReadAt: true },
  });
  if (!feed || feed.revokedAt) return null;
  const user = await db.user.findUnique({ where: { id: feed.userId }, select: { schoolId: true, sessionVersion: true } });
  if (!user || user.schoolId !== feed.schoolId) return null;
  const p = await loadPrincipal(feed.userId, user.sessionVersion);
  if (!p || !holdsFeed(p, feed.studentId)) return null;
  let text: string;
  try {
    text = await buildCalendar(p, feed.studentId, now);
  } catch (e) {
    // the read models say NOT_FOUND for a child the principal may not see (guardianship ended)
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) return null;
    throw e;
  }
  if (!feed.lastReadAt || now.getTime() - feed.lastReadAt.getTime() >= TOUCH_EVERY_MS) {
    // conditional, so two phones reading at once write once
    await db.calendarFeed.updateMany({
      where: {
        schoolId: feed.schoolId, id: feed.id, revokedAt: null,
        OR: [{ lastReadAt: null }, { lastReadAt: { lte: new Date(now.getTime() - TOUCH_EVERY_MS) } }],
      },
      data: { lastReadAt: now },
    });
  }
  return text;
}

/** Fails closed: only a guardian with a current consent for the child, or the student themself. */
function holdsFeed(p: Principal, studentId: string): boolean {
  if (p.roles.length !== 1) return false;
  if (hasRole(p, "GUARDIAN")) return p.guardianId !== null && p.consentedChildIds.includes(studentId);
  if (hasRole(p, "STUDENT")) return p.studentId === studentId;
  return false;
}

// ───────────────────────────── the calendar's content

type Tr = (key: string, values?: Record<string, string | number>) => string;

function translator(locale: "ru" | "en"): Tr {
  const t = createTranslator({ locale, messages: locale === "en" ? enMessages : ruMessages, namespace: "calendarFeed.ics" });
  return (key, values) => (t as unknown as Tr)(key, values);
}

/** The weeks (their Mondays) that cover the window. */
function mondaysCovering(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = mondayOf(from); m <= to; m = addDays(m, 7)) out.push(m);
  return out;
}

/** The calendar of one child, as the given principal sees it. */
async function buildCalendar(p: Principal, studentId: string, now: Date): Promise<string> {
  const today = schoolToday(p.timeZone, now);
  const from = addDays(today, -DAYS_BACK);
  const to = addDays(today, DAYS_AHEAD);
  const [weeks, tests] = await Promise.all([
    Promise.all(mondaysCovering(from, to).map((monday) => readDiaryWeek(p, studentId, monday))),
    getDiaryTests(p, studentId),
  ]);
  const days = weeks.flatMap((w: DiaryWeek) => w.days).filter((d) => d.day >= from && d.day <= to);
  const lessons = days.flatMap((d) => d.lessons.map((l) => ({ day: d.day, lesson: l })));
  const homework = days.flatMap((d) => d.homework.map((h) => ({ day: d.day, homework: h })));
  const testEvents = tests.events.filter((e) => e.date >= from && e.date <= to);

  // the read models carry no updatedAt: one small query per kind, scoped to the school
  const [lessonRows, homeworkRows, testRows] = await Promise.all([
    lessons.length
      ? db.lesson.findMany({ where: { schoolId: p.schoolId, id: { in: lessons.map((x) => x.lesson.id) } }, select: { id: true, updatedAt: true } })
      : [],
    homework.length
      ? db.homework.findMany({ where: { schoolId: p.schoolId, id: { in: homework.map((x) => x.homework.id) } }, select: { id: true, updatedAt: true } })
      : [],
    testEvents.length
      ? db.assessmentEvent.findMany({ where: { schoolId: p.schoolId, id: { in: testEvents.map((e) => e.id) } }, select: { id: true, updatedAt: true } })
      : [],
  ]);
  const changed = new Map<string, Date>([...lessonRows, ...homeworkRows, ...testRows].map((r) => [r.id, r.updatedAt]));

  const t = translator(p.locale);
  const locale = p.locale === "en" ? "en-GB" : "ru-RU";
  const events: IcsEvent[] = [
    ...lessons.map(({ day, lesson }) => lessonEvent(lesson, day, p.timeZone, t, locale, changed.get(lesson.id))),
    ...testEvents.map((e) => testEvent(e, t, changed.get(e.id))),
    ...homework.map(({ day, homework: h }) => {
      const description = [h.text, h.individual ? t("individual") : "", h.files.length ? t("files", { names: h.files.map((f) => f.name).join(", ") }) : ""];
      return withChange(
        {
          uid: `hw-${h.id}@${UID_DOMAIN}`, summary: t("homework", { subject: h.subjectName }),
          start: { day }, end: { day: addDays(day, 1) }, description: lines(description), transparent: true,
        },
        changed.get(h.id),
      );
    }),
  ];
  const name = weeks[0]?.student.name ?? "";
  return writeCalendar({
    name: t("calName", { name }), description: t("calDesc"), timeZone: p.timeZone, refreshMinutes: REFRESH_MINUTES, now, events,
  });
}

function lines(parts: readonly string[]): string {
  return parts.filter((s) => s !== "").join("\n");
}

function withChange(e: IcsEvent, updatedAt: Date | undefined): IcsEvent {
  return updatedAt ? { ...e, lastModified: updatedAt } : e;
}

function lessonEvent(l: DiaryLesson, day: string, timeZone: string, t: Tr, locale: string, updatedAt: Date | undefined): IcsEvent {
  const start = l.startsAt ? zonedTimeToUtc(day, l.startsAt, timeZone) : null;
  const end = l.endsAt ? zonedTimeToUtc(day, l.endsAt, timeZone) : null;
  const span = start && end && end > start ? { start, end } : null;
  const timed = span !== null;
  const subject = l.subjectName;
  const summary =
    l.status === "CANCELLED" ? t("cancelled", { subject })
    : l.status === "MOVED" ? t("moved", { subject })
    : l.substitution ? t("substituted", { subject })
    : timed ? subject
    : t("noTime", { n: l.lessonNumber, subject });
  const description = [
    timed && l.startsAt && l.endsAt ? t("lessonTime", { n: l.lessonNumber, from: l.startsAt, to: l.endsAt }) : t("lessonNumber", { n: l.lessonNumber }),
    l.status === "CANCELLED" ? t("cancelledText") : "",
    l.status === "MOVED"
      ? l.movedTo ? t("movedTo", { day: formatDay(l.movedTo.day, locale), n: l.movedTo.lessonNumber }) : t("movedAway")
      : "",
    (l.status === "CANCELLED" || l.status === "MOVED") && l.statusReason ? t("reason", { reason: l.statusReason }) : "",
    l.movedFrom ? t("movedFrom", { day: formatDay(l.movedFrom.day, locale), n: l.movedFrom.lessonNumber }) : "",
    l.movedFrom?.reason ? t("reason", { reason: l.movedFrom.reason }) : "",
    l.substitution ? t("substitution", { teacher: l.substitution.teacher, original: l.substitution.originalTeacher }) : t("teacher", { name: l.teacher }),
    l.substitution?.reason ? t("reason", { reason: l.substitution.reason }) : "",
    l.cohort ? t("cohort", { name: l.cohort.name }) : "",
    l.topic ? t("topic", { topic: l.topic }) : "",
  ];
  return withChange(
    {
      uid: `${l.id}@${UID_DOMAIN}`,
      summary,
      ...(span ?? { start: { day }, end: { day: addDays(day, 1) }, transparent: true }),
      description: lines(description),
      ...(l.room ? { location: t("room", { room: l.room }) } : {}),
      status: l.status === "CANCELLED" || l.status === "MOVED" ? "CANCELLED" : "CONFIRMED",
    },
    updatedAt,
  );
}

function testEvent(e: DiaryTest, t: Tr, updatedAt: Date | undefined): IcsEvent {
  return withChange(
    {
      uid: `test-${e.id}@${UID_DOMAIN}`,
      summary: t("test", { workType: e.workType, subject: e.subjectName }),
      start: { day: e.date },
      end: { day: addDays(e.date, 1) },
      description: lines([e.title, e.cohortKind !== "CLASS" ? t("testCohort", { name: e.cohortName }) : ""]),
      transparent: true,
    },
    updatedAt,
  );
}
