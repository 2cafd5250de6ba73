/**
 * Builds a weekly timetable (Monday to Friday) from the curriculum, so that no teacher is
 * in two places at once.
 *
 * A class has a grid: lessons 1…k on each day, without gaps. Each unit of the curriculum
 * (a subject with its teacher, or a class split into groups taught at the same time by
 * two teachers) is placed hour by hour, most constrained first: units whose teachers
 * teach in many cohorts go first, while the grid is still open. A flexible grid (an
 * individual plan, a stream gathered from several classes) may use any lesson number
 * that its teachers and the classes it draws from leave free.
 *
 * Greedy with random restarts. When a caller allows it (the region generator), a unit that
 * keeps failing is handed to a new teacher instead (`onStuck`), which always converges.
 */
import type { Rng } from "./rng";
import type { SlotPlan } from "./plan";

export const DAYS = 5;
export const MAX_LESSONS = 7;

export type UnitPart = { cohort: number; subject: number; teacher: number; room: string | undefined };

export type TimetableUnit = {
  /** the grid the unit is placed in */
  grid: number;
  parts: UnitPart[];
  hours: number;
  /** at most this many of the unit's lessons on one day (2 allows a double lesson) */
  maxPerDay: number;
  /** correction courses and electives sit better at the end of the day */
  late: boolean;
};

export type GridSpec = {
  /** the cohort the grid belongs to (the class for a split into groups) */
  cohort: number;
  /** lessons on Monday … Friday (for a flexible grid: at most this many) */
  dayCounts: readonly number[];
  /** any lesson number may be used; otherwise lessons 1…k of each day */
  flexible: boolean;
  /** a flexible grid may not use positions these cohorts' grids use */
  blockedBy: readonly number[];
};

export type TimetableOptions = {
  attemptsPerGrid?: number;
  restarts?: number;
  /** Reassign the unit to a new teacher; return false to give up. */
  onStuck?: (unit: TimetableUnit) => boolean;
};

const pos = (d: number, n: number): number => d * 10 + n;

/** Splits weekly hours over five days as evenly as possible, longer days first. */
export function spreadOverDays(hours: number): number[] {
  const base = Math.floor(hours / DAYS);
  const extra = hours - base * DAYS;
  return Array.from({ length: DAYS }, (_, i) => base + (i < extra ? 1 : 0));
}

type PlacedGrid = { cohort: number; slots: SlotPlan[]; used: Set<number> };

export function buildTimetable(
  grids: readonly GridSpec[],
  units: TimetableUnit[],
  rng: Rng,
  options: TimetableOptions = {},
): SlotPlan[] {
  const attempts = options.attemptsPerGrid ?? 60;
  const restarts = options.restarts ?? 40;
  for (const g of grids) {
    // A fixed grid has exactly as many places as hours; a flexible one caps each day.
    const places = g.dayCounts.reduce((a, b) => a + b, 0);
    const have = units.filter((u) => u.grid === g.cohort).reduce((a, u) => a + u.hours, 0);
    if (g.flexible ? places < have : places !== have) {
      throw new Error(`Сетка ${g.cohort}: ${places} мест на ${have} часов`);
    }
    if (g.dayCounts.some((c) => c > MAX_LESSONS)) throw new Error(`Сетка ${g.cohort}: больше ${MAX_LESSONS} уроков в день`);
  }

  // Hours each teacher has across the whole timetable: a teacher spread over many
  // cohorts constrains every grid they appear in.
  const teacherHours = new Map<number, number>();
  for (const u of units) for (const p of u.parts) teacherHours.set(p.teacher, (teacherHours.get(p.teacher) ?? 0) + u.hours);

  for (let restart = 0; restart < restarts; restart++) {
    const busy = new Set<number>();
    const placed = new Map<number, PlacedGrid>();
    const order = [
      ...rng.shuffle(grids.filter((g) => !g.flexible)),
      ...grids.filter((g) => g.flexible),
    ];
    let ok = true;
    for (const grid of order) {
      const gridUnits = units.filter((u) => u.grid === grid.cohort);
      let result: PlacedGrid | { stuck: TimetableUnit } | undefined;
      let reassigned = 0;
      for (let attempt = 0; attempt < attempts; attempt++) {
        result = placeGrid(grid, gridUnits, busy, placed, teacherHours, rng);
        if ("slots" in result) break;
        if (attempt === attempts - 1 && reassigned < 100 && options.onStuck?.(result.stuck)) {
          reassigned++;
          attempt = -1;
        }
      }
      if (!result || !("slots" in result)) {
        ok = false;
        break;
      }
      for (const s of result.slots) busy.add(s.teacher * 100 + pos(s.weekday, s.lessonNumber));
      placed.set(grid.cohort, result);
    }
    if (ok) {
      return [...placed.values()]
        .flatMap((p) => p.slots)
        .sort((a, b) => a.cohort - b.cohort || a.weekday - b.weekday || a.lessonNumber - b.lessonNumber);
    }
  }
  throw new Error("Не удалось составить расписание без накладок: попробуйте другое зерно (--seed)");
}

function placeGrid(
  grid: GridSpec,
  units: readonly TimetableUnit[],
  busy: ReadonlySet<number>,
  placed: ReadonlyMap<number, PlacedGrid>,
  teacherHours: ReadonlyMap<number, number>,
  rng: Rng,
): PlacedGrid | { stuck: TimetableUnit } {
  const free: number[] = [];
  if (grid.flexible) {
    const blocked = new Set<number>();
    for (const c of grid.blockedBy) for (const p of placed.get(c)?.used ?? []) blocked.add(p);
    for (let d = 1; d <= DAYS; d++) {
      for (let n = 1; n <= MAX_LESSONS; n++) if (!blocked.has(pos(d, n))) free.push(pos(d, n));
    }
  } else {
    grid.dayCounts.forEach((count, i) => {
      for (let n = 1; n <= count; n++) free.push(pos(i + 1, n));
    });
  }
  const open = new Set(free);
  const perDay = new Array<number>(DAYS + 1).fill(0);
  const slots: SlotPlan[] = [];
  const localBusy = new Set<number>();
  const teacherFree = (t: number, p: number): boolean => !busy.has(t * 100 + p) && !localBusy.has(t * 100 + p);

  // Teachers' spread across the grid's units is what constrains: busiest first.
  const load = (u: TimetableUnit): number =>
    u.parts.reduce((a, p) => a + (teacherHours.get(p.teacher) ?? 0) + teacherLoad(p.teacher, busy), 0);
  const ordered = rng
    .shuffle(units)
    .map((u) => ({ u, key: load(u) * 10 + u.hours + u.parts.length * 50 }))
    .sort((a, b) => b.key - a.key)
    .map((x) => x.u);

  for (const unit of ordered) {
    const onDay = new Array<number>(DAYS + 1).fill(0);
    for (let h = 0; h < unit.hours; h++) {
      let best = -1;
      let bestScore = Infinity;
      for (const p of open) {
        const d = Math.floor(p / 10);
        const n = p % 10;
        if ((onDay[d] ?? 0) >= unit.maxPerDay) continue;
        if (grid.flexible && (perDay[d] ?? 0) >= (grid.dayCounts[d - 1] ?? 0)) continue;
        if (!unit.parts.every((part) => teacherFree(part.teacher, p))) continue;
        const score =
          (onDay[d] ?? 0) * 100 + (unit.late ? MAX_LESSONS - n : n) * (grid.flexible ? 3 : 1) + rng.next() * 4;
        if (score < bestScore) {
          bestScore = score;
          best = p;
        }
      }
      if (best < 0) return { stuck: unit };
      open.delete(best);
      const d = Math.floor(best / 10);
      const n = best % 10;
      onDay[d] = (onDay[d] ?? 0) + 1;
      perDay[d] = (perDay[d] ?? 0) + 1;
      for (const part of unit.parts) {
        localBusy.add(part.teacher * 100 + best);
        slots.push({ ...part, weekday: d, lessonNumber: n });
      }
    }
  }
  const used = new Set<number>();
  for (const s of slots) used.add(pos(s.weekday, s.lessonNumber));
  return { cohort: grid.cohort, slots, used };
}

// The number of positions a teacher already holds: a cheap measure of how constrained
// the teacher is. Computed from the busy set, which keys teacher*100 + position.
function teacherLoad(teacher: number, busy: ReadonlySet<number>): number {
  let n = 0;
  for (let d = 1; d <= DAYS; d++) {
    for (let k = 1; k <= MAX_LESSONS; k++) if (busy.has(teacher * 100 + pos(d, k))) n++;
  }
  return n;
}

/** Slots of one teacher that share a weekday and lesson number (should be none). */
export function teacherClashes(slots: readonly SlotPlan[]): SlotPlan[][] {
  const byKey = new Map<string, SlotPlan[]>();
  for (const s of slots) {
    const key = `${s.teacher}:${s.weekday}:${s.lessonNumber}`;
    const list = byKey.get(key) ?? [];
    list.push(s);
    byKey.set(key, list);
  }
  return [...byKey.values()].filter((l) => l.length > 1);
}
