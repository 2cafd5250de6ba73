/**
 * Marks sent in by outside tools (OneRoster 1.2 gradebook, `PUT /results/{sourcedId}`
 * and `PUT /lineItems/{sourcedId}`). Nothing here writes a mark itself: a result goes
 * through the journal's own cell write (lib/journal/record-cell.ts recordCell) — the
 * same validation on the student's scale, the same checks of the class, the period lock
 * and the closed year, the same audit event in the same transaction, the same notices to
 * families — signed by the lesson's teacher (the journal has no mark without a teacher),
 * with the audit reason naming the API client it came through. A lineItem's title is the
 * lesson's topic (lib/journal/lesson.ts updateLesson) and its category the column's work
 * type (lib/journal/column.ts setLessonWorkType).
 *
 * Everything that would be refused is checked first and refused with 422 invaliddata and
 * a reason in English (the journal's own refusals are in Russian for teachers; one that
 * still comes from there is passed on after an English sentence). Nothing is written then.
 *
 * The sourcedId of a new result: the binding says the requesting system supplies it (PUT
 * creates). A result is a Mark row, keyed by a UUID, so a new result is created with the
 * client's sourcedId as the mark's id when it is a UUID not used yet and the cell (lesson
 * × student) has no mark: no mapping table is needed and GET /results/{that id} finds it.
 * Any other id for a new result is refused with the reason, as is a new result for a cell
 * that already has one (its sourcedId is named, to PUT there instead).
 *
 * Not stored, because the journal has no place for them: scoreDate (a mark is dated by
 * its lesson), comment (the journal's cell write has none), learningObjectiveSet and the
 * flags inProgress, incomplete, late, missing. A result's status "tobedeleted" and the
 * scoreStatus values "submitted", "partially graded" and extensions are refused: the
 * journal keeps a mark that is given, «осв» and «н/а», and only a teacher removes a mark.
 */
import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/server";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";
import { loadPrincipal } from "@/lib/auth/load-principal";
import { journalWritableBy } from "@/lib/auth/scope";
import { recordCell } from "@/lib/journal/record-cell";
import { setLessonWorkType } from "@/lib/journal/column";
import { updateLesson } from "@/lib/journal/lesson";
import { markSymbol } from "@/lib/grading/display";
import { markFromRow, parseCellInput, type MarkValue, type Scale } from "@/lib/grading/marks";
import { dateToDay } from "@/lib/time";
import { OneRosterError } from "./errors";
import {
  isUuid, lineItemTitle, loadSchoolFacts, maySee, scaleOn, scheduledClassId, TEXT_SCORE, visibleStudentIds,
  type GradebookContext,
} from "./gradebook";

function invalid(description: string): OneRosterError {
  return new OneRosterError("invaliddata", description);
}

const guidRef = z.object({ sourcedId: z.string().min(1).max(200) }).loose();

const resultBody = z.object({
  result: z
    .object({
      sourcedId: z.string().optional(),
      status: z.enum(["active", "tobedeleted"]).optional(),
      lineItem: guidRef,
      student: guidRef,
      scoreStatus: z.string().min(1),
      score: z.number().optional(),
      textScore: z.string().max(1000).optional(),
    })
    .loose(),
});

const lineItemBody = z.object({
  lineItem: z
    .object({
      sourcedId: z.string().optional(),
      status: z.enum(["active", "tobedeleted"]).optional(),
      title: z.string().max(2000).optional(),
      category: guidRef.optional(),
      class: guidRef.optional(),
      school: guidRef.optional(),
      assignDate: z.string().optional(),
      dueDate: z.string().optional(),
    })
    .loose(),
});

/** The first problem zod found, as a sentence naming the field. */
function bodyProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join(".") : "the body";
  return `The request body is not valid: ${where}: ${issue?.message ?? "unexpected value"}.`;
}

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalid(bodyProblem(parsed.error));
  return parsed.data;
}

/** The Russian words a teacher sees in the history of the cell: through which program the change came. */
export function viaClient(name: string): string {
  return `Через внешнюю программу «${name}» (OneRoster API).`;
}

// ───────────────────────────── whose name the journal writes ─────────────────────────────

/**
 * The teacher whose name the write carries: the lesson's teacher if they may write this
 * journal (the journal's own rule, lib/auth/scope.ts journalWritableBy), else a teacher of
 * the subject in that class. Each needs an account the journal would let in today.
 */
async function signingTeacher(lesson: { teacherId: string; cohortId: string; subjectId: string; parentId: string | null }, schoolId: string): Promise<Principal> {
  const lines = await db.curriculumTeacher.findMany({
    where: { schoolId, curriculumItem: { subjectId: lesson.subjectId, cohortId: { in: [lesson.cohortId, ...(lesson.parentId ? [lesson.parentId] : [])] } } },
    orderBy: { id: "asc" },
    select: { staffId: true },
  });
  const candidates = [...new Set([lesson.teacherId, ...lines.map((l) => l.staffId)])];
  const users = await db.user.findMany({
    where: { schoolId, staffId: { in: candidates }, disabledAt: null },
    select: { id: true, staffId: true, sessionVersion: true },
  });
  for (const staffId of candidates) {
    const user = users.find((u) => u.staffId === staffId);
    if (!user) continue;
    const p = await loadPrincipal(user.id, user.sessionVersion);
    if (!p || !hasRole(p, "TEACHER")) continue;
    if (await db.cohort.count({ where: journalWritableBy(p, lesson.cohortId, lesson.subjectId) })) return p;
  }
  throw invalid("No teacher of this class has an active account in the journal to sign the mark: every mark in the journal is a teacher's. Ask the school to give the subject's teacher an account.");
}

/** A refusal of the journal itself, as the API says it. */
function journalRefusal(error: unknown): never {
  if (error instanceof OneRosterError) throw error;
  if (error instanceof AppError) {
    const lead = error.code === "PERIOD_CLOSED" ? "The journal is closed for changes on this date" : "The journal refused the change";
    throw invalid(`${lead}: ${error.message}`);
  }
  throw error;
}

// ───────────────────────────── checks shared by both writes ─────────────────────────────

const lessonSelect = {
  id: true, date: true, status: true, topic: true, lessonType: true, workTypeId: true, teacherId: true, cohortId: true, subjectId: true,
  cohort: { select: { grade: true, parentId: true, name: true } },
} as const;

/** A closed term or year on the lesson's day, in words; null when it is open. */
async function closedOn(schoolId: string, lesson: { date: Date; cohort: { grade: number } }): Promise<string | null> {
  const [period, year] = await Promise.all([
    db.period.findFirst({
      where: {
        schoolId, kind: { not: "YEAR" }, closedAt: { not: null }, startDate: { lte: lesson.date }, endDate: { gte: lesson.date },
        gradeFrom: { lte: lesson.cohort.grade }, gradeTo: { gte: lesson.cohort.grade },
      },
      select: { name: true },
    }),
    db.academicYear.findFirst({ where: { schoolId, closedAt: { not: null }, startDate: { lte: lesson.date }, endDate: { gte: lesson.date } }, select: { name: true } }),
  ]);
  if (period) return `the grading period "${period.name}" containing ${dateToDay(lesson.date)} is closed; only a school administrator can reopen it`;
  if (year) return `the school year ${year.name} is closed`;
  return null;
}

function assertLessonHeld(lesson: { status: string }): void {
  if (lesson.status === "CANCELLED" || lesson.status === "MOVED") {
    throw invalid("This lesson was cancelled or moved: marks and changes go to a lesson that takes place.");
  }
}

// ───────────────────────────── PUT /results/{sourcedId} ─────────────────────────────

/** What the result says, as one mark on the cell's scale. */
function markOf(r: { scoreStatus: string; score?: number | undefined; textScore?: string | undefined }, scale: Scale): MarkValue {
  const text = r.textScore?.trim();
  const lower = text?.toLowerCase();
  if (r.scoreStatus === "exempt") {
    if (r.score !== undefined || (lower !== undefined && lower !== TEXT_SCORE.EXEMPT)) throw invalid(`A result with scoreStatus "exempt" has no score; its textScore, if any, is "${TEXT_SCORE.EXEMPT}".`);
    return { kind: "EXEMPT" };
  }
  if (r.scoreStatus === "not submitted") {
    if (r.score !== undefined || (lower !== undefined && lower !== TEXT_SCORE.NOT_ATTESTED)) throw invalid(`A result with scoreStatus "not submitted" (н/а) has no score; its textScore, if any, is "${TEXT_SCORE.NOT_ATTESTED}".`);
    return { kind: "NOT_ATTESTED" };
  }
  if (r.scoreStatus !== "fully graded") {
    throw invalid(`scoreStatus "${r.scoreStatus.slice(0, 40)}" cannot be stored: the journal keeps a given mark ("fully graded"), "exempt" (осв) and "not submitted" (н/а).`);
  }
  if (scale === "NONE") throw invalid("No marks are given in this subject (its curriculum line has no scale).");
  if (r.score !== undefined) {
    if (scale !== "FIVE_POINT") throw invalid(`This class is marked on the ${scale === "PASS_FAIL" ? "pass/fail" : "descriptive"} scale: send textScore, not score.`);
    if (!Number.isInteger(r.score) || r.score < 1 || r.score > 5) throw invalid(`score ${r.score} is not on the five-point scale: a whole number from 1 to 5.`);
    if (text !== undefined && text !== String(r.score)) throw invalid(`score ${r.score} and textScore "${text.slice(0, 40)}" disagree.`);
    return { kind: "NUMERIC", value: r.score as 1 | 2 | 3 | 4 | 5 };
  }
  if (text === undefined || text === "") throw invalid('A "fully graded" result needs a score or a textScore.');
  if (lower === TEXT_SCORE.NOT_ATTESTED) return { kind: "NOT_ATTESTED" };
  if (lower === TEXT_SCORE.EXEMPT) return { kind: "EXEMPT" };
  if (scale === "PASS_FAIL") {
    if (lower === TEXT_SCORE.PASS) return { kind: "PASS" };
    if (lower === TEXT_SCORE.FAIL) return { kind: "FAIL" };
    throw invalid(`textScore "${text.slice(0, 40)}" is not on the pass/fail scale: "${TEXT_SCORE.PASS}" or "${TEXT_SCORE.FAIL}" (or "н/а", "осв").`);
  }
  if (scale === "FIVE_POINT") {
    if (/^[1-5]$/.test(text)) return { kind: "NUMERIC", value: Number(text) as 1 | 2 | 3 | 4 | 5 };
    throw invalid(`textScore "${text.slice(0, 40)}" is not on the five-point scale: 1 to 5 (or "н/а", "осв").`);
  }
  if (text.length > 500) throw invalid("A descriptive textScore is at most 500 characters.");
  return { kind: "DESCRIPTIVE", text };
}

function sameMark(a: MarkValue, b: MarkValue): boolean {
  return a.kind === b.kind && (a.kind !== "NUMERIC" || (b.kind === "NUMERIC" && a.value === b.value)) && (a.kind !== "DESCRIPTIVE" || (b.kind === "DESCRIPTIVE" && a.text === b.text));
}

/**
 * The whole cell as a teacher would type it, with one part replaced: the journal writes
 * a cell, not a part, and a double mark «4/5» is two results of one cell.
 */
function cellInput(parts: Map<number, MarkValue>, scale: Scale): string {
  const marks = [...parts.entries()].sort((a, b) => a[0] - b[0]);
  if (marks.some(([part], i) => part !== i + 1)) {
    throw invalid("The first mark of this double mark was removed in the journal: only the teacher can restore it there.");
  }
  const values = marks.map(([, m]) => m);
  if (values.length > 1 && values.some((m) => m.kind !== "NUMERIC")) throw invalid("A double mark holds two numeric marks (like 4/5); the other half of this one is a number.");
  const input = values.map((m) => markSymbol({ kind: m.kind, value: m.kind === "NUMERIC" ? m.value : null, text: m.kind === "DESCRIPTIVE" ? m.text : null })).join("/");
  // the journal reads what a teacher types: a text like «н» would be an absence, not a mark
  const read = parseCellInput(input, scale);
  if (read.type !== "marks" || read.marks.length !== values.length || read.marks.some((m, i) => !sameMark(m, values[i] as MarkValue))) {
    throw invalid(`The journal would not read "${input.slice(0, 40)}" as this mark (a short text may be taken for an attendance code): send a longer descriptive text.`);
  }
  return input;
}

export type PutOutcome = { created: boolean };

export async function putResult(ctx: GradebookContext, sourcedId: string, body: unknown): Promise<PutOutcome> {
  const schoolId = ctx.caller.schoolId;
  const { result } = parseBody(resultBody, body);
  if (result.sourcedId !== undefined && result.sourcedId !== sourcedId) throw invalid(`result.sourcedId "${result.sourcedId.slice(0, 100)}" is not the sourcedId of the path.`);
  if (result.status === "tobedeleted") throw invalid('A result is not removed through the API ("tobedeleted"): a teacher removes a mark in the journal.');

  const lessonId = result.lineItem.sourcedId.toLowerCase();
  const lesson = isUuid(lessonId) ? await db.lesson.findUnique({ where: { schoolId_id: { schoolId, id: lessonId } }, select: lessonSelect }) : null;
  if (!lesson) throw invalid(`lineItem "${result.lineItem.sourcedId.slice(0, 100)}" is not a lesson of this school.`);
  const visible = await visibleStudentIds(ctx.db, ctx.caller);
  const studentId = result.student.sourcedId.toLowerCase();
  const student = isUuid(studentId) && maySee(visible, studentId) ? await db.student.findUnique({ where: { schoolId_id: { schoolId, id: studentId } }, select: { id: true } }) : null;
  if (!student) throw invalid(`student "${result.student.sourcedId.slice(0, 100)}" is not a student of this school.`);

  const id = sourcedId.toLowerCase();
  const existing = isUuid(id) ? await db.mark.findUnique({ where: { schoolId_id: { schoolId, id } }, select: { id: true, lessonId: true, studentId: true, part: true } }) : null;
  const cell = await db.mark.findMany({ where: { schoolId, lessonId: lesson.id, studentId: student.id }, orderBy: { part: "asc" }, select: { id: true, part: true, kind: true, value: true, text: true, removedAt: true } });
  if (existing) {
    if (existing.lessonId !== lesson.id || existing.studentId !== student.id) {
      throw invalid(`Result "${sourcedId}" is the mark of another lineItem or student: a result cannot move to another lesson or student.`);
    }
  } else {
    if (!isUuid(id)) throw invalid(`A new result's sourcedId must be a UUID: every result here is a mark of the journal, keyed by a UUID ("${sourcedId.slice(0, 100)}" is not one).`);
    const first = cell[0];
    if (first) throw invalid(`This student already has result "${first.id}" for this lineItem: PUT to /results/${first.id} to change it.`);
  }

  assertLessonHeld(lesson);
  const member = await db.cohortMembership.count({
    where: { schoolId, cohortId: lesson.cohortId, studentId: student.id, startDate: { lte: lesson.date }, OR: [{ endDate: null }, { endDate: { gte: lesson.date } }] },
  });
  if (!member) throw invalid(`The student was not in class ${lesson.cohort.name} (${scheduledClassId(lesson.cohortId, lesson.subjectId)}) on the lesson's date, ${dateToDay(lesson.date)}.`);
  const closed = await closedOn(schoolId, lesson);
  if (closed) throw invalid(`Nothing can be written: ${closed}.`);

  const facts = await loadSchoolFacts(ctx.db, schoolId);
  const scale = scaleOn(facts, lesson.cohortId, lesson.subjectId, dateToDay(lesson.date));
  const mark = markOf(result, scale);
  const parts = new Map<number, MarkValue>();
  for (const m of cell) {
    if (m.removedAt) continue;
    parts.set(m.part, markFromRow(m));
  }
  parts.set(existing?.part ?? 1, mark);
  const input = cellInput(parts, scale);

  const teacher = await signingTeacher({ ...lesson, parentId: lesson.cohort.parentId }, schoolId);
  try {
    await recordCell(teacher, {
      lessonId: lesson.id, studentId: student.id, input,
      reason: viaClient(ctx.caller.name),
      ...(existing ? {} : { newMarkId: id }),
    });
  } catch (error) {
    journalRefusal(error);
  }
  return { created: !existing };
}

// ───────────────────────────── PUT /lineItems/{sourcedId} ─────────────────────────────

export async function putLineItem(ctx: GradebookContext, sourcedId: string, body: unknown): Promise<PutOutcome> {
  const schoolId = ctx.caller.schoolId;
  const { lineItem } = parseBody(lineItemBody, body);
  const id = sourcedId.toLowerCase();
  const lesson = isUuid(id) ? await db.lesson.findUnique({ where: { schoolId_id: { schoolId, id } }, select: lessonSelect }) : null;
  if (!lesson) {
    throw invalid(`This provider does not create lineItems: every lineItem is a lesson of the journal's timetable, and "${sourcedId.slice(0, 100)}" is not one. Only the title and the category of an existing lineItem can be changed.`);
  }
  if (lineItem.sourcedId !== undefined && lineItem.sourcedId.toLowerCase() !== id) throw invalid(`lineItem.sourcedId "${lineItem.sourcedId.slice(0, 100)}" is not the sourcedId of the path.`);
  if (lineItem.status === "tobedeleted") throw invalid('A lineItem is not removed through the API ("tobedeleted"): it is a lesson of the timetable.');
  const classId = scheduledClassId(lesson.cohortId, lesson.subjectId);
  if (lineItem.class && lineItem.class.sourcedId.toLowerCase() !== classId) throw invalid(`A lineItem cannot move to another class: this one is of class "${classId}".`);
  if (lineItem.school && lineItem.school.sourcedId.toLowerCase() !== schoolId) throw invalid(`A lineItem cannot move to another school: this one is of school "${schoolId}".`);
  const day = dateToDay(lesson.date);
  for (const [field, value] of [["assignDate", lineItem.assignDate], ["dueDate", lineItem.dueDate]] as const) {
    if (value !== undefined && value.slice(0, 10) !== day) throw invalid(`${field} is the lesson's date, ${day}: a lesson is moved in the timetable, not through the API.`);
  }

  const facts = await loadSchoolFacts(ctx.db, schoolId);
  const currentTitle = lineItemTitle(lesson);
  const title = lineItem.title?.trim();
  if (title !== undefined && title === "") throw invalid("title cannot be empty.");
  if (title !== undefined && title.length > 500) throw invalid("title is at most 500 characters (it is the lesson's topic).");
  const newTopic = title !== undefined && title !== currentTitle ? title : null;

  const currentCategory = lesson.workTypeId ?? facts.defaultWorkTypeId;
  const categoryId = lineItem.category?.sourcedId.toLowerCase();
  let newWorkType: string | null = null;
  if (categoryId !== undefined && categoryId !== currentCategory) {
    const wt = isUuid(categoryId) ? await db.workType.findUnique({ where: { schoolId_id: { schoolId, id: categoryId } }, select: { id: true, archived: true } }) : null;
    if (!wt) throw invalid(`category "${lineItem.category?.sourcedId.slice(0, 100)}" is not a category of this school (see /categories).`);
    if (wt.archived) throw invalid(`category "${wt.id}" is no longer used by the school (status tobedeleted).`);
    newWorkType = wt.id;
  }
  if (newTopic === null && newWorkType === null) return { created: false };

  assertLessonHeld(lesson);
  const closed = await closedOn(schoolId, lesson);
  if (closed) throw invalid(`Nothing can be changed: ${closed}.`);
  const teacher = await signingTeacher({ ...lesson, parentId: lesson.cohort.parentId }, schoolId);
  try {
    if (newWorkType !== null) await setLessonWorkType(teacher, { lessonId: lesson.id, workTypeId: newWorkType, via: viaClient(ctx.caller.name) });
    if (newTopic !== null) {
      await updateLesson(teacher, { lessonId: lesson.id, topic: newTopic, lessonType: lesson.lessonType, status: lesson.status === "HELD" ? "HELD" : "PLANNED" });
    }
  } catch (error) {
    journalRefusal(error);
  }
  return { created: false };
}
