/**
 * Homework given at a lesson (issue 4, item 3): for the whole cohort or for one student
 * of it, due on a day not before the lesson, with up to five files (lib/journal/
 * file-check.ts says which). The files are kept in the database and read only through
 * readHomeworkFile, which answers "not found" to anyone who may not see the homework.
 */
import "server-only";
import { createHash } from "node:crypto";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal, Role } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { hasRole } from "@/lib/auth/principal";
import { journalReadableBy, journalWritableBy, studentsVisibleTo } from "@/lib/auth/scope";
import { assertId } from "@/lib/people/students";
import { findLesson, lessonWriteRefusal } from "@/lib/journal/lesson";
import { checkHomeworkFile, formatFileSize, MAX_HOMEWORK_FILES, MAX_HOMEWORK_FILES_BYTES, type CheckedFile } from "@/lib/journal/file-check";
import { dateToDay, dayToDate, formatDayRu, parseDay } from "@/lib/time";
import { notifyHomework } from "@/lib/notify/producers";

/** A file as uploaded: the name the browser sent and the bytes. */
export type UploadedFile = { name: string; bytes: Uint8Array };

export type HomeworkInput = { lessonId: string; text: string; dueDate: string; studentId?: string | undefined; files?: UploadedFile[] | undefined };

/** Every file checked before anything is saved: one refused file refuses the homework. */
function checkFiles(files: UploadedFile[]): (CheckedFile & { bytes: Uint8Array })[] {
  if (files.length > MAX_HOMEWORK_FILES) throw bad("files", `Файлы: не больше ${MAX_HOMEWORK_FILES} к одному заданию, а выбрано ${files.length}.`);
  const total = files.reduce((s, f) => s + f.bytes.length, 0);
  if (total > MAX_HOMEWORK_FILES_BYTES) {
    throw bad("files", `Файлы вместе больше 5 МБ (${formatFileSize(total)}). Уменьшите их или прикрепите часть.`);
  }
  const reasons: string[] = [];
  const checked: (CheckedFile & { bytes: Uint8Array })[] = [];
  for (const f of files) {
    const c = checkHomeworkFile(f.name, f.bytes);
    if (c.ok) checked.push({ ...c.file, bytes: f.bytes });
    else reasons.push(c.reason);
  }
  if (reasons.length > 0) throw new AppError("BAD_INPUT", "Задание не сохранено: файл не принят.", { files: reasons });
  return checked;
}

function bad(field: string, message: string): AppError {
  return new AppError("BAD_INPUT", message, { [field]: [message] });
}

export async function addHomework(p: Principal, h: HomeworkInput): Promise<{ id: string }> {
  assertCan(p, "journal.write");
  const staffId = p.staffId;
  if (!staffId) throw new AppError("FORBIDDEN");
  const lesson = await findLesson(p, h.lessonId);
  if (!(await db.cohort.count({ where: journalReadableBy(p, lesson.cohortId, lesson.subjectId) }))) throw new AppError("NOT_FOUND", "Урок не найден.");
  const refusal = await lessonWriteRefusal(p, lesson);
  if (refusal) throw refusal;
  const text = h.text.trim();
  if (!text) throw bad("text", "Напишите, что задано на дом.");
  if (text.length > 2000) throw bad("text", "Домашнее задание слишком длинное: не больше 2000 знаков.");
  const due = parseDay(h.dueDate);
  if (!due) throw bad("dueDate", "Срок выполнения: такой даты нет. Напишите её как 05.12.2026.");
  const lessonDay = dateToDay(lesson.date);
  if (due < lessonDay) throw bad("dueDate", `Срок выполнения не может быть раньше дня урока (${formatDayRu(lessonDay)}).`);
  let studentId: string | null = null;
  if (h.studentId) {
    const wrong = "Этот ученик не учился в классе в день урока: выберите ученика из списка.";
    try {
      assertId(h.studentId);
    } catch {
      throw bad("studentId", wrong);
    }
    const member = await db.cohortMembership.count({
      where: { schoolId: p.schoolId, cohortId: lesson.cohortId, studentId: h.studentId, startDate: { lte: lesson.date }, OR: [{ endDate: null }, { endDate: { gte: lesson.date } }] },
    });
    if (!member) throw bad("studentId", wrong);
    studentId = h.studentId;
  }
  const files = checkFiles(h.files ?? []);
  return db.$transaction(async (tx) => {
    const created = await tx.homework.create({
      data: { schoolId: p.schoolId, lessonId: lesson.id, cohortId: lesson.cohortId, subjectId: lesson.subjectId, studentId, text, dueDate: dayToDate(due), authorId: staffId },
      select: { id: true },
    });
    for (const f of files) {
      await tx.homeworkFile.create({
        data: {
          schoolId: p.schoolId, homeworkId: created.id, fileName: f.fileName, mimeType: f.mimeType, size: f.size,
          sha256: createHash("sha256").update(f.bytes).digest("hex"), data: new Uint8Array(f.bytes),
        },
        select: { id: true },
      });
    }
    await notifyHomework(tx, { schoolId: p.schoolId, homeworkId: created.id });
    return created;
  });
}

/** Removes homework: its author or a teacher of the subject there, while the period is open. */
export async function removeHomework(p: Principal, homeworkId: string): Promise<void> {
  assertCan(p, "journal.write");
  assertId(homeworkId);
  const hw = await db.homework.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: homeworkId } },
    select: { id: true, lessonId: true, cohortId: true, subjectId: true, authorId: true },
  });
  if (!hw) throw new AppError("NOT_FOUND", "Задание не найдено.");
  const isAuthor = hw.authorId === p.staffId;
  const teaches = (await db.cohort.count({ where: journalWritableBy(p, hw.cohortId, hw.subjectId) })) > 0;
  if (!isAuthor && !teaches) {
    if (!(await db.cohort.count({ where: journalReadableBy(p, hw.cohortId, hw.subjectId) }))) throw new AppError("NOT_FOUND", "Задание не найдено.");
    throw new AppError("FORBIDDEN", "Удалить задание может его автор или учитель этого предмета.");
  }
  if (hw.lessonId) {
    const lesson = await findLesson(p, hw.lessonId);
    const refusal = await lessonWriteRefusal(p, lesson);
    // the author who no longer teaches there is let through; a closed period is not
    if (refusal && refusal.code !== "FORBIDDEN") throw refusal;
  }
  await db.homework.delete({ where: { schoolId_id: { schoolId: p.schoolId, id: hw.id } } });
}

/** How many homework items were given at each of these lessons (the journal's lesson list). */
export async function countHomeworkByLesson(p: Principal, lessonIds: string[]): Promise<Record<string, number>> {
  assertCan(p, "journal.read");
  if (lessonIds.length === 0) return {};
  const rows = await db.homework.groupBy({
    by: ["lessonId"],
    where: { schoolId: p.schoolId, lessonId: { in: lessonIds } },
    _count: { _all: true },
  });
  const out: Record<string, number> = {};
  for (const r of rows) if (r.lessonId) out[r.lessonId] = r._count._all;
  return out;
}

export type HomeworkFileInfo = { id: string; fileName: string; mimeType: string; size: number };

type HomeworkRow = { id: string; cohortId: string; subjectId: string; studentId: string | null; dueDate: Date; createdAt: Date; lesson: { date: Date } | null };

const HOMEWORK_ROW = {
  id: true, cohortId: true, subjectId: true, studentId: true, dueDate: true, createdAt: true, lesson: { select: { date: true } },
} as const;

/**
 * Which of these homework items the user may see: the journal's readers (its teachers,
 * the class teacher, the administration), and the family of a student who was in the
 * cohort while the homework ran (for an individual homework, only that student's).
 */
async function visibleHomework(p: Principal, rows: HomeworkRow[]): Promise<Set<string>> {
  const visible = new Set<string>();
  if (rows.length === 0) return visible;
  if (hasRole(p, "ADMIN") || hasRole(p, "TEACHER")) {
    const pairs = new Map<string, { cohortId: string; subjectId: string }>();
    for (const r of rows) pairs.set(`${r.cohortId}:${r.subjectId}`, { cohortId: r.cohortId, subjectId: r.subjectId });
    for (const [key, j] of pairs) {
      if (!(await db.cohort.count({ where: journalReadableBy(p, j.cohortId, j.subjectId) }))) continue;
      for (const r of rows) if (`${r.cohortId}:${r.subjectId}` === key) visible.add(r.id);
    }
  }
  // a teacher who is also a parent sees as a parent only their own children
  const familyRoles = p.roles.filter((r): r is Role => r === "GUARDIAN" || r === "STUDENT");
  const rest = rows.filter((r) => !visible.has(r.id));
  if (familyRoles.length > 0 && rest.length > 0) {
    const cohortIds = [...new Set(rest.map((r) => r.cohortId))];
    const students = await db.student.findMany({
      where: { AND: [studentsVisibleTo({ ...p, roles: familyRoles }), { memberships: { some: { cohortId: { in: cohortIds } } } }] },
      select: { id: true, memberships: { where: { cohortId: { in: cohortIds } }, select: { cohortId: true, startDate: true, endDate: true } } },
    });
    for (const r of rest) {
      const given = r.lesson?.date ?? dayToDate(dateToDay(r.createdAt));
      const ok = students.some(
        (s) => (r.studentId === null || s.id === r.studentId)
          && s.memberships.some((m) => m.cohortId === r.cohortId && m.startDate <= r.dueDate && (m.endDate === null || m.endDate >= given)),
      );
      if (ok) visible.add(r.id);
    }
  }
  return visible;
}

function canReadHomework(p: Principal): boolean {
  return p.roles.some((r) => r === "ADMIN" || r === "TEACHER" || r === "GUARDIAN" || r === "STUDENT");
}

/**
 * The files of these homework items, by homework id, for everyone who may see the
 * homework (the lesson page; the family's diary). Items the user may not see, or that do
 * not exist, are left out; the content is not read.
 */
export async function listHomeworkFiles(p: Principal, homeworkIds: string[]): Promise<Record<string, HomeworkFileInfo[]>> {
  const ids = [...new Set(homeworkIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!canReadHomework(p) || ids.length === 0) return {};
  const rows = await db.homework.findMany({ where: { schoolId: p.schoolId, id: { in: ids } }, select: HOMEWORK_ROW });
  const visible = await visibleHomework(p, rows);
  if (visible.size === 0) return {};
  const files = await db.homeworkFile.findMany({
    where: { schoolId: p.schoolId, homeworkId: { in: [...visible] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, homeworkId: true, fileName: true, mimeType: true, size: true },
  });
  const out: Record<string, HomeworkFileInfo[]> = {};
  for (const id of visible) out[id] = [];
  for (const f of files) out[f.homeworkId]?.push({ id: f.id, fileName: f.fileName, mimeType: f.mimeType, size: f.size });
  return out;
}

/** One file with its content, for the download route: NOT_FOUND unless the user may see its homework. */
export async function readHomeworkFile(p: Principal, fileId: string): Promise<HomeworkFileInfo & { data: Uint8Array }> {
  const missing = new AppError("NOT_FOUND", "Файл не найден.");
  if (!canReadHomework(p)) throw missing;
  try {
    assertId(fileId);
  } catch {
    throw missing;
  }
  const file = await db.homeworkFile.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: fileId } },
    select: { id: true, fileName: true, mimeType: true, size: true, homework: { select: HOMEWORK_ROW } },
  });
  if (!file || !(await visibleHomework(p, [file.homework])).has(file.homework.id)) throw missing;
  const content = await db.homeworkFile.findUniqueOrThrow({ where: { schoolId_id: { schoolId: p.schoolId, id: file.id } }, select: { data: true } });
  return { id: file.id, fileName: file.fileName, mimeType: file.mimeType, size: file.size, data: content.data };
}
