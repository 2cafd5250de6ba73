/** The teachers' recommendations to the child (R2.2), newest first. */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { loadChild } from "@/lib/diary/pick-child";
import { fullName } from "@/lib/people/names";
import { dateToDay } from "@/lib/time";

export type DiaryRecommendation = { id: string; date: string; subjectName: string | null; teacher: string; text: string };

export async function getDiaryRecommendations(p: Principal, studentId: string): Promise<{ items: DiaryRecommendation[] }> {
  const child = await loadChild(p, studentId);
  const rows = await db.recommendation.findMany({
    where: { schoolId: p.schoolId, studentId: child.id },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    take: 200,
    select: {
      id: true, date: true, text: true,
      subject: { select: { name: true } },
      author: { select: { lastName: true, firstName: true, middleName: true } },
    },
  });
  return {
    items: rows.map((r) => ({ id: r.id, date: dateToDay(r.date), subjectName: r.subject?.name ?? null, teacher: fullName(r.author), text: r.text })),
  };
}
