/**
 * A school day of marks for some children, as the journal writes them (each change a new
 * version): for each child, the latest live mark corrected (5 ↔ 4), the next one removed,
 * and a new «4» on the child's latest held lesson without a mark of theirs. The diary
 * sync's size check (tests/integration/diary-sync-demo.test.ts) measures the delta after it.
 */
import type { Db } from "../../lib/db";

export type DayOfMarks = { corrected: string[]; removed: string[]; added: string[] };

export async function aDayOfMarks(db: Db, schoolId: string, childIds: readonly string[]): Promise<DayOfMarks> {
  const out: DayOfMarks = { corrected: [], removed: [], added: [] };
  const workType = await db.workType.findFirst({ where: { schoolId, code: "LESSON" } });
  for (const studentId of childIds) {
    const marks = await db.mark.findMany({ where: { schoolId, studentId, removedAt: null }, orderBy: { date: "desc" }, take: 2 });
    const [corrected, removed] = marks;
    if (corrected) {
      await db.mark.update({ where: { schoolId_id: { schoolId, id: corrected.id } }, data: { value: corrected.value === 5 ? 4 : 5, version: { increment: 1 } } });
      out.corrected.push(corrected.id);
    }
    if (removed) {
      await db.mark.update({ where: { schoolId_id: { schoolId, id: removed.id } }, data: { removedAt: new Date(), version: { increment: 1 } } });
      out.removed.push(removed.id);
    }
    const member = await db.cohortMembership.findFirst({ where: { schoolId, studentId, endDate: null }, select: { cohortId: true } });
    const lesson = member && (await db.lesson.findFirst({
      where: { schoolId, cohortId: member.cohortId, status: "HELD", marks: { none: { studentId } } },
      orderBy: { date: "desc" },
    }));
    if (lesson && workType) {
      const m = await db.mark.create({
        data: { schoolId, lessonId: lesson.id, studentId, cohortId: lesson.cohortId, subjectId: lesson.subjectId, date: lesson.date, workTypeId: workType.id, kind: "NUMERIC", value: 4, authorId: lesson.teacherId },
      });
      out.added.push(m.id);
    }
  }
  return out;
}
