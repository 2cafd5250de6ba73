/**
 * The import of exam results (R6) from the regional exam centre's file: every row is
 * checked against the school (the student by name and date of birth, the subject by its
 * name, the year's scale for that exam and subject), then either nothing is written and
 * every bad row is listed, or all rows are applied in one transaction. A result is unique
 * by student, subject, exam and day: the same file again changes nothing, a changed score
 * updates the row and raises its version. The time the school received the file from
 * the exam centre is given by the administrator (it starts the 24 hours of R6); results
 * are published at once (the import's own time) and each new or changed one goes to the
 * child's guardians as EXAM_RESULT. Two imports of one file at once: the second is
 * refused by the database's unique key and writes nothing.
 */
import "server-only";
import { createHash } from "node:crypto";

import type { SubjectKind } from "@/generated/prisma/enums";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/server";
import { AppError } from "@/lib/errors";
import { newId, personLabel, type ImportCounts, type RowResult, type Tx } from "@/lib/imports/common";
import type { RowError } from "@/lib/imports/row-check";
import { readSheet } from "@/lib/imports/table";
import { nameKey } from "@/lib/imports/values";
import { notifyExamResult } from "@/lib/notify/producers";
import { isUniqueViolation } from "@/lib/people/unique";
import { dateToDay, dayToDate, formatDateTime, formatDayRu, schoolToday } from "@/lib/time";
import { parseReceivedAt, readExamSheet, type ExamRowInput } from "@/lib/exams/file";
import { INFORM_WITHIN_MS } from "@/lib/exams/informed";
import { EXAM_KIND_SHORT, markFor, subjectKindsOf, type ExamResultFacts } from "@/lib/exams/scale";

/** An exam centre's file is small: a school's ninth grade. */
export const MAX_EXAM_FILE_BYTES = 1024 * 1024;

export type ExamPlanRow = ExamResultFacts & {
  line: number;
  /** the student as the file names them, when that differs (e.g. a patronymic the school lacks) */
  fileStudent: string | null;
  result: RowResult;
  /** for an update: what the school had */
  before: { score: number; mark: number } | null;
};

export type ExamImportReport = {
  fileName: string;
  /** PREVIEW: checked, nothing written; APPLIED: written; REJECTED: bad rows, nothing written */
  status: "PREVIEW" | "APPLIED" | "REJECTED";
  counts: ImportCounts;
  rows: ExamPlanRow[];
  errors: RowError[];
  /** messages put in the outbox (APPLIED) */
  messages: number;
  /** when the school received the file (the start of the 24 hours) */
  receivedAt: Date;
  /** publishing now is more than 24 hours after the receipt */
  publishLate: boolean;
};

/** The import's field for the receipt time; its errors are shown next to it. */
export const RECEIVED_FIELD = "receivedAt";

const SUBJECT_KIND_RU: Record<SubjectKind, string> = {
  SUBJECT: "учебный предмет", COURSE: "курс", CORRECTION: "коррекционный курс", VOCATIONAL: "профобучение",
};

type Planned = ExamPlanRow & { studentId: string; subjectId: string; yearId: string; existingId: string | null };

const ZERO = { created: 0, updated: 0, unchanged: 0 };

function countResults(rows: readonly { result: RowResult }[]): ImportCounts {
  const c = { ...ZERO };
  for (const r of rows) c[r.result] += 1;
  return c;
}

function studentKey(lastName: string, firstName: string, birthDate: string): string {
  return `${nameKey(lastName)}|${nameKey(firstName)}|${birthDate}`;
}

/** Every row of the file against what the school has; the plan of each good row, or the errors. */
export async function planExamRows(tx: Tx, schoolId: string, input: readonly ExamRowInput[]): Promise<{ plan: Planned[]; errors: RowError[] }> {
  const students = await tx.student.findMany({
    where: { schoolId },
    select: {
      id: true, lastName: true, firstName: true, middleName: true, birthDate: true,
      memberships: {
        where: { endDate: null, cohort: { kind: "CLASS" } }, orderBy: { startDate: "desc" }, take: 1,
        select: { cohort: { select: { name: true } } },
      },
    },
  });
  const byKey = new Map<string, typeof students>();
  for (const s of students) {
    const k = studentKey(s.lastName, s.firstName, dateToDay(s.birthDate));
    byKey.set(k, [...(byKey.get(k) ?? []), s]);
  }
  const subjects = await tx.subject.findMany({ where: { schoolId }, select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } });
  // names differing only in case or «ё» are one name to a person: the exam's kind tells them apart
  const subjectsByName = new Map<string, typeof subjects>();
  for (const s of subjects) subjectsByName.set(nameKey(s.name), [...(subjectsByName.get(nameKey(s.name)) ?? []), s]);
  const years = await tx.academicYear.findMany({ where: { schoolId }, select: { id: true, name: true, startDate: true, endDate: true } });
  const scales = await tx.examScale.findMany({ where: { schoolId }, select: { yearId: true, kind: true, subjectId: true, maxScore: true, min3: true, min4: true, min5: true } });
  const scaleOf = new Map(scales.map((s) => [`${s.yearId}|${s.kind}|${s.subjectId}`, s]));

  const errors: RowError[] = [];
  const matched: { row: ExamRowInput; student: (typeof students)[number]; subject: { id: string; name: string }; year: (typeof years)[number]; scale: (typeof scales)[number] }[] = [];
  for (const row of input) {
    const fail = (column: string, value: string, message: string) => errors.push({ line: row.line, column, value, message });
    const fileName = personLabel({ lastName: row.lastName, firstName: row.firstName, middleName: row.middleName || null });
    const candidates = (byKey.get(studentKey(row.lastName, row.firstName, row.birthDate)) ?? [])
      // without a patronymic in the file, name and date of birth decide; a school record
      // without one matches a file row with one
      .filter((s) => row.middleName === "" || !s.middleName?.trim() || nameKey(s.middleName) === nameKey(row.middleName));
    const student = candidates.length === 1 ? candidates[0] : undefined;
    if (candidates.length === 0) {
      fail("Фамилия", fileName, `Ученика «${fileName}», родившегося ${formatDayRu(row.birthDate)}, в школе нет. Проверьте ФИО и дату рождения.`);
    } else if (candidates.length > 1 && row.middleName === "") {
      fail("Отчество", row.middleName, `Под «${fileName}», ${formatDayRu(row.birthDate)} г. р., в школе ${candidates.length} ученика. Укажите отчество, чтобы различить их.`);
    } else if (candidates.length > 1) {
      fail("Отчество", row.middleName, `Под «${fileName}», ${formatDayRu(row.birthDate)} г. р., подходят ${candidates.length} ученика школы: ${candidates.map((c) => `«${personLabel(c)}»`).join(" и ")}. Впишите отчество в карточку ученика, у которого его нет, или проверьте дату рождения.`);
    }
    const named = subjectsByName.get(nameKey(row.subject)) ?? [];
    const fitting = named.filter((s) => (subjectKindsOf(row.kind) as SubjectKind[]).includes(s.kind));
    const pool = named.length > 1 && fitting.length > 0 ? fitting : named;
    const subject = pool.length === 1 ? pool[0] : undefined;
    if (pool.length === 0) fail("Предмет", row.subject, `Предмета «${row.subject}» в школе нет. Напишите его так, как он назван в учебном плане.`);
    if (pool.length > 1) {
      fail("Предмет", row.subject, `В школе несколько предметов с таким названием: ${pool.map((s) => `«${s.name}» (${SUBJECT_KIND_RU[s.kind]})`).join(" и ")}. Для ${EXAM_KIND_SHORT[row.kind]} не понятно, какой из них. Переименуйте один из них в учебном плане.`);
    }
    const year = years.find((y) => dateToDay(y.startDate) <= row.examDate && row.examDate <= dateToDay(y.endDate));
    if (!year) fail("Дата экзамена", formatDayRu(row.examDate), "Эта дата не попадает ни в один учебный год школы.");
    const scale = year && subject ? scaleOf.get(`${year.id}|${row.kind}|${subject.id}`) : undefined;
    if (year && subject && !scale) {
      fail("Предмет", row.subject, `Для предмета «${subject.name}» нет шкалы перевода баллов ${EXAM_KIND_SHORT[row.kind]} на ${year.name} учебный год. Введите её на этой странице.`);
    }
    if (scale && row.score > scale.maxScore) {
      fail("Первичный балл", String(row.score), `Балл больше максимального: ${EXAM_KIND_SHORT[row.kind]} по предмету «${subject?.name ?? row.subject}» — не больше ${scale.maxScore}.`);
    }
    if (student && subject && year && scale && row.score <= scale.maxScore) matched.push({ row, student, subject, year, scale });
  }
  if (errors.length > 0) return { plan: [], errors: errors.sort((a, b) => a.line - b.line) };

  // the same result twice under different spellings of one student or subject
  const seen = new Map<string, number>();
  for (const m of matched) {
    const k = `${m.student.id}|${m.subject.id}|${m.row.kind}|${m.row.examDate}`;
    const first = seen.get(k);
    if (first !== undefined) errors.push({ line: m.row.line, column: "Предмет", value: m.row.subject, message: `Этот результат уже есть в строке ${first} этого файла.` });
    else seen.set(k, m.row.line);
  }
  if (errors.length > 0) return { plan: [], errors };

  const existing = matched.length === 0 ? [] : await tx.examResult.findMany({
    where: { schoolId, studentId: { in: [...new Set(matched.map((m) => m.student.id))] } },
    select: { id: true, studentId: true, subjectId: true, kind: true, examDate: true, primaryScore: true, maxScore: true, mark: true, publishedAt: true },
  });
  const existingOf = new Map(existing.map((e) => [`${e.studentId}|${e.subjectId}|${e.kind}|${dateToDay(e.examDate)}`, e]));
  const plan = matched.map((m): Planned => {
    const mark = markFor(m.row.score, m.scale) ?? 2;
    const was = existingOf.get(`${m.student.id}|${m.subject.id}|${m.row.kind}|${m.row.examDate}`);
    const same = was && was.primaryScore === m.row.score && was.maxScore === m.scale.maxScore && was.mark === mark && was.publishedAt !== null;
    const inSchool = personLabel(m.student);
    const inFile = personLabel({ lastName: m.row.lastName, firstName: m.row.firstName, middleName: m.row.middleName || null });
    return {
      line: m.row.line,
      student: inSchool,
      fileStudent: nameKey(inSchool) === nameKey(inFile) ? null : inFile,
      className: m.student.memberships[0]?.cohort.name ?? null,
      exam: m.row.kind,
      subject: m.subject.name,
      examDate: m.row.examDate,
      score: m.row.score,
      maxScore: m.scale.maxScore,
      mark,
      result: !was ? "created" : same ? "unchanged" : "updated",
      before: was && !same ? { score: was.primaryScore, mark: was.mark } : null,
      studentId: m.student.id,
      subjectId: m.subject.id,
      yearId: m.year.id,
      existingId: was?.id ?? null,
    };
  });
  return { plan, errors: [] };
}

function publicRow(r: Planned): ExamPlanRow {
  const { studentId: _s, subjectId: _u, yearId: _y, existingId: _e, ...rest } = r;
  return rest;
}

/** Thrown inside the transaction so that it rolls back; carries the row errors out. */
class Rejected extends Error {
  constructor(readonly errors: RowError[]) {
    super("rejected");
  }
}

/**
 * The file and when the school received it from the exam centre: the text of the form's
 * field (a local date and time in the school's zone) or an instant.
 */
type FileInput = { fileName: string; bytes: Uint8Array; receivedAt: string | Date };

function refuseReceived(message: string): never {
  throw new AppError("BAD_INPUT", message, { [RECEIVED_FIELD]: [message] });
}

/** The receipt time: readable, not in the future, not before any exam of the file. */
function receivedAtOf(p: Principal, value: string | Date, rows: readonly ExamRowInput[], now: Date): Date {
  const at = value instanceof Date ? value : parseReceivedAt(value, p.timeZone);
  if (value === "" || (typeof value === "string" && value.trim() === "")) refuseReceived("Укажите, когда школа получила файл от РЦОИ: дату и время.");
  if (!at || Number.isNaN(at.getTime())) refuseReceived("Дата и время получения не распознаны. Пишите так: 05.06.2026 14:30.");
  if (at.getTime() > now.getTime()) refuseReceived(`Это время ещё не наступило (сейчас ${formatDateTime(now, p.timeZone)}). Укажите, когда файл пришёл на самом деле.`);
  const day = schoolToday(p.timeZone, at);
  const later = rows.filter((r) => r.examDate > day).sort((a, b) => b.examDate.localeCompare(a.examDate))[0];
  if (later) {
    refuseReceived(`Файл не мог прийти раньше экзамена: в строке ${later.line} экзамен ${formatDayRu(later.examDate)}, а получение указано ${formatDayRu(day)}. Проверьте дату получения.`);
  }
  return at;
}

async function readRows(p: Principal, input: FileInput): Promise<{ fileName: string; fileHash: string; rows: ExamRowInput[]; errors: RowError[] }> {
  if (input.bytes.byteLength === 0) throw new AppError("BAD_INPUT", "Файл пустой.", { file: ["Файл пустой."] });
  if (input.bytes.byteLength > MAX_EXAM_FILE_BYTES) throw new AppError("BAD_INPUT", "Файл больше 1 МБ: это не файл результатов одной школы.", { file: ["Файл больше 1 МБ."] });
  const fileName = input.fileName.slice(0, 200) || "без имени";
  const fileHash = createHash("sha256").update(input.bytes).digest("hex");
  const sheet = await readSheet(fileName, input.bytes);
  if (sheet.headers.length === 0 || sheet.rows.length === 0) {
    throw new AppError("BAD_INPUT", "В файле нет строк с результатами: первая строка — заголовки, со второй — результаты.", { file: ["В файле нет данных."] });
  }
  const read = readExamSheet(sheet, schoolToday(p.timeZone));
  return { fileName, fileHash, ...read };
}

async function logRejected(p: Principal, run: { fileName: string; fileHash: string }, errors: RowError[]): Promise<void> {
  await db.importRun.create({
    data: { schoolId: p.schoolId, kind: "EXAM_RESULTS", fileName: run.fileName, fileHash: run.fileHash, status: "REJECTED", errors: errors.slice(0, 1000), actorUserId: p.userId },
  });
}

/** Checks the file and tells what an import would do; writes nothing but the log of a refused file. */
export async function previewExamImport(p: Principal, input: FileInput, now: Date = new Date()): Promise<ExamImportReport> {
  assertCan(p, "exams.manage");
  const file = await readRows(p, input);
  const receivedAt = receivedAtOf(p, input.receivedAt, file.rows, now);
  const timing = { receivedAt, publishLate: now.getTime() - receivedAt.getTime() > INFORM_WITHIN_MS };
  const checked = await db.$transaction((tx) => checkFile(tx, p.schoolId, file));
  if (checked.errors.length > 0) {
    await logRejected(p, file, checked.errors);
    return { fileName: file.fileName, status: "REJECTED", counts: ZERO, rows: [], errors: checked.errors, messages: 0, ...timing };
  }
  const rows = checked.plan.map(publicRow);
  return { fileName: file.fileName, status: "PREVIEW", counts: countResults(rows), rows, errors: [], messages: 0, ...timing };
}

/** The mistakes of the file itself and those against the school, in the order of the lines. */
async function checkFile(tx: Tx, schoolId: string, file: { rows: ExamRowInput[]; errors: RowError[] }): Promise<{ plan: Planned[]; errors: RowError[] }> {
  const checked = await planExamRows(tx, schoolId, file.rows);
  const errors = [...file.errors, ...checked.errors].sort((a, b) => a.line - b.line);
  return errors.length > 0 ? { plan: [], errors } : checked;
}

/**
 * Checks the file again and applies it in one transaction, or changes nothing. A new or
 * changed result is received at the given time and published at the import's; an
 * unchanged one keeps both. Each new or changed one is announced to the family in the
 * same transaction.
 */
export async function applyExamImport(p: Principal, input: FileInput, now: Date = new Date()): Promise<ExamImportReport> {
  assertCan(p, "exams.manage");
  const file = await readRows(p, input);
  const receivedAt = receivedAtOf(p, input.receivedAt, file.rows, now);
  const timing = { receivedAt, publishLate: now.getTime() - receivedAt.getTime() > INFORM_WITHIN_MS };
  try {
    const done = await db.$transaction(
      async (tx) => {
        const { plan, errors } = await checkFile(tx, p.schoolId, file);
        if (errors.length > 0) throw new Rejected(errors);
        const counts = countResults(plan);
        const runId = newId();
        await tx.importRun.create({
          data: { schoolId: p.schoolId, id: runId, kind: "EXAM_RESULTS", fileName: file.fileName, fileHash: file.fileHash, status: "APPLIED", ...counts, actorUserId: p.userId, at: now },
        });
        let messages = 0;
        for (const r of plan) {
          if (r.result === "unchanged") continue;
          const values = { yearId: r.yearId, primaryScore: r.score, maxScore: r.maxScore, mark: r.mark, receivedAt, publishedAt: now, importRunId: runId };
          let id: string;
          // every result and every change of one is in the audit history, as marks are
          const shown = { exam: r.exam, examDate: r.examDate, primaryScore: r.score, maxScore: r.maxScore, mark: r.mark };
          if (r.existingId) {
            id = r.existingId;
            await tx.examResult.update({ where: { schoolId_id: { schoolId: p.schoolId, id } }, data: { ...values, version: { increment: 1 } } });
            await tx.auditEvent.create({
              data: {
                schoolId: p.schoolId, entity: "EXAM_RESULT", entityId: id, studentId: r.studentId, action: "UPDATE", actorUserId: p.userId, at: now,
                oldValue: r.before ? { exam: r.exam, examDate: r.examDate, primaryScore: r.before.score, mark: r.before.mark } : undefined,
                newValue: shown, reason: `import ${runId}`,
              },
            });
          } else {
            id = newId();
            await tx.examResult.create({
              data: { schoolId: p.schoolId, id, studentId: r.studentId, subjectId: r.subjectId, kind: r.exam, examDate: dayToDate(r.examDate), ...values },
            });
            await tx.auditEvent.create({
              data: { schoolId: p.schoolId, entity: "EXAM_RESULT", entityId: id, studentId: r.studentId, action: "CREATE", actorUserId: p.userId, at: now, newValue: shown, reason: `import ${runId}` },
            });
          }
          messages += await notifyExamResult(tx, { schoolId: p.schoolId, examResultId: id, now });
        }
        return { rows: plan.map(publicRow), counts, messages };
      },
      { timeout: 2 * 60_000, maxWait: 30_000 },
    );
    return { fileName: file.fileName, status: "APPLIED", counts: done.counts, rows: done.rows, errors: [], messages: done.messages, ...timing };
  } catch (error) {
    // another import of the same results committed first: this one rolled back whole
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Этот файл уже загружается или уже загружен — обновите страницу и проверьте.");
    if (!(error instanceof Rejected)) throw error;
    await logRejected(p, file, error.errors);
    return { fileName: file.fileName, status: "REJECTED", counts: ZERO, rows: [], errors: error.errors, messages: 0, ...timing };
  }
}
