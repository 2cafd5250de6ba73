/**
 * A column of the journal grid is one lesson; its work type (вид работы: урок,
 * контрольная, самостоятельная…) says how much the marks of that lesson weigh in the
 * average (issue 4, item 1). Setting it moves the lesson's marks to that work type, so
 * the averages change at once; each moved mark is kept in the audit history with the
 * work type it had before. Refused, as a mark would be, for a subject the teacher does
 * not teach there, a closed period or a closed year.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { journalReadableBy, journalWritableBy } from "@/lib/auth/scope";
import { assertId } from "@/lib/people/students";
import { assertDayOpen } from "@/lib/school/year-guard";
import { dateToDay } from "@/lib/time";

export type ColumnWorkType = { lessonId: string; workTypeId: string; workTypeName: string; moved: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_SUCH_WORK_TYPE = "Такого вида работы нет: выберите из списка.";

/** `via`, when given, is added to the audit reason: through what the change came (an API client). */
export async function setLessonWorkType(p: Principal, w: { lessonId: string; workTypeId: string; via?: string | undefined }): Promise<ColumnWorkType> {
  assertCan(p, "journal.write");
  assertId(w.lessonId);
  const schoolId = p.schoolId;
  const lesson = await db.lesson.findUnique({
    where: { schoolId_id: { schoolId, id: w.lessonId } },
    select: { id: true, date: true, cohortId: true, subjectId: true, workTypeId: true, cohort: { select: { grade: true } } },
  });
  if (!lesson) throw new AppError("NOT_FOUND", "Урок не найден.");
  const [readable, writable] = await Promise.all([
    db.cohort.count({ where: journalReadableBy(p, lesson.cohortId, lesson.subjectId) }),
    db.cohort.count({ where: journalWritableBy(p, lesson.cohortId, lesson.subjectId) }),
  ]);
  // a journal one may not even read is "not found", like a missing lesson
  if (!readable) throw new AppError("NOT_FOUND", "Урок не найден.");
  if (!writable) throw new AppError("FORBIDDEN", "Вы не ведёте этот предмет в этом классе: вид работы изменить нельзя.");
  const staffId = p.staffId;
  if (!staffId) throw new AppError("FORBIDDEN");

  const day = dateToDay(lesson.date);
  await assertDayOpen(p, day);
  const closed = await db.period.findFirst({
    where: {
      schoolId, kind: { not: "YEAR" }, closedAt: { not: null }, startDate: { lte: lesson.date }, endDate: { gte: lesson.date },
      gradeFrom: { lte: lesson.cohort.grade }, gradeTo: { gte: lesson.cohort.grade },
    },
    select: { name: true },
  });
  if (closed) throw new AppError("PERIOD_CLOSED", `${closed.name} закрыта для изменений. Открыть её может администратор.`);

  if (!UUID.test(w.workTypeId)) throw new AppError("BAD_INPUT", NO_SUCH_WORK_TYPE, { workTypeId: [NO_SUCH_WORK_TYPE] });
  const workType = await db.workType.findUnique({ where: { schoolId_id: { schoolId, id: w.workTypeId } }, select: { id: true, name: true, archived: true } });
  if (!workType || workType.archived) throw new AppError("BAD_INPUT", NO_SUCH_WORK_TYPE, { workTypeId: [NO_SUCH_WORK_TYPE] });
  const reason = `Изменён вид работы урока: «${workType.name}».${w.via ? ` ${w.via}` : ""}`;

  const moved = await db.$transaction(async (tx) => {
    // the lesson first: its row lock orders this change after a mark being written to it
    if (lesson.workTypeId !== workType.id) {
      await tx.lesson.update({ where: { schoolId_id: { schoolId, id: lesson.id } }, data: { workTypeId: workType.id } });
    }
    const marks = await tx.mark.findMany({
      where: { schoolId, lessonId: lesson.id, removedAt: null, workTypeId: { not: workType.id } },
      orderBy: [{ studentId: "asc" }, { part: "asc" }],
      select: { id: true, studentId: true, part: true, kind: true, value: true, text: true, workTypeId: true },
    });
    if (marks.length === 0) return 0;
    await tx.mark.updateMany({
      where: { schoolId, id: { in: marks.map((m) => m.id) } },
      data: { workTypeId: workType.id, version: { increment: 1 } },
    });
    const snapshot = (m: (typeof marks)[number], workTypeId: string) =>
      ({ kind: m.kind, value: m.value, text: m.text, workTypeId, part: m.part, lessonDate: day });
    await tx.auditEvent.createMany({
      data: marks.map((m) => ({
        schoolId, entity: "MARK" as const, entityId: m.id, studentId: m.studentId, action: "UPDATE" as const, actorUserId: p.userId, reason,
        oldValue: snapshot(m, m.workTypeId),
        newValue: snapshot(m, workType.id),
      })),
    });
    return marks.length;
  });
  return { lessonId: lesson.id, workTypeId: workType.id, workTypeName: workType.name, moved };
}
