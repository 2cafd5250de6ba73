/**
 * The family's diary week (issue 5, item 1): Monday to Saturday of one week for one
 * child — each day's lessons of every cohort the child was in that day (class, groups,
 * stream, individual plan) with bell times, teacher (and the one replaced), room, status
 * and its reason, topic, the child's own marks and attendance; the homework due that day
 * (the cohort's and the child's individual); holidays.
 *
 * One plain, JSON-serialisable DTO (the offline diary ships it to the phone as is), read
 * in a fixed number of queries whatever the number of lessons: the child with the week's
 * memberships, then lessons, marks, attendance, homework, holidays and bells side by side,
 * then the homework's file names.
 */
import "server-only";

import { db } from "@/lib/db";
import { sharedOfSchool } from "@/lib/school/shared";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { studentsVisibleTo } from "@/lib/auth/scope";
import { fullName, shortName } from "@/lib/people/names";
import { assertId } from "@/lib/people/students";
import { loadStudentMarks } from "@/lib/journal/student-marks-query";
import { markSymbol } from "@/lib/grading/display";
import { ATTENDANCE_SYMBOL, type AttendanceCode } from "@/lib/grading/marks";
import { addDays, dateToDay, dayToDate, parseDay, schoolToday } from "@/lib/time";

export type LessonStatus = "PLANNED" | "HELD" | "CANCELLED" | "MOVED";
export type CohortKind = "CLASS" | "GROUP" | "STREAM" | "INDIVIDUAL";

export type DiaryFile = { id: string; name: string; size: number; href: string };

export type DiaryHomework = {
  id: string;
  subjectName: string;
  text: string;
  /** given to this child alone */
  individual: boolean;
  files: DiaryFile[];
};

export type DiaryLessonMark = { symbol: string; kind: string; workType: string; comment: string | null };

export type DiaryLesson = {
  id: string;
  lessonNumber: number;
  /** "08:30", from the bell schedule in force that day; null when the school has none */
  startsAt: string | null;
  endsAt: string | null;
  subjectName: string;
  /** «Числова М. С.»: who teaches (the substitute when there is one) */
  teacher: string;
  room: string | null;
  /** the group, stream or individual plan the lesson is for; null for the class itself */
  cohort: { name: string; kind: CohortKind } | null;
  status: LessonStatus;
  statusReason: string | null;
  /** MOVED: where the lesson went */
  movedTo: { day: string; lessonNumber: number } | null;
  /** a lesson that was moved here from another day */
  movedFrom: { day: string; lessonNumber: number; reason: string | null } | null;
  /** a substitute teaches instead of the timetable's teacher */
  substitution: { teacher: string; originalTeacher: string; reason: string } | null;
  topic: string | null;
  marks: DiaryLessonMark[];
  attendance: { code: AttendanceCode; symbol: string; minutesLate: number | null } | null;
};

export type DiaryDay = {
  day: string;
  /** 1 = Monday … 6 = Saturday */
  weekday: number;
  isToday: boolean;
  holiday: { name: string; kind: "HOLIDAY" | "NON_WORKING_DAY" } | null;
  lessons: DiaryLesson[];
  homework: DiaryHomework[];
};

export type DiaryWeek = {
  student: { id: string; name: string };
  /** Monday */
  weekStart: string;
  /** Saturday */
  weekEnd: string;
  previousWeek: string;
  nextWeek: string;
  today: string;
  days: DiaryDay[];
};

/** The Monday of the week a day falls in. */
export function mondayOf(day: string): string {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, w === 0 ? -6 : 1 - w);
}

/** `?week=` as the page got it: any day of the week, "YYYY-MM-DD" or «05.12.2026»; else today. */
export function weekParam(raw: string | undefined, today: string): string {
  const day = raw ? parseDay(raw) : null;
  return day ?? today;
}

type Span = { cohortId: string; start: string; end: string | null };

function activeOn(spans: readonly Span[], cohortId: string, day: string): boolean {
  return spans.some((s) => s.cohortId === cohortId && s.start <= day && (s.end === null || s.end >= day));
}

const NAME = { lastName: true, firstName: true, middleName: true } as const;

/**
 * Every holiday of the school (by kind, then start, as the week shows them) and every
 * bell schedule (by start): the same for all its families, kept in memory under the
 * school's version (lib/school/shared.ts) and cut to the week here.
 */
function schoolHolidays(p: Principal) {
  return sharedOfSchool(p.schoolId, p.schoolVersion, "holidays", () =>
    db.holiday.findMany({
      where: { schoolId: p.schoolId },
      orderBy: [{ kind: "asc" }, { startDate: "asc" }],
      select: { name: true, kind: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true },
    }),
  );
}

function schoolBells(p: Principal) {
  return sharedOfSchool(p.schoolId, p.schoolVersion, "bells", () =>
    db.bellSchedule.findMany({
      where: { schoolId: p.schoolId },
      orderBy: { validFrom: "asc" },
      select: { validFrom: true, validTo: true, slots: { select: { number: true, startsAt: true, endsAt: true } } },
    }),
  );
}

export async function readDiaryWeek(p: Principal, studentId: string, anyDay: string): Promise<DiaryWeek> {
  const [week] = await readDiaryWeeks(p, studentId, anyDay, 1);
  if (!week) throw new AppError("NOT_FOUND");
  return week;
}

/**
 * `count` weeks in a row from the one `anyDay` falls in, read together: the same queries
 * as one week, over the whole span (the offline diary's sync ships this week and the
 * next). Each week is exactly what readDiaryWeek gives for it.
 */
export async function readDiaryWeeks(p: Principal, studentId: string, anyDay: string, count: number): Promise<DiaryWeek[]> {
  assertCan(p, "diary.read");
  assertId(studentId);
  const today = schoolToday(p.timeZone);
  const firstMonday = mondayOf(parseDay(anyDay) ?? today);
  const mondays = Array.from({ length: Math.max(1, Math.min(count, 8)) }, (_, i) => addDays(firstMonday, 7 * i));
  const lastSaturday = addDays(mondays.at(-1) ?? firstMonday, 5);
  const from = dayToDate(firstMonday);
  const to = dayToDate(lastSaturday);

  const student = await db.student.findFirst({
    where: { AND: [studentsVisibleTo(p), { id: studentId }] },
    select: {
      id: true, ...NAME,
      memberships: {
        where: { schoolId: p.schoolId, startDate: { lte: to }, OR: [{ endDate: null }, { endDate: { gte: from } }] },
        orderBy: { startDate: "asc" },
        select: { cohortId: true, startDate: true, endDate: true, cohort: { select: { kind: true, grade: true } } },
      },
    },
  });
  if (!student) throw new AppError("NOT_FOUND");
  const spans: Span[] = student.memberships.map((m) => ({
    cohortId: m.cohortId, start: dateToDay(m.startDate), end: m.endDate ? dateToDay(m.endDate) : null,
  }));
  const cohortIds = [...new Set(spans.map((s) => s.cohortId))];
  const kindOf = new Map(student.memberships.map((m) => [m.cohortId, m.cohort.kind]));
  /** the grade in a week: of the last class that week, else of any cohort that week (holidays differ by grade) */
  const gradeIn = (monday: string): number | null => {
    const mon = dayToDate(monday);
    const sat = dayToDate(addDays(monday, 5));
    const inWeek = student.memberships.filter((m) => m.startDate <= sat && (m.endDate === null || m.endDate >= mon));
    return (inWeek.filter((m) => m.cohort.kind === "CLASS").at(-1) ?? inWeek.at(-1))?.cohort.grade ?? null;
  };
  const range = { gte: from, lte: to };

  const [lessons, marks, attendance, homework, holidays, bells] = await Promise.all([
    db.lesson.findMany({
      where: { schoolId: p.schoolId, cohortId: { in: cohortIds }, date: range },
      orderBy: [{ date: "asc" }, { lessonNumber: "asc" }],
      select: {
        id: true, cohortId: true, date: true, lessonNumber: true, room: true, topic: true, status: true, statusReason: true, teacherId: true,
        cohort: { select: { name: true } },
        subject: { select: { name: true } },
        teacher: { select: NAME },
        substitutions: {
          orderBy: { createdAt: "asc" },
          select: { originalTeacherId: true, reason: true, originalTeacher: { select: NAME } },
        },
        movedTo: { select: { date: true, lessonNumber: true } },
        // A lesson is moved within its cohort (lib/timetable/substitutions.ts), so the cohort
        // filter changes nothing but the plan: without it PostgreSQL finds the source by
        // "movedToId", which no index leads with, and reads every lesson of the school
        // (40 ms a week at 10 schools of the region; npm run load).
        movedFrom: { where: { cohortId: { in: cohortIds } }, orderBy: [{ date: "asc" }, { lessonNumber: "asc" }], select: { date: true, lessonNumber: true, statusReason: true }, take: 1 },
      },
    }),
    loadStudentMarks(db, { schoolId: p.schoolId, studentId, from: firstMonday, to: lastSaturday }),
    db.attendance.findMany({
      where: { schoolId: p.schoolId, studentId, date: range, removedAt: null },
      select: { lessonId: true, code: true, minutesLate: true },
    }),
    db.homework.findMany({
      where: {
        schoolId: p.schoolId, dueDate: range,
        OR: [{ studentId: null, cohortId: { in: cohortIds } }, { studentId }],
      },
      orderBy: [{ dueDate: "asc" }, { subject: { name: "asc" } }, { createdAt: "asc" }],
      select: { id: true, cohortId: true, studentId: true, dueDate: true, text: true, subject: { select: { name: true } } },
    }),
    schoolHolidays(p),
    schoolBells(p).then((all) => all.filter((b) => b.validFrom <= to && (b.validTo === null || b.validTo >= from))),
  ]);

  // cohort homework counts on a day the child was in that cohort; individual homework always
  const dueHomework = homework.filter((h) => h.studentId === studentId || activeOn(spans, h.cohortId, dateToDay(h.dueDate)));
  const files = dueHomework.length
    ? await db.homeworkFile.findMany({
        where: { schoolId: p.schoolId, homeworkId: { in: dueHomework.map((h) => h.id) } },
        orderBy: [{ createdAt: "asc" }, { fileName: "asc" }],
        select: { id: true, homeworkId: true, fileName: true, size: true },
      })
    : [];

  const marksByLesson = new Map<string, DiaryLessonMark[]>();
  for (const m of marks) {
    const list = marksByLesson.get(m.lessonId) ?? [];
    list.push({ symbol: markSymbol(m), kind: m.kind, workType: m.workType.name, comment: m.comment });
    marksByLesson.set(m.lessonId, list);
  }
  const attendanceByLesson = new Map(attendance.map((a) => [a.lessonId, a]));
  const filesByHomework = new Map<string, DiaryFile[]>();
  for (const f of files) {
    const list = filesByHomework.get(f.homeworkId) ?? [];
    list.push({ id: f.id, name: f.fileName, size: f.size, href: `/api/homework-files/${f.id}` });
    filesByHomework.set(f.homeworkId, list);
  }

  type LessonRow = (typeof lessons)[number];
  const lessonOf = (l: LessonRow, bell: { startsAt: string; endsAt: string } | undefined): DiaryLesson => {
    const first = l.substitutions[0];
    const last = l.substitutions.at(-1);
    const substituted = first && last && first.originalTeacherId !== l.teacherId;
    const a = attendanceByLesson.get(l.id);
    const from = l.movedFrom[0];
    const kind = kindOf.get(l.cohortId) ?? "CLASS";
    return {
      id: l.id,
      lessonNumber: l.lessonNumber,
      startsAt: bell?.startsAt ?? null,
      endsAt: bell?.endsAt ?? null,
      subjectName: l.subject.name,
      teacher: shortName(l.teacher),
      room: l.room,
      cohort: kind === "CLASS" ? null : { name: l.cohort.name, kind },
      status: l.status,
      statusReason: l.statusReason,
      movedTo: l.status === "MOVED" && l.movedTo ? { day: dateToDay(l.movedTo.date), lessonNumber: l.movedTo.lessonNumber } : null,
      movedFrom: from ? { day: dateToDay(from.date), lessonNumber: from.lessonNumber, reason: from.statusReason } : null,
      substitution: substituted ? { teacher: shortName(l.teacher), originalTeacher: shortName(first.originalTeacher), reason: last.reason } : null,
      topic: l.topic,
      marks: marksByLesson.get(l.id) ?? [],
      attendance: a ? { code: a.code, symbol: ATTENDANCE_SYMBOL[a.code], minutesLate: a.minutesLate } : null,
    };
  };

  /** One day: `weekHolidays` are the week's holidays of the child's grade that week. */
  const dayOf = (day: string, weekday: number, weekHolidays: typeof holidays): DiaryDay => {
    const schedule = bells.filter((b) => dateToDay(b.validFrom) <= day && (b.validTo === null || dateToDay(b.validTo) >= day)).at(-1);
    const holiday = weekHolidays.find((h) => dateToDay(h.startDate) <= day && dateToDay(h.endDate) >= day) ?? null;
    return {
      day,
      weekday,
      isToday: day === today,
      holiday: holiday ? { name: holiday.name, kind: holiday.kind } : null,
      lessons: lessons
        .filter((l) => dateToDay(l.date) === day && activeOn(spans, l.cohortId, day))
        .map((l) => lessonOf(l, schedule?.slots.find((s) => s.number === l.lessonNumber)))
        .sort((a, b) => a.lessonNumber - b.lessonNumber || a.subjectName.localeCompare(b.subjectName, "ru")),
      homework: dueHomework
        .filter((h) => dateToDay(h.dueDate) === day)
        .map((h) => ({ id: h.id, subjectName: h.subject.name, text: h.text, individual: h.studentId !== null, files: filesByHomework.get(h.id) ?? [] })),
    };
  };

  return mondays.map((monday) => {
    const saturday = addDays(monday, 5);
    const grade = gradeIn(monday);
    const weekHolidays = holidays.filter(
      (h) => dateToDay(h.startDate) <= saturday && dateToDay(h.endDate) >= monday && (grade === null || (h.gradeFrom <= grade && h.gradeTo >= grade)),
    );
    return {
      student: { id: student.id, name: fullName(student) },
      weekStart: monday,
      weekEnd: saturday,
      previousWeek: addDays(monday, -7),
      nextWeek: addDays(monday, 7),
      today,
      days: Array.from({ length: 6 }, (_, i) => dayOf(addDays(monday, i), i + 1, weekHolidays)),
    };
  });
}
