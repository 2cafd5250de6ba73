/**
 * The messages the school's own events cause (issue 6, item 5). Each function is called
 * by a domain write (a mark, a final mark, homework, a recommendation, a change to the
 * day's lessons) inside that write's transaction, reads what the message needs with the
 * same transaction, and hands it to the outbox (lib/delivery/outbox.ts), which decides
 * who may get it (consent, preferences, confirmed contacts). A rolled-back event sends
 * nothing; a repeated one writes nothing twice (the outbox's unique event key).
 *
 * No "server-only": the transaction client is passed in, and tests call these directly.
 */
import type { MessageKind, Prisma } from "@/generated/prisma/client";
import { enqueueAboutStudent, type MessageText } from "@/lib/delivery/outbox";
import { addDays, dateToDay, schoolToday } from "@/lib/time";
import { EXAM_KIND_SHORT } from "@/lib/exams/scale";
import {
  examResultText, finalMarkText, homeworkText, lessonChangeText, markText, recommendationText, type Child,
} from "@/lib/notify/texts";

type Tx = Prisma.TransactionClient;

const PERSON = { id: true, lastName: true, firstName: true, middleName: true } as const;

/** A typed mark waits this long before it goes, so that a typo corrected at once sends one message. */
export const MARK_GRACE_MS = 2 * 60_000;

async function send(tx: Tx, schoolId: string, studentId: string, kind: MessageKind, eventKey: string, text: MessageText, now?: Date): Promise<number> {
  const delayMs = kind === "MARK" ? MARK_GRACE_MS : 0;
  return enqueueAboutStudent(tx, { schoolId, studentId, kind, eventKey, text, delayMs, ...(now ? { now } : {}) });
}

/**
 * Older versions of a message still waiting to go are not sent: a teacher who corrects a
 * typo a moment later sends one message, not two. `prefix` ends with ":".
 */
async function skipPending(tx: Tx, schoolId: string, prefixes: string[]): Promise<void> {
  if (prefixes.length === 0) return;
  await tx.outboxMessage.updateMany({
    where: { schoolId, status: "PENDING", OR: prefixes.map((p) => ({ eventKey: { startsWith: p } })) },
    data: { status: "SKIPPED", lastError: "заменено более новой версией" },
  });
}

// ───────────────────────────── marks

type MarkBefore = { id: string; version: number; removedAt: Date | null };

/**
 * After a journal cell changed (lib/journal/record-cell.ts): one message about the cell's
 * marks as they are now («4/5» is one message), keyed by the first changed mark and its
 * new version; the pending messages of older versions of the cell's marks are skipped.
 * A cleared cell only skips (nothing to announce).
 */
export async function notifyCellMarks(
  tx: Tx, c: { schoolId: string; lessonId: string; studentId: string; before: readonly MarkBefore[]; now?: Date },
): Promise<number> {
  const { schoolId } = c;
  const marks = await tx.mark.findMany({
    where: { schoolId, lessonId: c.lessonId, studentId: c.studentId },
    orderBy: { part: "asc" },
    select: { id: true, version: true, removedAt: true, kind: true, value: true, text: true, date: true, subjectId: true },
  });
  const was = new Map(c.before.map((m) => [m.id, m]));
  const changed = marks.filter((m) => was.get(m.id)?.version !== m.version);
  if (changed.length === 0) return 0;
  await skipPending(tx, schoolId, marks.map((m) => `mark:${m.id}:`));
  const live = marks.filter((m) => !m.removedAt);
  const first = changed.find((m) => !m.removedAt);
  if (live.length === 0 || !first) return 0;
  const [student, subject] = [
    await tx.student.findUniqueOrThrow({ where: { schoolId_id: { schoolId, id: c.studentId } }, select: PERSON }),
    await tx.subject.findUniqueOrThrow({ where: { schoolId_id: { schoolId, id: first.subjectId } }, select: { id: true, name: true } }),
  ];
  // a correction: a mark that was there (and live) before
  const isChange = live.some((m) => {
    const old = was.get(m.id);
    return old !== undefined && old.removedAt === null;
  });
  const text = markText({ student, subject, day: dateToDay(first.date), marks: live, changed: isChange });
  return send(tx, schoolId, c.studentId, "MARK", `mark:${first.id}:v${first.version}`, text, c.now);
}

// ───────────────────────────── final marks and exam marks

/** After a final mark was written (lib/journal/finals.ts writeFinal): FINAL_MARK, or EXAM_RESULT for an exam mark. */
export async function notifyFinalMark(tx: Tx, c: { schoolId: string; finalMarkId: string; now?: Date }): Promise<number> {
  const { schoolId } = c;
  const f = await tx.finalMark.findUniqueOrThrow({
    where: { schoolId_id: { schoolId, id: c.finalMarkId } },
    select: {
      id: true, version: true, kind: true, markKind: true, value: true, text: true, removedAt: true, studentId: true,
      subject: { select: { id: true, name: true } }, period: { select: { name: true } },
    },
  });
  await skipPending(tx, schoolId, [`final:${f.id}:`]);
  if (f.removedAt) return 0;
  const student = await tx.student.findUniqueOrThrow({ where: { schoolId_id: { schoolId, id: f.studentId } }, select: PERSON });
  const text = finalMarkText({
    student, subject: f.subject, kind: f.kind, periodName: f.period.name,
    mark: { kind: f.markKind, value: f.value, text: f.text }, changed: f.version > 1,
  });
  return send(tx, schoolId, f.studentId, f.kind === "EXAM" ? "EXAM_RESULT" : "FINAL_MARK", `final:${f.id}:v${f.version}`, text, c.now);
}

// ───────────────────────────── state exam results (R6)

/**
 * After an exam result was imported (lib/exams/import.ts) and published: EXAM_RESULT,
 * keyed by the result and its version, so a re-import of the same file sends nothing and
 * a corrected score (a new version) sends the new one and skips the old one still waiting.
 * An unpublished result sends nothing.
 */
export async function notifyExamResult(tx: Tx, c: { schoolId: string; examResultId: string; now?: Date }): Promise<number> {
  const { schoolId } = c;
  const r = await tx.examResult.findUniqueOrThrow({
    where: { schoolId_id: { schoolId, id: c.examResultId } },
    select: {
      id: true, version: true, kind: true, examDate: true, primaryScore: true, maxScore: true, mark: true, publishedAt: true,
      student: { select: PERSON }, subject: { select: { id: true, name: true } },
    },
  });
  // the older versions still waiting are not sent; this version's own messages stay
  const older = Array.from({ length: r.version - 1 }, (_, i) => examEventKey({ id: r.id, version: i + 1 }));
  if (older.length > 0) {
    await tx.outboxMessage.updateMany({
      where: { schoolId, status: "PENDING", eventKey: { in: older } },
      data: { status: "SKIPPED", lastError: "заменено более новой версией" },
    });
  }
  if (!r.publishedAt) return 0;
  const text = examResultText({
    student: r.student, subject: r.subject, exam: EXAM_KIND_SHORT[r.kind], day: dateToDay(r.examDate),
    primaryScore: r.primaryScore, maxScore: r.maxScore, mark: r.mark, changed: r.version > 1,
  });
  return send(tx, schoolId, r.student.id, "EXAM_RESULT", examEventKey(r), text, c.now);
}

/** The outbox's event key of one version of an exam result (the 24-hour screen looks its messages up by it). */
export function examEventKey(r: { id: string; version: number }): string {
  return `exam:${r.id}:v${r.version}`;
}

// ───────────────────────────── homework

/** Students of a cohort on a day. */
async function cohortStudents(tx: Tx, schoolId: string, cohortId: string, date: Date): Promise<Child[]> {
  const rows = await tx.cohortMembership.findMany({
    where: { schoolId, cohortId, startDate: { lte: date }, OR: [{ endDate: null }, { endDate: { gte: date } }], student: { leftAt: null } },
    select: { student: { select: PERSON } },
  });
  const seen = new Map<string, Child>();
  for (const r of rows) seen.set(r.student.id, r.student);
  return [...seen.values()];
}

/** After homework was added (lib/journal/homework.ts): one message per student it is for. */
export async function notifyHomework(tx: Tx, c: { schoolId: string; homeworkId: string; now?: Date }): Promise<number> {
  const { schoolId } = c;
  const h = await tx.homework.findUniqueOrThrow({
    where: { schoolId_id: { schoolId, id: c.homeworkId } },
    select: { id: true, cohortId: true, studentId: true, text: true, dueDate: true, createdAt: true, subject: { select: { id: true, name: true } }, lesson: { select: { date: true } } },
  });
  const on = h.lesson?.date ?? h.dueDate;
  const students = h.studentId
    ? [await tx.student.findUniqueOrThrow({ where: { schoolId_id: { schoolId, id: h.studentId } }, select: PERSON })]
    : await cohortStudents(tx, schoolId, h.cohortId, on);
  let written = 0;
  for (const student of students) {
    const text = homeworkText({ student, subject: h.subject, dueDay: dateToDay(h.dueDate), text: h.text, individual: h.studentId !== null });
    written += await send(tx, schoolId, student.id, "HOMEWORK", `homework:${h.id}`, text, c.now);
  }
  return written;
}

// ───────────────────────────── recommendations

/** After a teacher wrote a recommendation (lib/journal/recommendations.ts). */
export async function notifyRecommendation(tx: Tx, c: { schoolId: string; recommendationId: string; now?: Date }): Promise<number> {
  const { schoolId } = c;
  const r = await tx.recommendation.findUniqueOrThrow({
    where: { schoolId_id: { schoolId, id: c.recommendationId } },
    select: { id: true, date: true, text: true, student: { select: PERSON }, subject: { select: { name: true } }, author: { select: PERSON } },
  });
  const text = recommendationText({ student: r.student, subjectName: r.subject?.name ?? null, author: r.author, day: dateToDay(r.date), text: r.text });
  return send(tx, schoolId, r.student.id, "RECOMMENDATION", `recommendation:${r.id}`, text, c.now);
}

// ───────────────────────────── substitutions, cancelled and moved lessons

/** Is the day today or tomorrow in the school's zone? Changes further ahead are in the diary, not in a message. */
async function todayOrTomorrow(tx: Tx, schoolId: string, days: string[], now: Date): Promise<boolean> {
  const school = await tx.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timeZone: true } });
  const today = schoolToday(school.timeZone, now);
  const tomorrow = addDays(today, 1);
  return days.some((d) => d === today || d === tomorrow);
}

export type LessonChange =
  | { change: "SUBSTITUTION"; substitutionId: string }
  | { change: "CANCELLED"; lessonId: string }
  | { change: "MOVED"; lessonId: string };

/**
 * After a substitution, a cancellation or a move (lib/timetable/substitutions.ts): every
 * student of the cohort, when the lesson (or, for a move, either day) is today or tomorrow.
 * A substitution is announced before the lesson row takes the new teacher and subject, so
 * the message names the subject of the timetable and, apart, the one that replaces it.
 */
export async function notifyLessonChange(tx: Tx, c: { schoolId: string; now?: Date } & LessonChange): Promise<number> {
  const { schoolId } = c;
  const now = c.now ?? new Date();
  const lessonSelect = {
    id: true, date: true, lessonNumber: true, cohortId: true, statusReason: true,
    subject: { select: { name: true } }, movedTo: { select: { date: true, lessonNumber: true } },
  } as const;
  let lesson: Prisma.LessonGetPayload<{ select: typeof lessonSelect }>;
  let eventKey: string;
  let kind: MessageKind;
  let sub: { teacher: { lastName: string; firstName: string; middleName: string | null }; room: string | null; subject: { name: string } | null } | null = null;
  if (c.change === "SUBSTITUTION") {
    const s = await tx.substitution.findUniqueOrThrow({
      where: { schoolId_id: { schoolId, id: c.substitutionId } },
      select: { id: true, lessonId: true, room: true, teacher: { select: PERSON }, subject: { select: { name: true } } },
    });
    lesson = await tx.lesson.findUniqueOrThrow({ where: { schoolId_id: { schoolId, id: s.lessonId } }, select: lessonSelect });
    eventKey = `substitution:${s.id}`;
    kind = "SUBSTITUTION";
    sub = { teacher: s.teacher, room: s.room, subject: s.subject };
  } else {
    lesson = await tx.lesson.findUniqueOrThrow({ where: { schoolId_id: { schoolId, id: c.lessonId } }, select: lessonSelect });
    eventKey = `${c.change === "CANCELLED" ? "cancelled" : "moved"}:${lesson.id}`;
    kind = "CANCELLED_LESSON";
  }
  const day = dateToDay(lesson.date);
  const days = [day, ...(c.change === "MOVED" && lesson.movedTo ? [dateToDay(lesson.movedTo.date)] : [])];
  if (!(await todayOrTomorrow(tx, schoolId, days, now))) return 0;
  const students = await cohortStudents(tx, schoolId, lesson.cohortId, lesson.date);
  let written = 0;
  for (const student of students) {
    const base = { student, subjectName: lesson.subject.name, day, lessonNumber: lesson.lessonNumber };
    let text: MessageText;
    if (c.change === "SUBSTITUTION" && sub) {
      text = lessonChangeText({ ...base, change: "SUBSTITUTION", teacher: sub.teacher, room: sub.room, newSubjectName: sub.subject && sub.subject.name !== lesson.subject.name ? sub.subject.name : null });
    } else if (c.change === "MOVED" && lesson.movedTo) {
      text = lessonChangeText({ ...base, change: "MOVED", to: { day: dateToDay(lesson.movedTo.date), lessonNumber: lesson.movedTo.lessonNumber }, reason: lesson.statusReason ?? "" });
    } else {
      text = lessonChangeText({ ...base, change: "CANCELLED", reason: lesson.statusReason ?? "" });
    }
    written += await send(tx, schoolId, student.id, kind, eventKey, text, now);
  }
  return written;
}
