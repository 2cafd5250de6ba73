/**
 * How the family's diary is cut into screens for the device (issue 7), and joined back
 * there. Pure and free of the server: lib/diary/sync.ts cuts the diary's DTOs into
 * screens, the offline diary (components/offline) joins them, and a test checks that
 * joining gives back exactly the DTOs the live pages render.
 *
 * A child's screens, by key:
 * - `week`, `week-next`: a week's header (the DTO without its days) and its days' dates;
 * - `day-<YYYY-MM-DD>`: one day of either week, as the week DTO holds it;
 * - `marks-<periodId>`: a period's marks page. The pages of the periods under way today
 *   (the term and the year), where marks come and forecasts move day by day, are cut:
 *   this screen is then the page without its subjects, with the subjects' ids in the
 *   page's order, and each subject is a screen of its own; the other periods' pages
 *   (terms gone by, terms to come) change seldom and stay whole, which keeps the list of
 *   screens the device sends back short;
 * - `marks-<periodId>-<subjectId>`: one subject of a cut page without its marks list
 *   (average, formula, suggestion, final mark, forecast: what moves as lessons pass);
 * - `marks-<periodId>-<subjectId>-list`: that subject's marks (what moves as marks come);
 * - `homework`, `tests`, `class`, `holidays`, `recommendations`, `results`: whole.
 * A subject of the year whose marks are exactly its marks of the terms, one term after
 * the other (the usual case), names those terms instead of listing the marks again,
 * `marks: {periods: [termId, …]}`, in the subject itself (no `-list` screen then).
 * The school's today is sent once per answer and left out of the screens (the `today` of
 * a DTO, a day's `isToday`) where it is that same day, so that a screen does not change
 * only because a night passed; joining puts it back. A `today` that is not the answer's
 * (a read across midnight) stays in its screen.
 *
 * So a changed mark changes its day, its subject's card and list in the term, and its
 * subject's card in the year, and only those are sent again; a night passing changes
 * the cards whose forecast moved.
 */
import type { DiaryDay, DiaryWeek } from "@/lib/diary/week";
import type { DiaryMark, DiaryMarksPage, DiarySubjectMarks } from "@/lib/diary/marks";
import type { DiaryHomeworkList } from "@/lib/diary/homework";
import type { DiaryTests } from "@/lib/diary/tests";
import type { DiaryClass } from "@/lib/diary/class";
import type { DiaryCalendar } from "@/lib/diary/holidays";
import type { DiaryRecommendation } from "@/lib/diary/recommendations";
import type { DiaryResults } from "@/lib/diary/results";

/** A DTO whose `today` is left out when it is the answer's today. */
type TodayOptional<T extends { today: string }> = Omit<T, "today"> & { today?: string };

/** A week without its days; `days` are the dates of its days, each a `day-<date>` screen. */
export type WeekHead = TodayOptional<Omit<DiaryWeek, "days">> & { days: string[] };
/** A day of a week; `isToday` is left out when it follows from the answer's today. */
export type DayPiece = Omit<DiaryDay, "isToday"> & { isToday?: boolean };
/** A subject's marks as stored: the list, or (the year's) the terms whose marks, one after the other, are its own. */
export type SubjectMarks = DiaryMark[] | { periods: string[] };
/** One subject of a period with its marks as stored. */
export type SubjectPiece = Omit<DiarySubjectMarks, "marks"> & { marks: SubjectMarks };
/** One subject of a cut page: its marks are in the `-list` screen unless they are the terms'. */
export type SubjectCard = Omit<DiarySubjectMarks, "marks"> & { marks?: { periods: string[] } };
/**
 * A period's marks page: whole (`subjects` the subjects themselves) or cut (`subjects`
 * their ids in the page's order, each a `marks-<periodId>-<subjectId>` screen).
 */
export type MarksHead = TodayOptional<Omit<DiaryMarksPage, "subjects">> & { subjects: SubjectPiece[] | string[] };

/** The sections that are sent whole, as their pages build them. */
export type Sections = {
  homework: DiaryHomeworkList;
  tests: DiaryTests;
  class: DiaryClass;
  holidays: DiaryCalendar;
  recommendations: { items: DiaryRecommendation[] };
  results: DiaryResults;
};
export type SectionKey = keyof Sections;

/** What each kind of screen holds, as sent and stored. */
export type ScreenData = {
  week: WeekHead;
  "week-next": WeekHead;
  day: DayPiece;
  marks: MarksHead;
  subject: SubjectCard;
  "subject-marks": DiaryMark[];
  homework: TodayOptional<DiaryHomeworkList>;
  tests: TodayOptional<DiaryTests>;
  class: TodayOptional<DiaryClass>;
  holidays: TodayOptional<DiaryCalendar>;
  recommendations: Sections["recommendations"];
  results: Sections["results"];
};
export type ScreenKind = keyof ScreenData;
export type WeekKey = "week" | "week-next";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const MARKS_KEY = new RegExp(`^marks-(${UUID})$`);
const SUBJECT_KEY = new RegExp(`^marks-(${UUID})-(${UUID})$`);
const LIST_KEY = new RegExp(`^marks-(${UUID})-(${UUID})-list$`);
const DAY_KEY = /^day-\d{4}-\d{2}-\d{2}$/;
export const SECTION_KEYS: readonly SectionKey[] = ["homework", "tests", "class", "holidays", "recommendations", "results"];
/** the sections whose DTO carries the school's today */
const SECTIONS_WITH_TODAY: readonly string[] = ["homework", "tests", "class", "holidays"];
const WHOLE: readonly string[] = ["week", "week-next", ...SECTION_KEYS];

/** The kind of a screen from its key: "marks-0193…" → "marks", "marks-0193…-0193…" → "subject", "…-list" → "subject-marks"; null for anything else. */
export function screenKind(key: string): ScreenKind | null {
  if (MARKS_KEY.test(key)) return "marks";
  if (SUBJECT_KEY.test(key)) return "subject";
  if (LIST_KEY.test(key)) return "subject-marks";
  if (DAY_KEY.test(key)) return "day";
  return WHOLE.includes(key) ? (key as ScreenKind) : null;
}

export const dayKey = (day: string): string => `day-${day}`;
export const marksKey = (periodId: string): string => `marks-${periodId}`;
export const subjectKey = (periodId: string, subjectId: string): string => `marks-${periodId}-${subjectId}`;
export const subjectMarksKey = (periodId: string, subjectId: string): string => `marks-${periodId}-${subjectId}-list`;

/** The period of a `marks-<periodId>` key; null for any other key. */
export function periodOfKey(key: string): string | null {
  return MARKS_KEY.exec(key)?.[1] ?? null;
}

function withoutToday<T extends { today: string }>(dto: T, today: string): TodayOptional<T> {
  if (dto.today !== today) return dto;
  const { today: _today, ...rest } = dto;
  return rest;
}

function withToday<T extends { today: string }>(piece: TodayOptional<T>, today: string): T {
  return (piece.today === undefined ? { ...piece, today } : piece) as T;
}

/** A week as screens: its header under `key`, and a screen for each day. */
export function splitWeek(key: WeekKey, week: DiaryWeek, today: string): [string, unknown][] {
  const { days, ...head } = week;
  const out: [string, unknown][] = [[key, { ...withoutToday(head, today), days: days.map((d) => d.day) } satisfies WeekHead]];
  for (const d of days) {
    const { isToday, ...rest } = d;
    out.push([dayKey(d.day), (isToday === (d.day === today) ? rest : d) satisfies DayPiece]);
  }
  return out;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The marks pages of a year's periods as screens: a page whose period is under way today
 * cut into its header and a screen per subject, any other page whole. A subject of the
 * year page names the terms instead of repeating their marks when its marks are exactly
 * theirs, one term after the other.
 */
export function splitMarksPages(pages: readonly DiaryMarksPage[], today: string): [string, unknown][] {
  const byId = new Map(pages.map((p) => [p.period.id, p]));
  const out: [string, unknown][] = [];
  for (const page of pages) {
    const { subjects, ...head } = page;
    const terms = page.period.kind === "YEAR" ? page.periods.filter((x) => x.kind !== "YEAR").map((x) => byId.get(x.id)) : [];
    const allTerms = terms.length > 0 && terms.every((x) => x !== undefined);
    const pieces = subjects.map((s): SubjectPiece => {
      if (!allTerms) return s;
      const theirs = terms.flatMap((t) => t?.subjects.find((x) => x.subjectId === s.subjectId)?.marks ?? []);
      return sameJson(theirs, s.marks) ? { ...s, marks: { periods: terms.map((t) => t?.period.id ?? "") } } : s;
    });
    const key = marksKey(page.period.id);
    if (page.period.startDate <= today && today <= page.period.endDate) {
      out.push([key, { ...withoutToday(head, today), subjects: subjects.map((s) => s.subjectId) } satisfies MarksHead]);
      for (const piece of pieces) {
        if (!Array.isArray(piece.marks)) {
          out.push([subjectKey(page.period.id, piece.subjectId), { ...piece, marks: piece.marks } satisfies SubjectCard]);
          continue;
        }
        const { marks, ...card } = piece;
        out.push([subjectKey(page.period.id, piece.subjectId), card satisfies SubjectCard]);
        out.push([subjectMarksKey(page.period.id, piece.subjectId), marks satisfies DiaryMark[]]);
      }
    } else {
      out.push([key, { ...withoutToday(head, today), subjects: pieces } satisfies MarksHead]);
    }
  }
  return out;
}

/** A section's screen: its `today` left out when it is the answer's today. */
export function splitSection<K extends SectionKey>(key: K, data: Sections[K], today: string): [string, unknown] {
  return [key, SECTIONS_WITH_TODAY.includes(key) ? withoutToday(data as Sections[K] & { today: string }, today) : data];
}

type Screens = ReadonlyMap<string, unknown>;

/** The week under `key` joined back; null when it or any of its days is missing. */
export function joinWeek(screens: Screens, key: WeekKey, today: string): DiaryWeek | null {
  const head = screens.get(key) as WeekHead | undefined;
  if (!head) return null;
  const days: DiaryDay[] = [];
  for (const day of head.days) {
    const d = screens.get(dayKey(day)) as DayPiece | undefined;
    if (!d) return null;
    days.push(d.isToday === undefined ? { ...d, isToday: d.day === today } : (d as DiaryDay));
  }
  return { ...withToday<Omit<DiaryWeek, "days">>(head, today), days };
}

/** The subjects of a stored marks page: a whole page's own, a cut page's from their screens; null when one is missing. */
function subjectsOf(screens: Screens, periodId: string, head: MarksHead): SubjectPiece[] | null {
  const out: SubjectPiece[] = [];
  for (const s of head.subjects) {
    if (typeof s !== "string") {
      out.push(s);
      continue;
    }
    const card = screens.get(subjectKey(periodId, s)) as SubjectCard | undefined;
    const marks: SubjectMarks | undefined = card?.marks ?? (screens.get(subjectMarksKey(periodId, s)) as DiaryMark[] | undefined);
    if (!card || !marks) return null;
    out.push({ ...card, marks });
  }
  return out;
}

/** The marks of one subject: its own, or its terms' one after the other; null when a term is missing. */
function marksOf(screens: Screens, piece: SubjectPiece): DiaryMark[] | null {
  if (Array.isArray(piece.marks)) return piece.marks;
  const out: DiaryMark[] = [];
  for (const periodId of piece.marks.periods) {
    const head = screens.get(marksKey(periodId)) as MarksHead | undefined;
    const subjects = head ? subjectsOf(screens, periodId, head) : null;
    if (!subjects) return null;
    // a term without this subject has none of its marks
    const term = subjects.find((x) => x.subjectId === piece.subjectId);
    if (term && !Array.isArray(term.marks)) return null;
    if (term) out.push(...(term.marks as DiaryMark[]));
  }
  return out;
}

/** A period's marks page joined back; null when its header or any of its subjects is missing. */
export function joinMarksPage(screens: Screens, periodId: string, today: string): DiaryMarksPage | null {
  const head = screens.get(marksKey(periodId)) as MarksHead | undefined;
  const pieces = head ? subjectsOf(screens, periodId, head) : null;
  if (!head || !pieces) return null;
  const subjects: DiarySubjectMarks[] = [];
  for (const piece of pieces) {
    const marks = marksOf(screens, piece);
    if (!marks) return null;
    subjects.push({ ...piece, marks });
  }
  const { subjects: _stored, ...rest } = head;
  return { ...withToday<Omit<DiaryMarksPage, "subjects">>(rest, today), subjects };
}

/** A section joined back (its `today` put back); null when it is not among the screens. */
export function joinSection<K extends SectionKey>(screens: Screens, key: K, today: string): Sections[K] | null {
  const data = screens.get(key);
  if (data === undefined) return null;
  return (SECTIONS_WITH_TODAY.includes(key) ? withToday(data as TodayOptional<Sections[K] & { today: string }>, today) : data) as Sections[K];
}

/** The periods whose marks pages are among the screens, in the order the keys come. */
export function marksPeriods(screens: Screens): string[] {
  return [...screens.keys()].map(periodOfKey).filter((x): x is string => x !== null);
}
