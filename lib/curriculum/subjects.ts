/** The school's subjects (предметы, курсы, коррекционные курсы, профессиональная подготовка). */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import type { SubjectInput } from "@/lib/curriculum/schemas";

export type SubjectRow = { id: string; name: string; shortName: string; kind: SubjectInput["kind"]; lines: number };

export async function listSubjects(p: Principal): Promise<SubjectRow[]> {
  assertCan(p, "school.manage");
  const rows = await db.subject.findMany({
    where: { schoolId: p.schoolId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, shortName: true, kind: true, _count: { select: { curriculumItems: true } } },
  });
  return rows.map((s) => ({ id: s.id, name: s.name, shortName: s.shortName, kind: s.kind, lines: s._count.curriculumItems }));
}

export async function createSubject(p: Principal, input: SubjectInput): Promise<{ id: string; name: string }> {
  assertCan(p, "school.manage");
  const same = await db.subject.findFirst({
    where: { schoolId: p.schoolId, name: { equals: input.name, mode: "insensitive" } },
    select: { id: true },
  });
  if (same) {
    throw new AppError("BAD_INPUT", "Такой предмет уже есть в списке.", { name: ["Предмет с таким названием уже есть."] });
  }
  const s = await db.subject.create({
    data: { schoolId: p.schoolId, name: input.name, shortName: input.shortName, kind: input.kind },
    select: { id: true, name: true },
  });
  return s;
}
