import { it } from "vitest";
import { seedDemoSchool } from "../../prisma/seed/demo-school";
import { createTestDb } from "../support/test-db";
import { generateLessonsForSchool } from "../../lib/timetable/generate";

it("bench", async () => {
  const t = await createTestDb();
  const s = await seedDemoSchool(t.db, { today: new Date("2026-12-04T09:00:00+05:00") });
  const range = { from: "2026-09-01", to: "2027-05-31" };
  let t0 = performance.now();
  const r1 = await generateLessonsForSchool(t.db, s.schoolId, range);
  console.log("regen pristine", Math.round(performance.now() - t0), "ms", JSON.stringify({ ...r1, keptWithWork: r1.keptWithWork.length }));
  const del = await t.db.lesson.deleteMany({ where: { schoolId: s.schoolId, date: { gt: new Date("2026-12-20") }, status: "PLANNED", homework: { none: {} }, substitutions: { none: {} }, marks: { none: {} }, attendance: { none: {} }, movedFrom: { none: {} } } });
  t0 = performance.now();
  const r2 = await generateLessonsForSchool(t.db, s.schoolId, range);
  console.log("deleted", del.count, "regen after delete", Math.round(performance.now() - t0), "ms", JSON.stringify({ ...r2, keptWithWork: r2.keptWithWork.length }));
  t0 = performance.now();
  const r3 = await generateLessonsForSchool(t.db, s.schoolId, range);
  console.log("again", Math.round(performance.now() - t0), "ms", JSON.stringify({ ...r3, keptWithWork: r3.keptWithWork.length }));
  await t.close();
}, 600_000);
