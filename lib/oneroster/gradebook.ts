/**
 * The OneRoster 1.2 gradebook of one school, built from the journal (docs/oneroster.md):
 * categories are the work types (вид работы) with their weight, a lineItem is a lesson —
 * a column of the journal — that has a mark or a work type, a result is one mark (a
 * double mark «4/5» is two results), and a scheduled class has a score scale for each
 * scale its curriculum line uses.
 *
 * Every builder is scoped by the caller: one school, and for a diary service no result
 * of a child without a current consent (the rostering's rule, RosterRows.visibility in
 * lib/oneroster/rostering/load.ts, so both services hide the same children). The small tables
 * of the school (periods, work types, curriculum lines, cohorts) are read once per
 * request and looked up in memory; marks are read with one query per request, on the
 * indexes of Mark (by cohort × subject, by lesson, by student).
 *
 * Choices the mapping leaves open, made here:
 * - a lineItem's assignDate and dueDate are the lesson's day at 00:00 UTC (the binding
 *   wants a date-time in UTC; the day is what a journal column stands for);
 * - a result's scoreDate is the mark's day — the lesson's — as the journal dates marks;
 * - scoreStatus: a mark that is given («5», «зач», «незач», a text) is "fully graded",
 *   «осв» is "exempt", «н/а» (не аттестован: no work to grade) is "not submitted";
 * - the categories of a class are all work types of the school: a work type is a school
 *   setting, any of them may be given to any lesson.
 */
import type { Db } from "@/lib/db";
import type { MarkScale, Prisma } from "@/generated/prisma/client";
import { hundredths } from "@/lib/grading/marks";
import { weightInForce, type WeightVersion } from "@/lib/grading/weights";
import { dateToDay, formatDayRu, schoolToday } from "@/lib/time";
import type { ApiCaller } from "./caller";
import { OneRosterError } from "./errors";
import { pushdownPlan, type CollectionQuery, type PushdownKind, type PushdownPlan, type PushdownPredicate } from "./query";
import { RosterRows } from "./rostering/load";

export type GradebookContext = {
  db: Db;
  caller: ApiCaller;
  /** scheme and host of the request, for the GUIDRefs' href */
  origin: string;
};

type Scale = Exclude<MarkScale, "NONE">;
const SCALES: readonly Scale[] = ["FIVE_POINT", "PASS_FAIL", "DESCRIPTIVE"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(s: string): boolean {
  return UUID.test(s);
}

// ───────────────────────────── ids and references ─────────────────────────────

/** A scheduled class is a cohort's subject: `<cohort id>.<subject id>`. */
export function scheduledClassId(cohortId: string, subjectId: string): string {
  return `${cohortId}.${subjectId}`;
}

export type ClassKey = { kind: "scheduled"; cohortId: string; subjectId: string } | { kind: "homeroom"; cohortId: string };

/** A class sourcedId taken apart, or null when it cannot be one of ours. */
export function parseClassId(id: string): ClassKey | null {
  const parts = id.split(".");
  if (parts.length === 1 && isUuid(id)) return { kind: "homeroom", cohortId: id.toLowerCase() };
  if (parts.length === 2 && isUuid(parts[0] as string) && isUuid(parts[1] as string)) {
    return { kind: "scheduled", cohortId: (parts[0] as string).toLowerCase(), subjectId: (parts[1] as string).toLowerCase() };
  }
  return null;
}

export function scoreScaleId(cohortId: string, subjectId: string, scale: Scale): string {
  return `${scheduledClassId(cohortId, subjectId)}.${scale}`;
}

function parseScoreScaleId(id: string): { cohortId: string; subjectId: string; scale: Scale } | null {
  const parts = id.split(".");
  if (parts.length !== 3) return null;
  const cls = parseClassId(`${parts[0]}.${parts[1]}`);
  const scale = SCALES.find((s) => s === parts[2]);
  if (!cls || cls.kind !== "scheduled" || !scale) return null;
  return { cohortId: cls.cohortId, subjectId: cls.subjectId, scale };
}

const GRADEBOOK = "/ims/oneroster/gradebook/v1p2";
const ROSTERING = "/ims/oneroster/rostering/v1p2";

function refs(origin: string) {
  const ref = <T extends string>(base: string, collection: string, type: T) => (sourcedId: string) => ({
    href: `${origin}${base}/${collection}/${encodeURIComponent(sourcedId)}`,
    sourcedId,
    type,
  });
  return {
    lineItem: ref(GRADEBOOK, "lineItems", "lineItem"),
    category: ref(GRADEBOOK, "categories", "category"),
    scoreScale: ref(GRADEBOOK, "scoreScales", "scoreScale"),
    class: ref(ROSTERING, "classes", "class"),
    school: ref(ROSTERING, "orgs", "org"),
    user: ref(ROSTERING, "users", "user"),
    course: ref(ROSTERING, "courses", "course"),
    session: ref(ROSTERING, "academicSessions", "academicSession"),
  };
}

type Ref<T extends string> = { href: string; sourcedId: string; type: T };

/**
 * The same reference builders, each remembering what it made: a bulk list refers to the
 * same class, student, lesson and scale again and again (175,000 results of a school's
 * year name 500 students and 250 classes), so each href is formatted once per request.
 * The objects are shared between the list's items, which are only ever serialised.
 */
function requestRefs(origin: string): ReturnType<typeof refs> {
  const made = refs(origin);
  const remember = <T>(make: (id: string) => T): ((id: string) => T) => {
    const seen = new Map<string, T>();
    return (id) => {
      let v = seen.get(id);
      if (v === undefined) {
        v = make(id);
        seen.set(id, v);
      }
      return v;
    };
  };
  return {
    lineItem: remember(made.lineItem),
    category: remember(made.category),
    scoreScale: remember(made.scoreScale),
    class: remember(made.class),
    school: remember(made.school),
    user: remember(made.user),
    course: remember(made.course),
    session: remember(made.session),
  };
}

// ───────────────────────────── the objects ─────────────────────────────

export type Status = "active" | "tobedeleted";

export type Category = { sourcedId: string; status: Status; dateLastModified: string; title: string; weight: number };

export type LineItem = {
  sourcedId: string;
  status: Status;
  dateLastModified: string;
  title: string;
  assignDate: string;
  dueDate: string;
  class: Ref<"class">;
  school: Ref<"org">;
  category: Ref<"category">;
  gradingPeriod?: Ref<"academicSession">;
  academicSession?: Ref<"academicSession">;
  scoreScale?: Ref<"scoreScale">;
  resultValueMin?: number;
  resultValueMax?: number;
};

export type ScoreStatus = "fully graded" | "exempt" | "not submitted";

export type Result = {
  sourcedId: string;
  status: Status;
  dateLastModified: string;
  lineItem: Ref<"lineItem">;
  student: Ref<"user">;
  class: Ref<"class">;
  scoreScale?: Ref<"scoreScale">;
  scoreStatus: ScoreStatus;
  score?: number;
  textScore?: string;
  scoreDate: string;
  comment?: string;
};

export type ScoreScale = {
  sourcedId: string;
  status: Status;
  dateLastModified: string;
  title: string;
  type: Scale;
  course: Ref<"course">;
  class: Ref<"class">;
  scoreScaleValue: { itemValueLHS: string; itemValueRHS: string }[];
};

/** The journal's symbols of the marks that are not numbers (lib/grading/display.ts). */
export const TEXT_SCORE = { PASS: "зач", FAIL: "незач", NOT_ATTESTED: "н/а", EXEMPT: "осв" } as const;

const SPECIAL_VALUES = [
  { itemValueLHS: TEXT_SCORE.NOT_ATTESTED, itemValueRHS: "не аттестован" },
  { itemValueLHS: TEXT_SCORE.EXEMPT, itemValueRHS: "освобождён" },
];

const SCALE_TEXT: Record<Scale, { title: string; values: { itemValueLHS: string; itemValueRHS: string }[] }> = {
  FIVE_POINT: {
    title: "Пятибалльная шкала",
    values: [
      { itemValueLHS: "5", itemValueRHS: "отлично" },
      { itemValueLHS: "4", itemValueRHS: "хорошо" },
      { itemValueLHS: "3", itemValueRHS: "удовлетворительно" },
      { itemValueLHS: "2", itemValueRHS: "неудовлетворительно" },
      { itemValueLHS: "1", itemValueRHS: "плохо" },
      ...SPECIAL_VALUES,
    ],
  },
  PASS_FAIL: {
    title: "Зачёт или незачёт",
    values: [
      { itemValueLHS: TEXT_SCORE.PASS, itemValueRHS: "зачтено" },
      { itemValueLHS: TEXT_SCORE.FAIL, itemValueRHS: "не зачтено" },
      ...SPECIAL_VALUES,
    ],
  },
  DESCRIPTIVE: {
    title: "Словесная оценка (без отметок)",
    values: [{ itemValueLHS: "текст", itemValueRHS: "отзыв учителя словами, без балла" }, ...SPECIAL_VALUES],
  },
};

// ───────────────────────────── the school's small tables ─────────────────────────────

type Item = { cohortId: string; subjectId: string; scale: MarkScale; validFrom: string; validTo: string | null; updatedAt: Date };
type PeriodRow = { id: string; yearId: string; kind: string; startDate: string; endDate: string; gradeFrom: number; gradeTo: number };
type CohortRow = { id: string; grade: number; parentId: string | null; yearId: string };

/** What the builders look up per row, read once per request. */
export type SchoolFacts = {
  schoolId: string;
  today: string;
  cohorts: Map<string, CohortRow>;
  periods: PeriodRow[];
  /** curriculum lines by `${cohortId}.${subjectId}` */
  items: Map<string, Item[]>;
  /** the LESSON work type, else the lightest one in use: the category of a lesson without its own */
  defaultWorkTypeId: string | null;
};

export async function loadSchoolFacts(db: Db, schoolId: string): Promise<SchoolFacts> {
  const [school, cohorts, periods, items, workTypes] = await Promise.all([
    db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timeZone: true } }),
    db.cohort.findMany({ where: { schoolId }, select: { id: true, grade: true, parentId: true, yearId: true } }),
    db.period.findMany({
      where: { schoolId },
      orderBy: { startDate: "asc" },
      select: { id: true, yearId: true, kind: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true },
    }),
    db.curriculumItem.findMany({ where: { schoolId }, select: { cohortId: true, subjectId: true, scale: true, validFrom: true, validTo: true, updatedAt: true } }),
    db.workType.findMany({ where: { schoolId }, select: { id: true, code: true, archived: true, weight: true } }),
  ]);
  const byClass = new Map<string, Item[]>();
  for (const i of items) {
    const key = scheduledClassId(i.cohortId, i.subjectId);
    const list = byClass.get(key) ?? [];
    list.push({ ...i, validFrom: dateToDay(i.validFrom), validTo: i.validTo ? dateToDay(i.validTo) : null });
    byClass.set(key, list);
  }
  // as lib/journal/record-cell.ts picks the work type of a mark in a column without one
  const lessonType = workTypes.find((w) => w.code === "LESSON");
  const lightest = workTypes.filter((w) => !w.archived).sort((a, b) => hundredths(a.weight.toString()) - hundredths(b.weight.toString()))[0];
  return {
    schoolId,
    today: schoolToday(school.timeZone),
    cohorts: new Map(cohorts.map((c) => [c.id, c])),
    periods: periods.map((q) => ({ ...q, startDate: dateToDay(q.startDate), endDate: dateToDay(q.endDate) })),
    items: byClass,
    defaultWorkTypeId: lessonType?.id ?? lightest?.id ?? null,
  };
}

/**
 * The scale of a subject in a cohort on a day: the curriculum line of the cohort (or, for
 * a group, of its class) in force that day, the latest first — exactly as the journal
 * parses a cell (lib/journal/record-cell.ts), so what we announce is what a write accepts.
 */
export function scaleOn(facts: SchoolFacts, cohortId: string, subjectId: string, day: string): MarkScale {
  return scaleAmong(scaleLines(facts, cohortId, subjectId), day);
}

/** The curriculum lines that may decide a class's scale: the cohort's own, then its class's. */
function scaleLines(facts: SchoolFacts, cohortId: string, subjectId: string): Item[] {
  const cohort = facts.cohorts.get(cohortId);
  return [
    ...(facts.items.get(scheduledClassId(cohortId, subjectId)) ?? []),
    ...(cohort?.parentId ? facts.items.get(scheduledClassId(cohort.parentId, subjectId)) ?? [] : []),
  ];
}

function scaleAmong(lines: readonly Item[], day: string): MarkScale {
  let best: Item | null = null;
  for (const i of lines) {
    if (i.validFrom > day || (i.validTo !== null && i.validTo < day)) continue;
    if (!best || i.validFrom > best.validFrom) best = i;
  }
  return best?.scale ?? "FIVE_POINT";
}

/** scaleOn for the many rows of one request: each class's lines are gathered once. */
function scaleFinder(facts: SchoolFacts): (cohortId: string, subjectId: string, day: string) => MarkScale {
  const byClass = new Map<string, Item[]>();
  return (cohortId, subjectId, day) => {
    const key = scheduledClassId(cohortId, subjectId);
    let lines = byClass.get(key);
    if (!lines) {
      lines = scaleLines(facts, cohortId, subjectId);
      byClass.set(key, lines);
    }
    return scaleAmong(lines, day);
  };
}

/** The journal's term (четверть, триместр, полугодие) of a day for a cohort's grade; the year if the school has no terms. */
export function periodOf(facts: SchoolFacts, cohortId: string, day: string): PeriodRow | null {
  const cohort = facts.cohorts.get(cohortId);
  if (!cohort) return null;
  const fits = facts.periods.filter(
    (q) => q.yearId === cohort.yearId && q.startDate <= day && day <= q.endDate && q.gradeFrom <= cohort.grade && cohort.grade <= q.gradeTo,
  );
  return fits.find((q) => q.kind !== "YEAR") ?? fits[0] ?? null;
}

// ───────────────────────────── categories ─────────────────────────────

async function categories(ctx: GradebookContext, id?: string): Promise<Category[]> {
  const schoolId = ctx.caller.schoolId;
  const [school, types, versions] = await Promise.all([
    ctx.db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timeZone: true } }),
    ctx.db.workType.findMany({
      where: { schoolId, ...(id ? { id } : {}) },
      orderBy: { id: "asc" },
      select: { id: true, name: true, weight: true, archived: true, updatedAt: true },
    }),
    ctx.db.workTypeWeight.findMany({ where: { schoolId, ...(id ? { workTypeId: id } : {}) }, select: { workTypeId: true, validFrom: true, weight: true } }),
  ]);
  const today = schoolToday(school.timeZone);
  const byType = new Map<string, WeightVersion[]>();
  for (const v of versions) {
    const list = byType.get(v.workTypeId) ?? [];
    list.push({ validFrom: dateToDay(v.validFrom), weight: hundredths(v.weight.toString()) });
    byType.set(v.workTypeId, list);
  }
  return types.map((w) => ({
    sourcedId: w.id,
    status: w.archived ? "tobedeleted" : "active",
    dateLastModified: w.updatedAt.toISOString(),
    title: w.name,
    // the weight a mark of this type gets today (dated versions: lib/grading/weights.ts)
    weight: weightInForce({ base: hundredths(w.weight.toString()), versions: byType.get(w.id) ?? [] }, today) / 100,
  }));
}

export function listCategories(ctx: GradebookContext): Promise<Category[]> {
  return categories(ctx);
}

export async function getCategory(ctx: GradebookContext, id: string): Promise<Category> {
  const found = isUuid(id) ? (await categories(ctx, id.toLowerCase()))[0] : undefined;
  if (!found) throw unknown("category", id);
  return found;
}

// ───────────────────────────── lineItems ─────────────────────────────

const lessonSelect = {
  id: true, cohortId: true, subjectId: true, date: true, topic: true, workTypeId: true, updatedAt: true,
} as const;

type LessonRow = { id: string; cohortId: string; subjectId: string; date: Date; topic: string | null; workTypeId: string | null; updatedAt: Date };

/** The title of a lineItem: the lesson's topic, else «Урок 12.09.2026». */
export function lineItemTitle(lesson: { topic: string | null; date: Date }): string {
  const topic = lesson.topic?.trim();
  return topic ? topic : `Урок ${formatDayRu(dateToDay(lesson.date))}`;
}

/** Builds the lineItems of one request, its lookups shared by every row. */
function lineItemBuilder(ctx: GradebookContext, facts: SchoolFacts): (l: LessonRow) => LineItem {
  const r = requestRefs(ctx.origin);
  const scaleFor = scaleFinder(facts);
  const school = r.school(ctx.caller.schoolId);
  return (l) => {
    const day = dateToDay(l.date);
    const period = periodOf(facts, l.cohortId, day);
    const cohort = facts.cohorts.get(l.cohortId);
    const scale = scaleFor(l.cohortId, l.subjectId, day);
    const categoryId = l.workTypeId ?? facts.defaultWorkTypeId;
    const item: LineItem = {
      sourcedId: l.id,
      status: "active",
      dateLastModified: l.updatedAt.toISOString(),
      title: lineItemTitle(l),
      assignDate: `${day}T00:00:00Z`,
      dueDate: `${day}T00:00:00Z`,
      class: r.class(scheduledClassId(l.cohortId, l.subjectId)),
      school,
      // a school with no work type at all has no marks either; the id stays a valid reference form
      category: r.category(categoryId ?? "none"),
    };
    if (period) item.gradingPeriod = r.session(period.id);
    if (cohort) item.academicSession = r.session(cohort.yearId);
    if (scale !== "NONE") item.scoreScale = r.scoreScale(scoreScaleId(l.cohortId, l.subjectId, scale));
    if (scale === "FIVE_POINT") {
      item.resultValueMin = 1;
      item.resultValueMax = 5;
    }
    return item;
  };
}

/** A lesson is a lineItem when the teacher gave it a work type or it has a mark (even a removed one: its result still points here). */
const IS_LINE_ITEM = { OR: [{ workTypeId: { not: null } }, { marks: { some: {} } }] };

/** The builder's order of lineItems: the journal's columns, left to right. */
const LINE_ITEM_ORDER = [{ date: "asc" }, { lessonNumber: "asc" }, { id: "asc" }] satisfies Prisma.LessonOrderByWithRelationInput[];

/** Where the lineItems of a class (or the school) are; null for a homeroom class, which has none. */
async function lineItemsWhere(ctx: GradebookContext, cls?: ClassKey): Promise<Prisma.LessonWhereInput[] | null> {
  if (cls) await assertClass(ctx, cls);
  if (cls?.kind === "homeroom") return null;
  return [{ schoolId: ctx.caller.schoolId, ...(cls ? { cohortId: cls.cohortId, subjectId: cls.subjectId } : {}) }, IS_LINE_ITEM];
}

export async function listLineItems(ctx: GradebookContext, cls?: ClassKey): Promise<LineItem[]> {
  const where = await lineItemsWhere(ctx, cls);
  if (!where) return [];
  const [facts, lessons] = await Promise.all([
    loadSchoolFacts(ctx.db, ctx.caller.schoolId),
    ctx.db.lesson.findMany({ where: { AND: where }, orderBy: LINE_ITEM_ORDER, select: lessonSelect }),
  ]);
  return lessons.map(lineItemBuilder(ctx, facts));
}

/** One page of lineItems and their count, the database filtering, ordering and slicing (see lineItemsQuery). */
export async function pageLineItems(ctx: GradebookContext, cls: ClassKey | undefined, q: LineItemsQuery): Promise<{ items: LineItem[]; total: number }> {
  const base = await lineItemsWhere(ctx, cls);
  if (!base) return { items: [], total: 0 };
  const where = { AND: [...base, q.where] };
  const orderBy = q.order === "default" ? LINE_ITEM_ORDER : [{ id: q.order }];
  const [facts, lessons, total] = await Promise.all([
    loadSchoolFacts(ctx.db, ctx.caller.schoolId),
    ctx.db.lesson.findMany({ where, orderBy, skip: q.skip, take: q.take, select: lessonSelect }),
    ctx.db.lesson.count({ where }),
  ]);
  return { items: lessons.map(lineItemBuilder(ctx, facts)), total };
}

/** The lesson behind a lineItem sourcedId, or null when it is not one. */
export async function findLineItemLesson(ctx: GradebookContext, id: string): Promise<LessonRow | null> {
  if (!isUuid(id)) return null;
  return ctx.db.lesson.findFirst({ where: { schoolId: ctx.caller.schoolId, id: id.toLowerCase(), ...IS_LINE_ITEM }, select: lessonSelect });
}

export async function getLineItem(ctx: GradebookContext, id: string): Promise<LineItem> {
  const lesson = await findLineItemLesson(ctx, id);
  if (!lesson) throw unknown("lineItem", id);
  return lineItemBuilder(ctx, await loadSchoolFacts(ctx.db, ctx.caller.schoolId))(lesson);
}

// ───────────────────────────── results ─────────────────────────────

type MarkRow = {
  id: string; lessonId: string; studentId: string; cohortId: string; subjectId: string; date: Date;
  kind: string; value: number | null; text: string | null; comment: string | null; removedAt: Date | null; updatedAt: Date;
};

const markSelect = {
  id: true, lessonId: true, studentId: true, cohortId: true, subjectId: true, date: true,
  kind: true, value: true, text: true, comment: true, removedAt: true, updatedAt: true,
} as const;

/** What a mark says as a result: its score or text, and the status of the score. */
export function resultScore(m: { kind: string; value: number | null; text: string | null }): { scoreStatus: ScoreStatus; score?: number; textScore?: string } {
  switch (m.kind) {
    case "NUMERIC":
      return m.value === null ? { scoreStatus: "fully graded" } : { scoreStatus: "fully graded", score: m.value };
    case "PASS":
      return { scoreStatus: "fully graded", textScore: TEXT_SCORE.PASS };
    case "FAIL":
      return { scoreStatus: "fully graded", textScore: TEXT_SCORE.FAIL };
    case "EXEMPT":
      return { scoreStatus: "exempt", textScore: TEXT_SCORE.EXEMPT };
    case "NOT_ATTESTED":
      return { scoreStatus: "not submitted", textScore: TEXT_SCORE.NOT_ATTESTED };
    default:
      return { scoreStatus: "fully graded", textScore: m.text ?? "" };
  }
}

/** Builds the results of one request, its lookups shared by every row. */
function resultBuilder(ctx: GradebookContext, facts: SchoolFacts): (m: MarkRow) => Result {
  const r = requestRefs(ctx.origin);
  const scaleFor = scaleFinder(facts);
  return (m) => {
    const day = dateToDay(m.date);
    const scale = scaleFor(m.cohortId, m.subjectId, day);
    const result: Result = {
      sourcedId: m.id,
      status: m.removedAt ? "tobedeleted" : "active",
      dateLastModified: m.updatedAt.toISOString(),
      lineItem: r.lineItem(m.lessonId),
      student: r.user(m.studentId),
      class: r.class(scheduledClassId(m.cohortId, m.subjectId)),
      ...resultScore(m),
      scoreDate: day,
    };
    if (scale !== "NONE") result.scoreScale = r.scoreScale(scoreScaleId(m.cohortId, m.subjectId, scale));
    if (m.comment) result.comment = m.comment;
    return result;
  };
}

export type ResultScope =
  | { kind: "all" }
  | { kind: "class"; cls: ClassKey }
  | { kind: "lineItem"; cls: ClassKey; lineItemId: string }
  | { kind: "student"; cls: ClassKey; studentId: string };

/**
 * Where the marks of a scope are, on Mark's indexes: (cohort, subject, date) for a class,
 * (lesson, student, part) for a lineItem, (student, subject, date) for a student. Null
 * when the scope has none (a homeroom class); refuses an unknown class, lineItem or
 * student — and a student the caller may not see, as if unknown. The caller's consent
 * rule for the other rows is the caller's to apply.
 */
async function resultsWhere(ctx: GradebookContext, scope: ResultScope, visible: ReadonlySet<string> | null): Promise<Prisma.MarkWhereInput | null> {
  const schoolId = ctx.caller.schoolId;
  if (scope.kind !== "all" && scope.cls.kind === "homeroom") {
    if (scope.kind === "lineItem") throw unknown("lineItem", scope.lineItemId);
    return null;
  }
  const cls = scope.kind === "all" ? null : (scope.cls as Extract<ClassKey, { kind: "scheduled" }>);
  const where: Prisma.MarkWhereInput = { schoolId };
  if (cls) Object.assign(where, { cohortId: cls.cohortId, subjectId: cls.subjectId });
  if (scope.kind === "lineItem") {
    const lesson = await findLineItemLesson(ctx, scope.lineItemId);
    if (!lesson || lesson.cohortId !== cls?.cohortId || lesson.subjectId !== cls.subjectId) throw unknown("lineItem", scope.lineItemId);
    where.lessonId = lesson.id;
  }
  if (scope.kind === "student") {
    const id = scope.studentId.toLowerCase();
    const student = isUuid(id) && maySee(visible, id) ? await ctx.db.student.findUnique({ where: { schoolId_id: { schoolId, id } }, select: { id: true } }) : null;
    if (!student) throw unknown("student", scope.studentId);
    where.studentId = student.id;
  }
  return where;
}

/**
 * Results in bulk: one query on Mark per request. A diary service's list leaves out every
 * child it may not see. The whole list, for the bulk readers (the CSV package, the change
 * feed) and for the queries the database cannot answer exactly (see resultsQuery).
 */
export async function listResults(ctx: GradebookContext, scope: ResultScope): Promise<Result[]> {
  if (scope.kind !== "all") await assertClass(ctx, scope.cls);
  const [facts, visible] = await Promise.all([loadSchoolFacts(ctx.db, ctx.caller.schoolId), visibleStudentIds(ctx.db, ctx.caller)]);
  const where = await resultsWhere(ctx, scope, visible);
  if (!where) return [];
  const marks = await ctx.db.mark.findMany({ where, orderBy: { id: "asc" }, select: markSelect });
  return marks.filter((m) => maySee(visible, m.studentId)).map(resultBuilder(ctx, facts));
}

/**
 * One page of results and their count: the same rows as listResults then applyQuery,
 * with the filter, the order, the slice and the consent rule in the query, so a page of
 * a school's 175,000 results reads 100 marks and counts the rest.
 */
export async function pageResults(ctx: GradebookContext, scope: ResultScope, q: ResultsQuery): Promise<{ items: Result[]; total: number }> {
  if (scope.kind !== "all") await assertClass(ctx, scope.cls);
  const [facts, visible] = await Promise.all([loadSchoolFacts(ctx.db, ctx.caller.schoolId), visibleStudentIds(ctx.db, ctx.caller)]);
  const base = await resultsWhere(ctx, scope, visible);
  if (!base) return { items: [], total: 0 };
  const where: Prisma.MarkWhereInput = { AND: [base, q.where, ...(visible ? [{ studentId: { in: [...visible] } }] : [])] };
  const [marks, total] = await Promise.all([
    ctx.db.mark.findMany({ where, orderBy: { id: q.order === "desc" ? "desc" : "asc" }, skip: q.skip, take: q.take, select: markSelect }),
    ctx.db.mark.count({ where }),
  ]);
  return { items: marks.map(resultBuilder(ctx, facts)), total };
}

export async function getResult(ctx: GradebookContext, id: string): Promise<Result> {
  const schoolId = ctx.caller.schoolId;
  const mark = isUuid(id) ? await ctx.db.mark.findUnique({ where: { schoolId_id: { schoolId, id: id.toLowerCase() } }, select: markSelect }) : null;
  // a child the caller may not see is not there for it: the same answer as an unknown id
  if (!mark || !maySee(await visibleStudentIds(ctx.db, ctx.caller), mark.studentId)) throw unknown("result", id);
  return resultBuilder(ctx, await loadSchoolFacts(ctx.db, schoolId))(mark);
}

// ───────────────────────────── paging in the database ─────────────────────────────

/*
 * The collection query of lineItems and results as a Prisma query, for the queries whose
 * answer the database gives exactly as the in-memory path (lib/oneroster/query.ts) would:
 * query.ts's pushdownPlan says which predicates compare how, and here each field becomes
 * its column. A value the built objects could never equal (an upper-case UUID: ours are
 * lower-case, and the in-memory `=` compares texts) matches nothing under `=` and
 * everything under `!=`, as in memory. A date compared with a date field is compared as
 * an instant; against a field that holds a day (scoreDate, assignDate) only a midnight
 * UTC instant maps onto the day column exactly, so any other falls back.
 */

type Where = Record<string, unknown>;
/** matches every row / no row */
const ALL: Where = {};
const NONE: Where = { id: { in: [] } };
const LOWER_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY_MS = 86_400_000;
/** instants before this are not sent to the database (a year 0 is not a PostgreSQL date); such filters stay in memory */
const EARLIEST = Date.UTC(1000, 0, 1);

type TextPredicate = Extract<PushdownPredicate, { kind: "text" }>;
type InstantPredicate = Extract<PushdownPredicate, { kind: "instant" }>;

const COMPARE = { "=": "equals", "!=": "not", ">": "gt", ">=": "gte", "<": "lt", "<=": "lte" } as const;

function uuidColumn(column: string): (p: TextPredicate) => Where {
  return (p) => {
    if (!LOWER_UUID.test(p.value)) return p.equal ? NONE : ALL;
    return p.equal ? { [column]: p.value } : { [column]: { not: p.value } };
  };
}

/** `class.sourcedId` of a scheduled class: `<cohort id>.<subject id>`, both columns. */
function classColumns(p: TextPredicate): Where {
  const [cohortId, subjectId, ...rest] = p.value.split(".");
  if (rest.length > 0 || !cohortId || !subjectId || !LOWER_UUID.test(cohortId) || !LOWER_UUID.test(subjectId)) return p.equal ? NONE : ALL;
  return p.equal ? { cohortId, subjectId } : { NOT: { cohortId, subjectId } };
}

function instantColumn(column: string, wholeDays: boolean): (p: InstantPredicate) => Where | null {
  return (p) => {
    if (p.at < EARLIEST || (wholeDays && p.at % DAY_MS !== 0)) return null;
    return { [column]: { [COMPARE[p.op]]: new Date(p.at) } };
  };
}

type Columns = { text: Record<string, (p: TextPredicate) => Where>; instant: Record<string, (p: InstantPredicate) => Where | null> };

function kinds(columns: Columns): Record<string, PushdownKind> {
  return {
    ...Object.fromEntries(Object.keys(columns.text).map((f) => [f, "text" as const])),
    ...Object.fromEntries(Object.keys(columns.instant).map((f) => [f, "instant" as const])),
  };
}

/** The filter of a plan as a where, ALL and NONE folded away; null if a predicate has no exact column form. */
function planWhere(plan: PushdownPlan, columns: Columns): Where | null {
  if (!plan.filter) return ALL;
  const parts: Where[] = [];
  for (const p of plan.filter.predicates) {
    const part = p.kind === "text" ? columns.text[p.field]?.(p) : columns.instant[p.field]?.(p);
    if (!part) return null;
    parts.push(part);
  }
  if (plan.filter.join === "AND") {
    if (parts.includes(NONE)) return NONE;
    const rest = parts.filter((w) => w !== ALL);
    return rest.length === 0 ? ALL : { AND: rest };
  }
  if (parts.includes(ALL)) return ALL;
  const rest = parts.filter((w) => w !== NONE);
  return rest.length === 0 ? NONE : { OR: rest };
}

const RESULT_COLUMNS: Columns = {
  text: {
    sourcedId: uuidColumn("id"),
    status: (p) => {
      const removed = p.value === "tobedeleted" ? { removedAt: { not: null } } : p.value === "active" ? { removedAt: null } : null;
      if (!removed) return p.equal ? NONE : ALL;
      return p.equal ? removed : { removedAt: p.value === "active" ? { not: null } : null };
    },
    "student.sourcedId": uuidColumn("studentId"),
    "lineItem.sourcedId": uuidColumn("lessonId"),
    "class.sourcedId": classColumns,
  },
  instant: { dateLastModified: instantColumn("updatedAt", false), scoreDate: instantColumn("date", true) },
};
const RESULT_KINDS = kinds(RESULT_COLUMNS);

export type ResultsQuery = { where: Prisma.MarkWhereInput; order: "asc" | "desc"; skip: number; take: number };

/** A results query in the database's terms, or null when only the in-memory path answers it exactly. */
export function resultsQuery(q: CollectionQuery): ResultsQuery | null {
  const plan = pushdownPlan(q, RESULT_KINDS);
  const where = plan && planWhere(plan, RESULT_COLUMNS);
  if (!plan || !where) return null;
  // the builder's order is the marks' ids ascending, which is sourcedId ascending
  return { where, order: plan.order === "sourcedId desc" ? "desc" : "asc", skip: q.offset, take: q.limit };
}

const LINE_ITEM_COLUMNS: Columns = {
  text: {
    sourcedId: uuidColumn("id"),
    // every lineItem is active
    status: (p) => ((p.value === "active") === p.equal ? ALL : NONE),
    "class.sourcedId": classColumns,
  },
  instant: {
    dateLastModified: instantColumn("updatedAt", false),
    assignDate: instantColumn("date", true),
    dueDate: instantColumn("date", true),
  },
};
const LINE_ITEM_KINDS = kinds(LINE_ITEM_COLUMNS);

export type LineItemsQuery = { where: Prisma.LessonWhereInput; order: "default" | "asc" | "desc"; skip: number; take: number };

/** A lineItems query in the database's terms, or null when only the in-memory path answers it exactly. */
export function lineItemsQuery(q: CollectionQuery): LineItemsQuery | null {
  const plan = pushdownPlan(q, LINE_ITEM_KINDS);
  const where = plan && planWhere(plan, LINE_ITEM_COLUMNS);
  if (!plan || !where) return null;
  const order = plan.order === "default" ? "default" : plan.order === "sourcedId desc" ? "desc" : "asc";
  return { where, order, skip: q.offset, take: q.limit };
}

// ───────────────────────────── scoreScales ─────────────────────────────

/** The scales a scheduled class uses: its curriculum lines' (or, for a group without its own, its class's). */
function classScales(facts: SchoolFacts, cohortId: string, subjectId: string): { scale: Scale; updatedAt: Date }[] {
  const cohort = facts.cohorts.get(cohortId);
  const own = facts.items.get(scheduledClassId(cohortId, subjectId)) ?? [];
  const lines = own.length > 0 || !cohort?.parentId ? own : facts.items.get(scheduledClassId(cohort.parentId, subjectId)) ?? [];
  const out = new Map<Scale, Date>();
  for (const i of lines) {
    if (i.scale === "NONE") continue;
    const seen = out.get(i.scale);
    if (!seen || i.updatedAt > seen) out.set(i.scale, i.updatedAt);
  }
  return SCALES.flatMap((scale) => {
    const updatedAt = out.get(scale);
    return updatedAt ? [{ scale, updatedAt }] : [];
  });
}

function buildScoreScale(ctx: GradebookContext, cohortId: string, subjectId: string, scale: Scale, updatedAt: Date): ScoreScale {
  const r = refs(ctx.origin);
  const text = SCALE_TEXT[scale];
  return {
    sourcedId: scoreScaleId(cohortId, subjectId, scale),
    status: "active",
    dateLastModified: updatedAt.toISOString(),
    title: text.title,
    type: scale,
    course: r.course(subjectId),
    class: r.class(scheduledClassId(cohortId, subjectId)),
    scoreScaleValue: text.values.map((v) => ({ ...v })),
  };
}

export async function listScoreScales(ctx: GradebookContext, cls?: ClassKey): Promise<ScoreScale[]> {
  if (cls) await assertClass(ctx, cls);
  if (cls?.kind === "homeroom") return [];
  const facts = await loadSchoolFacts(ctx.db, ctx.caller.schoolId);
  const classes = cls ? [[cls.cohortId, cls.subjectId] as const] : [...facts.items.values()].map((list) => [(list[0] as Item).cohortId, (list[0] as Item).subjectId] as const);
  return classes
    .flatMap(([cohortId, subjectId]) => classScales(facts, cohortId, subjectId).map((s) => buildScoreScale(ctx, cohortId, subjectId, s.scale, s.updatedAt)))
    .sort((a, b) => (a.sourcedId < b.sourcedId ? -1 : a.sourcedId > b.sourcedId ? 1 : 0));
}

export async function listSchoolScoreScales(ctx: GradebookContext, schoolId: string): Promise<ScoreScale[]> {
  if (schoolId.toLowerCase() !== ctx.caller.schoolId) throw unknown("school", schoolId);
  return listScoreScales(ctx);
}

export async function getScoreScale(ctx: GradebookContext, id: string): Promise<ScoreScale> {
  const key = parseScoreScaleId(id);
  if (!key) throw unknown("scoreScale", id);
  const facts = await loadSchoolFacts(ctx.db, ctx.caller.schoolId);
  const found = classScales(facts, key.cohortId, key.subjectId).find((s) => s.scale === key.scale);
  if (!found) throw unknown("scoreScale", id);
  return buildScoreScale(ctx, key.cohortId, key.subjectId, key.scale, found.updatedAt);
}

// ───────────────────────────── helpers ─────────────────────────────

/** `null`: the caller sees every child of the school; else the children it may see. */
export async function visibleStudentIds(db: Db, caller: ApiCaller): Promise<ReadonlySet<string> | null> {
  const v = await new RosterRows(caller, db).visibility();
  return v.all ? null : v.students;
}

export function maySee(visible: ReadonlySet<string> | null, studentId: string): boolean {
  return visible === null || visible.has(studentId);
}

function unknown(what: string, id: string): OneRosterError {
  const shown = id.length > 100 ? `${id.slice(0, 100)}…` : id;
  return new OneRosterError("unknownobject", `There is no ${what} "${shown}" in this school.`);
}

/** The class of a per-class route must exist in the caller's school, or the answer is 404. */
export async function assertClass(ctx: GradebookContext, cls: ClassKey): Promise<void> {
  const schoolId = ctx.caller.schoolId;
  const [cohort, subject] = await Promise.all([
    ctx.db.cohort.findUnique({ where: { schoolId_id: { schoolId, id: cls.cohortId } }, select: { id: true } }),
    // a scheduled class is a curriculum line, as the rostering service lists the classes
    cls.kind === "scheduled"
      ? ctx.db.curriculumItem.findFirst({ where: { schoolId, cohortId: cls.cohortId, subjectId: cls.subjectId }, select: { id: true } })
      : Promise.resolve({ id: "" }),
  ]);
  if (!cohort || !subject) throw unknown("class", cls.kind === "scheduled" ? scheduledClassId(cls.cohortId, cls.subjectId) : cls.cohortId);
}

/** A class sourcedId from a path, or 404. */
export function classKey(id: string): ClassKey {
  const key = parseClassId(id);
  if (!key) throw unknown("class", id);
  return key;
}
