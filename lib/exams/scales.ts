/**
 * The year's conversion scales (R6), entered by the administrator from the regional exam
 * centre's order: per exam and subject, the maximum primary score and the lowest score
 * for «3», «4» and «5». Results already imported keep their mark: importing the file
 * again converts them by the new scale.
 */
import "server-only";

import type { ExamKind } from "@/generated/prisma/enums";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/server";
import { AppError } from "@/lib/errors";
import { currentYear } from "@/lib/imports/common";
import { schoolToday } from "@/lib/time";
import type { SaveScaleInput } from "@/lib/exams/schemas";
import { scaleProblems, subjectKindsOf, type Scale } from "@/lib/exams/scale";

export type ScaleRow = { subjectId: string; subjectName: string; scale: Scale | null; updatedAt: Date | null };
export type ScaleList = { year: { id: string; name: string; closed: boolean } | null; rows: ScaleRow[] };

async function yearOf(p: Principal): Promise<{ id: string; name: string; closed: boolean } | null> {
  const y = await db.$transaction((tx) => currentYear(tx, p.schoolId, schoolToday(p.timeZone)));
  if (!y) return null;
  const row = await db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId: p.schoolId, id: y.id } }, select: { id: true, name: true, closedAt: true } });
  return { id: row.id, name: row.name, closed: row.closedAt !== null };
}

export async function listScales(p: Principal, kind: ExamKind): Promise<ScaleList> {
  assertCan(p, "exams.manage");
  const year = await yearOf(p);
  if (!year) return { year: null, rows: [] };
  const scales = await db.examScale.findMany({ where: { schoolId: p.schoolId, yearId: year.id, kind }, select: { subjectId: true, maxScore: true, min3: true, min4: true, min5: true, updatedAt: true } });
  const withScale = new Set(scales.map((s) => s.subjectId));
  let subjects = await db.subject.findMany({
    where: { schoolId: p.schoolId, OR: [{ kind: { in: subjectKindsOf(kind) } }, { id: { in: [...withScale] } }] },
    select: { id: true, name: true },
  });
  if (subjects.length === 0) subjects = await db.subject.findMany({ where: { schoolId: p.schoolId }, select: { id: true, name: true } });
  const bySubject = new Map(scales.map((s) => [s.subjectId, s]));
  return {
    year,
    rows: subjects
      .sort((a, b) => a.name.localeCompare(b.name, "ru"))
      .map((s) => {
        const sc = bySubject.get(s.id);
        return { subjectId: s.id, subjectName: s.name, scale: sc ? { maxScore: sc.maxScore, min3: sc.min3, min4: sc.min4, min5: sc.min5 } : null, updatedAt: sc?.updatedAt ?? null };
      }),
  };
}

/** Creates or changes the current year's scale of one exam and subject. */
export async function saveScale(p: Principal, input: SaveScaleInput): Promise<{ subjectName: string }> {
  assertCan(p, "exams.manage");
  const scale: Scale = { maxScore: input.maxScore, min3: input.min3, min4: input.min4, min5: input.min5 };
  const problems = scaleProblems(scale);
  if (Object.keys(problems).length > 0) {
    throw new AppError("BAD_INPUT", "Проверьте баллы шкалы.", Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v]])));
  }
  const year = await yearOf(p);
  if (!year) throw new AppError("BAD_INPUT", "В школе нет текущего учебного года: сначала создайте его.");
  if (year.closed) throw new AppError("BAD_INPUT", `Учебный год ${year.name} закрыт: шкалы в нём не меняются.`);
  const subject = await db.subject.findUnique({ where: { schoolId_id: { schoolId: p.schoolId, id: input.subjectId } }, select: { id: true, name: true } });
  if (!subject) throw new AppError("NOT_FOUND", "Предмет не найден.");
  await db.examScale.upsert({
    where: { schoolId_yearId_kind_subjectId: { schoolId: p.schoolId, yearId: year.id, kind: input.kind, subjectId: subject.id } },
    create: { schoolId: p.schoolId, yearId: year.id, kind: input.kind, subjectId: subject.id, ...scale },
    update: scale,
  });
  return { subjectName: subject.name };
}
