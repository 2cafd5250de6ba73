/**
 * The year rollover (перевод учеников на следующий год): a preview of every pupil's
 * outcome, then one transaction that opens the next year, carries the classes over,
 * moves the pupils and closes the old year. Guardians and accounts belong to the school,
 * not to a year, so nothing of theirs is copied.
 */
import "server-only";

import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { fullName } from "@/lib/people/names";
import { addDays, dateToDay, dayToDate } from "@/lib/time";
import { defaultYear, startYearOfName } from "@/lib/school/calendar-days";
import { copyCalendarTx } from "@/lib/school/calendar-copy";
import { defaultOutcome, END_REASON, finalGradeOf, nextClassName, resolveOutcome, type Outcome } from "@/lib/school/rollover-plan";
import type { Tx } from "@/lib/school/tx";

export type RolloverPupil = { id: string; name: string; proposed: Outcome };
export type RolloverGroup = {
  cohortId: string;
  name: string;
  grade: number;
  kind: "CLASS" | "GROUP" | "STREAM" | "INDIVIDUAL";
  /** the class the pupils go to; null for a graduating class or a cohort not carried over */
  nextName: string | null;
  pupils: RolloverPupil[];
};
export type RolloverPreview = {
  year: { id: string; name: string; startDate: string; endDate: string };
  nextYear: { name: string; startDate: string; exists: boolean };
  finalGrade: number;
  groups: RolloverGroup[];
  /** groups, streams and individual plans of the year: not carried over */
  notCarried: string[];
};

type Reader = Pick<Db, "academicYear" | "cohort" | "cohortMembership">;
type YearRow = { id: string; name: string; startDate: Date; endDate: Date };

/** The year to roll over: the earliest open year that has cohorts. Years close in order. */
async function sourceYear(r: Reader, schoolId: string): Promise<YearRow | null> {
  return r.academicYear.findFirst({
    where: { schoolId, closedAt: null, cohorts: { some: {} } },
    orderBy: { startDate: "asc" },
    select: { id: true, name: true, startDate: true, endDate: true },
  });
}

/** The year that follows: one starting within two months after the old one ends. */
async function followingYear(r: Reader, schoolId: string, y: YearRow) {
  const end = dateToDay(y.endDate);
  return r.academicYear.findFirst({
    where: { schoolId, startDate: { gt: y.endDate, lte: dayToDate(addDays(end, 62)) } },
    orderBy: { startDate: "asc" },
    select: { id: true, name: true, startDate: true, endDate: true, closedAt: true },
  });
}

function nextYearDefaults(y: YearRow) {
  const start = startYearOfName(y.name) ?? y.startDate.getUTCFullYear();
  return defaultYear(start + 1);
}

const KIND_ORDER = { CLASS: 0, INDIVIDUAL: 1, GROUP: 2, STREAM: 3 } as const;

/** Every pupil still in a cohort of the year at its end, under their main cohort (the class first). */
async function pupilsOf(r: Reader, schoolId: string, y: YearRow) {
  const cohorts = await r.cohort.findMany({
    where: { schoolId, yearId: y.id },
    orderBy: [{ grade: "asc" }, { name: "asc" }],
    select: {
      id: true, name: true, grade: true, kind: true, classTeacherId: true,
      memberships: {
        where: { startDate: { lte: y.endDate }, OR: [{ endDate: null }, { endDate: { gte: y.endDate } }], student: { leftAt: null } },
        select: { id: true, student: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
      },
    },
  });
  const finalGrade = finalGradeOf(cohorts.filter((c) => c.kind === "CLASS").map((c) => c.grade));
  const home = new Map<string, (typeof cohorts)[number]>();
  for (const c of [...cohorts].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])) {
    for (const m of c.memberships) if (!home.has(m.student.id)) home.set(m.student.id, c);
  }
  const groups: (RolloverGroup & { classTeacherId: string | null })[] = [];
  for (const c of cohorts) {
    const pupils = c.memberships
      .filter((m) => home.get(m.student.id)?.id === c.id)
      .map((m) => ({ id: m.student.id, name: fullName(m.student), proposed: defaultOutcome(c.grade, finalGrade) }))
      .sort((a, b) => a.name.localeCompare(b.name, "ru"));
    if (c.kind !== "CLASS" && pupils.length === 0) continue;
    const nextName = c.kind === "CLASS" && c.grade < finalGrade ? nextClassName(c.name, c.grade) : null;
    groups.push({ cohortId: c.id, name: c.name, grade: c.grade, kind: c.kind, nextName, pupils, classTeacherId: c.classTeacherId });
  }
  groups.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.grade - b.grade || a.name.localeCompare(b.name, "ru"));
  const notCarried = cohorts.filter((c) => c.kind !== "CLASS").map((c) => c.name);
  return { groups, finalGrade, notCarried };
}

export async function previewRollover(p: Principal): Promise<RolloverPreview | null> {
  assertCan(p, "school.manage");
  const y = await sourceYear(db, p.schoolId);
  if (!y) return null;
  const [next, { groups, finalGrade, notCarried }] = await Promise.all([followingYear(db, p.schoolId, y), pupilsOf(db, p.schoolId, y)]);
  const defaults = nextYearDefaults(y);
  return {
    year: { id: y.id, name: y.name, startDate: dateToDay(y.startDate), endDate: dateToDay(y.endDate) },
    nextYear: next ? { name: next.name, startDate: dateToDay(next.startDate), exists: true } : { name: defaults.name, startDate: defaults.startDate, exists: false },
    finalGrade,
    groups: groups.map(({ classTeacherId: _t, ...g }) => g),
    notCarried,
  };
}

export type RolloverSummary = {
  fromYear: string;
  toYear: string;
  yearCreated: boolean;
  cohortsCreated: number;
  promoted: number;
  repeated: number;
  left: number;
  graduated: number;
};

async function classIn(tx: Tx, schoolId: string, yearId: string, name: string) {
  return tx.cohort.findFirst({ where: { schoolId, yearId, kind: "CLASS", name }, select: { id: true, previousId: true } });
}

export async function applyRollover(p: Principal, input: { yearId: string; choices: Record<string, string> }): Promise<RolloverSummary> {
  assertCan(p, "school.manage");
  assertId(input.yearId);
  const schoolId = p.schoolId;
  return db.$transaction(
    async (tx) => {
      const asked = await tx.academicYear.findUnique({ where: { schoolId_id: { schoolId, id: input.yearId } }, select: { id: true, name: true, closedAt: true } });
      if (!asked) throw new AppError("NOT_FOUND", "Учебный год не найден.");
      const carried = await tx.cohort.count({ where: { schoolId, previous: { yearId: asked.id } } });
      if (asked.closedAt || carried > 0) {
        throw new AppError("CONFLICT", `Перевод из учебного года ${asked.name} уже выполнен. Повторить его нельзя: ученики уже в новых классах.`);
      }
      const y = await sourceYear(tx, schoolId);
      if (!y || y.id !== asked.id) {
        throw new AppError("CONFLICT", y ? `Сначала нужно перевести учеников из учебного года ${y.name}.` : `В учебном году ${asked.name} нет классов.`);
      }
      const { groups } = await pupilsOf(tx, schoolId, y);
      const yearEnd = dateToDay(y.endDate);

      // The next year, with last year's calendar as its start when it is new or still empty.
      let next = await followingYear(tx, schoolId, y);
      let yearCreated = false;
      if (next?.closedAt) throw new AppError("CONFLICT", `Учебный год ${next.name} уже закрыт.`);
      if (!next) {
        const d = nextYearDefaults(y);
        const taken = await tx.academicYear.findFirst({ where: { schoolId, name: d.name }, select: { id: true } });
        if (taken) throw new AppError("CONFLICT", `Учебный год ${d.name} уже есть, но его даты не следуют за ${y.name}. Исправьте даты в разделе «Учебный год и календарь».`);
        next = await tx.academicYear.create({
          data: { schoolId, name: d.name, startDate: dayToDate(d.startDate), endDate: dayToDate(d.endDate) },
          select: { id: true, name: true, startDate: true, endDate: true, closedAt: true },
        });
        yearCreated = true;
      }
      const nextStart = next.startDate;
      const to = { id: next.id, name: next.name, startDate: dateToDay(next.startDate), endDate: dateToDay(next.endDate) };
      const calendarEmpty = (await tx.period.count({ where: { schoolId, yearId: to.id } })) + (await tx.holiday.count({ where: { schoolId, yearId: to.id } })) === 0;
      if (calendarEmpty) {
        const ownBells = await tx.bellSchedule.count({ where: { schoolId, validFrom: { gte: nextStart, lte: next.endDate } } });
        if (ownBells === 0) await copyCalendarTx(tx, schoolId, { id: y.id, name: y.name, startDate: dateToDay(y.startDate), endDate: yearEnd }, to);
      }

      // Classes of the next year: each class moves up a grade with its class teacher.
      let cohortsCreated = 0;
      const target = new Map<string, string>();
      for (const g of groups) {
        if (g.kind !== "CLASS" || !g.nextName) continue;
        const found = await classIn(tx, schoolId, to.id, g.nextName);
        if (found) {
          if (!found.previousId) await tx.cohort.update({ where: { schoolId_id: { schoolId, id: found.id } }, data: { previousId: g.cohortId } });
          target.set(g.cohortId, found.id);
        } else {
          const c = await tx.cohort.create({
            data: { schoolId, yearId: to.id, kind: "CLASS", name: g.nextName, grade: g.grade + 1, classTeacherId: g.classTeacherId, previousId: g.cohortId },
            select: { id: true },
          });
          target.set(g.cohortId, c.id);
          cohortsCreated += 1;
        }
      }

      const counts = { PROMOTE: 0, REPEAT: 0, LEAVE: 0, GRADUATE: 0 };
      const ended: Record<Outcome, string[]> = { PROMOTE: [], REPEAT: [], LEAVE: [], GRADUATE: [] };
      const joins: { cohortId: string; studentId: string }[] = [];
      const repeatCohort = new Map<string, string>();
      for (const g of groups) {
        for (const pupil of g.pupils) {
          const outcome = resolveOutcome(pupil.proposed, input.choices[pupil.id]);
          counts[outcome] += 1;
          ended[outcome].push(pupil.id);
          const to2 = target.get(g.cohortId);
          if (outcome === "PROMOTE" && to2) joins.push({ cohortId: to2, studentId: pupil.id });
          if (outcome === "REPEAT" && g.kind === "CLASS") {
            let c = repeatCohort.get(g.cohortId) ?? (await classIn(tx, schoolId, to.id, g.name))?.id;
            if (!c) {
              c = (await tx.cohort.create({ data: { schoolId, yearId: to.id, kind: "CLASS", name: g.name, grade: g.grade }, select: { id: true } })).id;
              cohortsCreated += 1;
            }
            repeatCohort.set(g.cohortId, c);
            joins.push({ cohortId: c, studentId: pupil.id });
          }
        }
      }

      // Every membership of the old year still open at its end is ended with the pupil's outcome.
      for (const outcome of Object.keys(ended) as Outcome[]) {
        const ids = ended[outcome];
        if (!ids.length) continue;
        await tx.cohortMembership.updateMany({
          where: { schoolId, studentId: { in: ids }, cohort: { yearId: y.id }, OR: [{ endDate: null }, { endDate: { gte: y.endDate } }] },
          data: { endDate: y.endDate, endReason: END_REASON[outcome] },
        });
      }
      if (joins.length) await tx.cohortMembership.createMany({ data: joins.map((j) => ({ schoolId, ...j, startDate: nextStart })) });
      const gone = [...ended.LEAVE, ...ended.GRADUATE];
      if (gone.length) {
        await tx.student.updateMany({ where: { schoolId, id: { in: gone } }, data: { leftAt: y.endDate } });
        await tx.programEnrolment.updateMany({ where: { schoolId, studentId: { in: gone }, endDate: null }, data: { endDate: y.endDate } });
      }
      await tx.academicYear.update({ where: { schoolId_id: { schoolId, id: y.id } }, data: { closedAt: new Date() } });
      return {
        fromYear: y.name, toYear: to.name, yearCreated, cohortsCreated,
        promoted: counts.PROMOTE, repeated: counts.REPEAT, left: counts.LEAVE, graduated: counts.GRADUATE,
      };
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}
