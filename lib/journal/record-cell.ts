/**
 * Writing one cell of the journal: what a teacher typed for one student in one lesson
 * (issue 4). The input is parsed on the student's scale by lib/grading; the write is
 * refused with a Russian reason when the teacher does not teach that subject there, the
 * student is not in the cohort that day, the period is closed or the year is closed.
 * Every change of a mark or an attendance record is written to the audit history in the
 * same transaction; nothing is deleted (a cleared mark keeps its row with removedAt).
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { journalReadableBy, journalWritableBy } from "@/lib/auth/scope";
import { shortName } from "@/lib/people/names";
import { assertId } from "@/lib/people/students";
import { assertDayOpen } from "@/lib/school/year-guard";
import { markRow, parseCellInput, type Scale } from "@/lib/grading/marks";
import { dateToDay } from "@/lib/time";
import type { Prisma } from "@/generated/prisma/client";
import { notifyCellMarks } from "@/lib/notify/producers";

export type CellWrite = {
  lessonId: string; studentId: string; input: string; workTypeId?: string | undefined;
  /** kept with every audit event of this write: why or through what it came (an API client, lib/oneroster/gradebook-write.ts) */
  reason?: string | undefined;
  /** the id the first mark of the cell gets if it is created now: the sourcedId an API client chose for a new result */
  newMarkId?: string | undefined;
};

export type CellState = {
  marks: { part: number; kind: string; value: number | null; text: string | null; workTypeId: string }[];
  attendance: string | null;
};

type Tx = Prisma.TransactionClient;

async function loadContext(p: Principal, w: CellWrite) {
  const lesson = await db.lesson.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: w.lessonId } },
    select: {
      id: true, date: true, cohortId: true, subjectId: true, status: true, workTypeId: true,
      cohort: { select: { grade: true, parentId: true } },
    },
  });
  if (!lesson) throw new AppError("NOT_FOUND", "Урок не найден.");
  const writable = await db.cohort.count({ where: journalWritableBy(p, lesson.cohortId, lesson.subjectId) });
  if (!writable) throw new AppError("FORBIDDEN", "Вы не ведёте этот предмет в этом классе: отметку поставить нельзя.");
  const day = dateToDay(lesson.date);
  if (lesson.status === "CANCELLED" || lesson.status === "MOVED") {
    throw new AppError("CONFLICT", "Урок отменён или перенесён: отметки ставятся на проведённом уроке.");
  }
  const member = await db.cohortMembership.count({
    where: { schoolId: p.schoolId, cohortId: lesson.cohortId, studentId: w.studentId, startDate: { lte: lesson.date }, OR: [{ endDate: null }, { endDate: { gte: lesson.date } }] },
  });
  if (!member) throw new AppError("BAD_INPUT", "Этот ученик не учился в классе в день урока.");
  await assertDayOpen(p, day);
  const closed = await db.period.findFirst({
    where: {
      schoolId: p.schoolId, kind: { not: "YEAR" }, closedAt: { not: null }, startDate: { lte: lesson.date }, endDate: { gte: lesson.date },
      gradeFrom: { lte: lesson.cohort.grade }, gradeTo: { gte: lesson.cohort.grade },
    },
    select: { name: true },
  });
  if (closed) throw new AppError("PERIOD_CLOSED", `${closed.name} закрыта для изменений. Открыть её может администратор.`);
  // the scale of the subject in this cohort (or, for a group, in its class) on that day
  const item = await db.curriculumItem.findFirst({
    where: {
      schoolId: p.schoolId, subjectId: lesson.subjectId, cohortId: { in: [lesson.cohortId, ...(lesson.cohort.parentId ? [lesson.cohort.parentId] : [])] },
      validFrom: { lte: lesson.date }, OR: [{ validTo: null }, { validTo: { gte: lesson.date } }],
    },
    orderBy: { validFrom: "desc" },
    select: { scale: true },
  });
  const scale: Scale = item?.scale ?? "FIVE_POINT";
  return { lesson, day, scale };
}

async function defaultWorkType(tx: Tx, schoolId: string, lessonWorkType: string | null, given: string | undefined): Promise<string> {
  if (given) {
    assertId(given);
    const wt = await tx.workType.findUnique({ where: { schoolId_id: { schoolId, id: given } }, select: { id: true, archived: true } });
    if (!wt || wt.archived) throw new AppError("BAD_INPUT", "Такого вида работы нет.", { workTypeId: ["Такого вида работы нет."] });
    return wt.id;
  }
  if (lessonWorkType) return lessonWorkType;
  const lessonType = await tx.workType.findFirst({ where: { schoolId, code: "LESSON" }, select: { id: true } });
  const any = lessonType ?? (await tx.workType.findFirst({ where: { schoolId, archived: false }, orderBy: { weight: "asc" }, select: { id: true } }));
  if (!any) throw new AppError("CONFLICT", "В школе не настроены виды работ: обратитесь к администратору.");
  return any.id;
}

export async function recordCell(p: Principal, w: CellWrite): Promise<CellState> {
  assertCan(p, "journal.write");
  assertId(w.lessonId);
  assertId(w.studentId);
  const { lesson, day, scale } = await loadContext(p, w);
  const parsed = parseCellInput(w.input, scale);
  if (parsed.type === "invalid") throw new AppError("BAD_INPUT", parsed.message, { input: [parsed.message] });
  const staffId = p.staffId;
  if (!staffId) throw new AppError("FORBIDDEN");
  const schoolId = p.schoolId;
  const key = { schoolId, lessonId: lesson.id, studentId: w.studentId };

  await db.$transaction(async (tx) => {
    const audit = (entity: "MARK" | "ATTENDANCE", entityId: string, action: "CREATE" | "UPDATE" | "REMOVE" | "RESTORE", oldValue: Prisma.InputJsonObject | null, newValue: Prisma.InputJsonObject | null) =>
      tx.auditEvent.create({
        data: {
          schoolId, entity, entityId, studentId: w.studentId, action, actorUserId: p.userId, reason: w.reason ?? null,
          oldValue: oldValue ?? undefined,
          newValue: newValue ?? undefined,
        },
      });
    const existing = await tx.mark.findMany({ where: key, orderBy: { part: "asc" } });
    const snapshot = (m: { kind: string; value: number | null; text: string | null; workTypeId: string; part: number }) =>
      ({ kind: m.kind, value: m.value, text: m.text, workTypeId: m.workTypeId, part: m.part, lessonDate: day });

    if (parsed.type === "attendance" || parsed.type === "clear") {
      const att = await tx.attendance.findUnique({ where: { schoolId_lessonId_studentId: key } });
      if (parsed.type === "attendance") {
        if (!att) {
          const created = await tx.attendance.create({ data: { ...key, date: lesson.date, code: parsed.code, authorId: staffId } });
          await audit("ATTENDANCE", created.id, "CREATE", null, { code: parsed.code, lessonDate: day });
        } else if (att.removedAt || att.code !== parsed.code) {
          await tx.attendance.update({ where: { schoolId_id: { schoolId, id: att.id } }, data: { code: parsed.code, removedAt: null, authorId: staffId, version: { increment: 1 } } });
          await audit("ATTENDANCE", att.id, att.removedAt ? "RESTORE" : "UPDATE", att.removedAt ? null : { code: att.code }, { code: parsed.code, lessonDate: day });
        }
        return;
      }
      // clearing the cell removes the attendance mark and every mark of it
      if (att && !att.removedAt) {
        await tx.attendance.update({ where: { schoolId_id: { schoolId, id: att.id } }, data: { removedAt: new Date(), version: { increment: 1 } } });
        await audit("ATTENDANCE", att.id, "REMOVE", { code: att.code }, null);
      }
      for (const m of existing.filter((x) => !x.removedAt)) {
        await tx.mark.update({ where: { schoolId_id: { schoolId, id: m.id } }, data: { removedAt: new Date(), version: { increment: 1 } } });
        await audit("MARK", m.id, "REMOVE", snapshot(m), null);
      }
      await notifyCellMarks(tx, { schoolId, lessonId: lesson.id, studentId: w.studentId, before: existing });
      return;
    }

    // the column's work type as it is now, inside the transaction: a teacher may have just
    // changed it (lib/journal/column.ts)
    const current = await tx.lesson.findUnique({ where: { schoolId_id: { schoolId, id: lesson.id } }, select: { workTypeId: true } });
    const workTypeId = await defaultWorkType(tx, schoolId, current?.workTypeId ?? lesson.workTypeId, w.workTypeId);
    for (const [i, mark] of parsed.marks.entries()) {
      const part = i + 1;
      const fields = markRow(mark);
      const old = existing.find((m) => m.part === part);
      const next = { ...fields, workTypeId, part, lessonDate: day };
      if (!old) {
        const created = await tx.mark.create({
          data: { ...(part === 1 && w.newMarkId ? { id: w.newMarkId } : {}), ...key, cohortId: lesson.cohortId, subjectId: lesson.subjectId, date: lesson.date, part, workTypeId, authorId: staffId, ...fields },
        });
        await audit("MARK", created.id, "CREATE", null, next);
      } else if (old.removedAt || old.kind !== fields.kind || old.value !== fields.value || old.text !== fields.text || old.workTypeId !== workTypeId) {
        await tx.mark.update({
          where: { schoolId_id: { schoolId, id: old.id } },
          data: { ...fields, workTypeId, authorId: staffId, removedAt: null, version: { increment: 1 } },
        });
        await audit("MARK", old.id, old.removedAt ? "RESTORE" : "UPDATE", old.removedAt ? null : snapshot(old), next);
      }
    }
    // «5» typed over «4/5»: the second part goes
    for (const m of existing.filter((x) => x.part > parsed.marks.length && !x.removedAt)) {
      await tx.mark.update({ where: { schoolId_id: { schoolId, id: m.id } }, data: { removedAt: new Date(), version: { increment: 1 } } });
      await audit("MARK", m.id, "REMOVE", snapshot(m), null);
    }
    await notifyCellMarks(tx, { schoolId, lessonId: lesson.id, studentId: w.studentId, before: existing });
  });
  return readCell(p.schoolId, lesson.id, w.studentId);
}

async function readCell(schoolId: string, lessonId: string, studentId: string): Promise<CellState> {
  const [marks, att] = await Promise.all([
    db.mark.findMany({ where: { schoolId, lessonId, studentId, removedAt: null }, orderBy: { part: "asc" }, select: { part: true, kind: true, value: true, text: true, workTypeId: true } }),
    db.attendance.findUnique({ where: { schoolId_lessonId_studentId: { schoolId, lessonId, studentId } }, select: { code: true, removedAt: true } }),
  ]);
  return { marks, attendance: att && !att.removedAt ? att.code : null };
}

export type CellHistoryEntry = { at: string; action: string; entity: string; oldValue: unknown; newValue: unknown; actor: string | null; reason: string | null };

/** Everything that happened in one cell, newest first: who, when, old, new. */
export async function listCellHistory(p: Principal, lessonId: string, studentId: string): Promise<CellHistoryEntry[]> {
  assertCan(p, "journal.read");
  assertId(lessonId);
  assertId(studentId);
  const lesson = await db.lesson.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: lessonId } }, select: { cohortId: true, subjectId: true } });
  if (!lesson) throw new AppError("NOT_FOUND");
  if (!(await db.cohort.count({ where: journalReadableBy(p, lesson.cohortId, lesson.subjectId) }))) throw new AppError("NOT_FOUND");
  const [marks, att] = await Promise.all([
    db.mark.findMany({ where: { schoolId: p.schoolId, lessonId, studentId }, select: { id: true } }),
    db.attendance.findMany({ where: { schoolId: p.schoolId, lessonId, studentId }, select: { id: true } }),
  ]);
  const ids = [...marks, ...att].map((r) => r.id);
  if (ids.length === 0) return [];
  const events = await db.auditEvent.findMany({
    where: { schoolId: p.schoolId, entityId: { in: ids } },
    orderBy: { at: "desc" },
    select: { at: true, action: true, entity: true, oldValue: true, newValue: true, actorUserId: true, reason: true },
  });
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(events.map((e) => e.actorUserId))] } },
    select: { id: true, staff: { select: { lastName: true, firstName: true, middleName: true } } },
  });
  const name = new Map(users.map((u) => [u.id, u.staff ? shortName(u.staff) : null]));
  return events.map((e) => ({ at: e.at.toISOString(), action: e.action, entity: e.entity, oldValue: e.oldValue, newValue: e.newValue, actor: name.get(e.actorUserId) ?? null, reason: e.reason }));
}
