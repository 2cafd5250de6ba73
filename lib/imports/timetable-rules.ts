/**
 * The rules the timetable screen applies to one new lesson (lib/timetable/slots.ts,
 * addTimetableSlot), applied to the rows of a timetable file: the dates lie in the
 * cohort's school year, the subject is in the curriculum of the cohort (or of its class)
 * on those dates, and no teacher, room or cohort is in two places at once — against the
 * slots already in the timetable and against the other rows of the file. Pure.
 */
import type { RowCheck } from "@/lib/imports/row-check";
import type { StaffDirectory } from "@/lib/imports/staff-ref";
import { describeConflict, type OtherSlot } from "@/lib/timetable/conflict-text";
import { findConflicts, type Conflict, type SlotPlan } from "@/lib/timetable/plan";
import { formatDayRu } from "@/lib/time";

export type TimetableCohort = {
  name: string;
  /** the class a group belongs to */
  parentId: string | null;
  /** the cohort's school year: the YEAR period of its grade, or the academic year */
  year: { from: string; to: string };
};

export type CurriculumSpan = { cohortId: string; subjectId: string; validFrom: string; validTo: string | null };

export type RulesContext = {
  /** the current year's cohorts by id */
  cohortInfo: ReadonlyMap<string, TimetableCohort>;
  /** subject id → name, for the messages */
  subjectNames: ReadonlyMap<string, string>;
  staff: StaffDirectory;
  /** every slot of the current year's cohorts */
  slots: readonly SlotPlan[];
  curriculum: readonly CurriculumSpan[];
};

/** A row read without mistakes, about to become a slot. */
export type PlacedRow = {
  check: RowCheck;
  plan: Omit<SlotPlan, "id">;
  /** the existing slot the row updates (same cohort, day, number, subject and first day) */
  replaces: string | null;
  /** false when the row repeats its slot or only ends it earlier: it cannot make things worse */
  checked: boolean;
};

/** The column of the file to change for a conflict of each kind. */
const CONFLICT_COLUMN: Record<Conflict["kind"], "teacher" | "room" | "lessonNumber"> = {
  TEACHER: "teacher",
  ROOM: "room",
  COHORT: "lessonNumber",
};

/** The dates within the cohort's year, the subject in its curriculum (or its class's) on those dates. */
export function checkPlacement(c: RowCheck, plan: Omit<SlotPlan, "id">, ctx: RulesContext): void {
  const cohort = ctx.cohortInfo.get(plan.cohortId);
  if (!cohort) return;
  const { from, to } = cohort.year;
  const span = `${formatDayRu(from)} — ${formatDayRu(to)}`;
  const choose = `Выберите день с ${formatDayRu(from)} по ${formatDayRu(to)}.`;
  if (plan.validFrom < from || plan.validFrom > to) c.fail("validFrom", `Дата вне учебного года класса ${cohort.name} (${span}). ${choose}`);
  if (plan.validTo !== null && plan.validTo > to) c.fail("validTo", `Дата вне учебного года класса ${cohort.name} (${span}). ${choose}`);
  const planCohorts = cohort.parentId ? [plan.cohortId, cohort.parentId] : [plan.cohortId];
  const inPlan = ctx.curriculum.some(
    (ci) =>
      planCohorts.includes(ci.cohortId) &&
      ci.subjectId === plan.subjectId &&
      (ci.validTo === null || ci.validTo >= plan.validFrom) &&
      (plan.validTo === null || ci.validFrom <= plan.validTo),
  );
  if (!inPlan) c.fail("subject", `Этого предмета нет в учебном плане ${cohort.name} на эти даты. Сначала добавьте его в учебный план.`);
}

type Entry = { plan: SlotPlan; row: PlacedRow | null };

/**
 * Conflicts the rows bring: each is reported on a checked row (of two, the later one), in
 * the column to change. Conflicts among slots the file leaves as they are (or only ends
 * earlier) were there before and are not the file's doing.
 */
export function checkConflicts(rows: readonly PlacedRow[], ctx: RulesContext): void {
  const replaced = new Set(rows.flatMap((r) => (r.replaces ? [r.replaces] : [])));
  const byId = new Map<string, Entry>();
  for (const s of ctx.slots) if (!replaced.has(s.id)) byId.set(s.id, { plan: s, row: null });
  for (const r of rows) {
    const id = `row:${r.check.line}`;
    byId.set(id, { plan: { ...r.plan, id }, row: r });
  }
  const parentOf = new Map<string, string>();
  for (const [id, c] of ctx.cohortInfo) if (c.parentId) parentOf.set(id, c.parentId);
  const conflicts = findConflicts([...byId.values()].map((e) => e.plan), () => false, parentOf);
  for (const conflict of conflicts) {
    const a = byId.get(conflict.slotIds[0]);
    const b = byId.get(conflict.slotIds[1]);
    if (!a || !b) continue;
    const aChanges = a.row?.checked === true;
    const bChanges = b.row?.checked === true;
    if (!aChanges && !bChanges) continue;
    const blameA = aChanges && (!bChanges || (a.row?.check.line ?? 0) > (b.row?.check.line ?? 0));
    const [blamed, other] = blameA ? [a, b] : [b, a];
    if (!blamed.row) continue;
    const o = other.plan;
    const named: OtherSlot = {
      cohort: ctx.cohortInfo.get(o.cohortId)?.name ?? "",
      subject: ctx.subjectNames.get(o.subjectId) ?? "",
      teacher: ctx.staff.shortLabel(o.teacherId),
      room: o.room,
    };
    const where = other.row ? `Накладка в расписании со строкой ${other.row.check.line} этого файла` : "Накладка в расписании";
    blamed.row.check.fail(CONFLICT_COLUMN[conflict.kind], `${where}: ${describeConflict(conflict, named)}`);
  }
}
