/**
 * Benchmarks of the year's set-up (issue 3): importing 1,000 students with guardians, and
 * generating a year of lessons from the timetable for one school. Both run on the
 * region-shaped data set the seed benchmarks made (or make it first).
 */
import { importStudentRows } from "../lib/imports/students";
import { generateLessonsForSchool } from "../lib/timetable/generate";
import { isoOf } from "../prisma/seed/calendar";
import type { Benchmark, BenchResult, EngineState, Scale } from "./benchmarks";
import type { BenchDb } from "./engines";
import { round, withPeakRss } from "./measure";
import { letterSuffix } from "../prisma/seed/names";

type Seeder = (db: BenchDb, scale: Scale, state: EngineState) => Promise<NonNullable<EngineState["seeded"]>>;

const N = 1000;

async function firstSchool(db: BenchDb) {
  const school = await db.db.school.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
  const admin = await db.db.staff.findFirst({ where: { schoolId: school.id }, orderBy: { id: "asc" }, select: { id: true } });
  return { schoolId: school.id, staffId: admin?.id ?? null };
}

export function setupBenchmarks(ensureSeeded: Seeder): Benchmark[] {
  const importStudents: Benchmark = {
    name: "import-students",
    byDefault: true,
    description: "импорт 1000 учеников с родителями и контактами, затем повторный (ничего не меняет)",
    async run(db, scale, state): Promise<BenchResult[]> {
      const seeded = await ensureSeeded(db, scale, state);
      const today = isoOf(seeded.summary.until);
      const { schoolId, staffId } = await firstSchool(db);
      const classes = await db.db.cohort.findMany({ where: { schoolId, kind: "CLASS" }, orderBy: { name: "asc" }, take: 4, select: { name: true } });
      const students = Array.from({ length: N }, (_, i) => ({
        lastName: `Импортов-${letterSuffix(i)}`, firstName: "Иван", middleName: "Петрович", birthDate: `${2012 + (i % 6)}-0${1 + (i % 9)}-1${i % 10}`,
        gender: i % 2 ? "м" : "ж", recordNumber: `IMP-${String(i).padStart(5, "0")}`, className: classes[i % Math.max(1, classes.length)]?.name ?? "",
        individualPlan: "нет", homeSchooling: "нет",
      }));
      const guardians = Array.from({ length: N }, (_, i) => ({
        lastName: `Импортова-${letterSuffix(i)}`, firstName: "Мария", middleName: "", childRecord: `IMP-${String(i).padStart(5, "0")}`, relation: "мать",
        phone: `89${String(200000000 + i)}`, email: `imp${i}@example.ru`, applicationNumber: String(i + 1), applicationDate: "28.08.2026",
      }));
      const first = await withPeakRss(() => importStudentRows(db.db, schoolId, { students, guardians }, { today, enteredById: staffId }));
      const again = await withPeakRss(() => importStudentRows(db.db, schoolId, { students, guardians }, { today, enteredById: staffId }));
      return [
        { name: "import-students", engine: db.engine, n: 2 * N, unit: "rows", totalMs: round(first.ms), rowsPerSecond: Math.round((2 * N) / (first.ms / 1000)), peakRssMb: first.peakRssMb, notes: { students: first.result.students, guardians: first.result.guardians } },
        { name: "import-students (повтор)", engine: db.engine, n: 2 * N, unit: "rows", totalMs: round(again.ms), peakRssMb: again.peakRssMb, notes: { students: again.result.students, guardians: again.result.guardians } },
      ];
    },
  };

  const generateLessons: Benchmark = {
    name: "generate-lessons",
    byDefault: true,
    description: "уроки на весь учебный год из расписания одной школы, затем повторно (без изменений)",
    async run(db, scale, state): Promise<BenchResult[]> {
      const seeded = await ensureSeeded(db, scale, state);
      const { schoolId } = await firstSchool(db);
      const year = await db.db.academicYear.findFirstOrThrow({ where: { schoolId }, orderBy: { startDate: "desc" }, select: { startDate: true, endDate: true } });
      const range = { from: isoOf(seeded.summary.from), to: year.endDate.toISOString().slice(0, 10) };
      const cohorts = await db.db.cohort.count({ where: { schoolId } });
      const first = await withPeakRss(() => generateLessonsForSchool(db.db, schoolId, range));
      const again = await withPeakRss(() => generateLessonsForSchool(db.db, schoolId, range));
      const lessons = first.result.created + first.result.unchanged + first.result.updated;
      return [
        { name: "generate-lessons", engine: db.engine, n: lessons, unit: "rows", totalMs: round(first.ms), rowsPerSecond: Math.round(lessons / (first.ms / 1000)), peakRssMb: first.peakRssMb, notes: { cohorts, range, report: { ...first.result, keptWithWork: first.result.keptWithWork.length } } },
        { name: "generate-lessons (повтор)", engine: db.engine, n: lessons, unit: "rows", totalMs: round(again.ms), peakRssMb: again.peakRssMb, notes: { cohorts, report: { ...again.result, keptWithWork: again.result.keptWithWork.length } } },
      ];
    },
  };

  return [importStudents, generateLessons];
}
