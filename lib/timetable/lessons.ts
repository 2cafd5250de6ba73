/** «Создать уроки на период»: lessons from the timetable, for the administrator. */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { findCohort } from "@/lib/curriculum/calendar";
import { generateLessonsForSchool, type GenerationReport } from "@/lib/timetable/generate";
import type { GenerateInput } from "@/lib/timetable/schemas";

export async function createLessonsForPeriod(p: Principal, input: GenerateInput): Promise<GenerationReport> {
  assertCan(p, "school.manage");
  const cohortIds = input.cohortId ? [(await findCohort(p.schoolId, input.cohortId)).id] : undefined;
  return generateLessonsForSchool(db, p.schoolId, { from: input.from, to: input.to }, cohortIds ? { cohortIds } : {});
}
