/**
 * The journal of a planned school: lessons, attendance, marks, homework, assessment
 * events, substitutions, recommendations and the final marks of ended terms. Generated
 * cohort by cohort into a row sink, so a whole region never sits in memory: the caller
 * flushes the sink between cohorts.
 *
 * Deterministic: every random choice comes from streams seeded by the plan's seed and the
 * cohort, student or subject it is about. Only ids (from `newId`) differ between runs.
 */
import type { Prisma } from "../../generated/prisma/client";
import { AbsenceBook } from "./absence";
import { dateOf, instantAt, SCHOOL_UTC_OFFSET, type Day } from "./calendar";
import { hundredths } from "../../lib/grading/marks";
import { addExempt, addMark, emptyTally, suggestFinal, type MarkTally } from "./final-marks";
import { draftLessons, type LessonDraft } from "./journal-lessons";
import { WORK_TYPES, type CurriculumItemPlan, type SchoolPlan, type WorkTypeCode } from "./plan";
import { hashSeed, Rng } from "./rng";
import { isPhysicalEducation, subjectDef, type HomeworkStyle } from "./subjects";
import { descriptiveText, homeworkText } from "./texts";

export type JournalRows = {
  lesson: Prisma.LessonCreateManyInput;
  substitution: Prisma.SubstitutionCreateManyInput;
  assessmentEvent: Prisma.AssessmentEventCreateManyInput;
  mark: Prisma.MarkCreateManyInput;
  attendance: Prisma.AttendanceCreateManyInput;
  homework: Prisma.HomeworkCreateManyInput;
  recommendation: Prisma.RecommendationCreateManyInput;
  finalMark: Prisma.FinalMarkCreateManyInput;
};
export type JournalTable = keyof JournalRows;
/** Insert order: a row's references are always in an earlier table or earlier in its own. */
export const JOURNAL_TABLES: readonly JournalTable[] = [
  "lesson", "substitution", "assessmentEvent", "mark", "attendance", "homework", "recommendation", "finalMark",
];

export type RowSink = { add<K extends JournalTable>(table: K, row: JournalRows[K]): void };

/** Database ids of the plan's rows, by the plan's indexes. */
export type PlanIds = {
  school: string;
  subjects: string[];
  staff: string[];
  students: string[];
  cohorts: string[];
  slots: string[];
  periods: string[];
  workTypes: Record<WorkTypeCode, string>;
};

export type JournalOptions = {
  /** lessons before this day are held, from it on planned */
  today: Day;
  from: Day;
  to: Day;
  /** homework is also set for planned lessons of the next days */
  homeworkAhead: number;
  newId: () => string;
};

const WEIGHT = new Map(WORK_TYPES.map((w) => [w.code, hundredths(w.weight)]));

const ORDINARY: Record<HomeworkStyle, readonly (readonly [WorkTypeCode, number])[]> = {
  ru: [["LESSON", 35], ["HOMEWORK", 25], ["INDEPENDENT", 15], ["ORAL", 15]],
  math: [["LESSON", 35], ["HOMEWORK", 20], ["INDEPENDENT", 20], ["ORAL", 10]],
  read: [["ORAL", 45], ["LESSON", 30], ["HOMEWORK", 20]],
  sci: [["ORAL", 35], ["LESSON", 35], ["HOMEWORK", 20], ["INDEPENDENT", 10]],
  lang: [["ORAL", 35], ["LESSON", 30], ["HOMEWORK", 25], ["INDEPENDENT", 10]],
  inf: [["LESSON", 60], ["ORAL", 20], ["PRACTICAL", 20]],
  none: [["LESSON", 85], ["ORAL", 15]],
};

/** The column's work type, set on lessons whose marks are all of one kind of work. */
const COLUMN_WORK_TYPE: Partial<Record<LessonDraft["type"], WorkTypeCode>> = {
  TEST: "TEST", QUIZ: "QUIZ", CREDIT: "CREDIT", LAB: "LAB", PRACTICAL: "PRACTICAL",
};

type Tally = {
  tally: MarkTally;
  /** the cohort of the latest lesson: a student who moved is assessed in the new one */
  cohort: number;
  lastDay: Day;
  subject: number;
  student: number;
  period: number;
};

export class JournalGenerator {
  private readonly absences: AbsenceBook;
  private readonly items = new Map<number, Map<number, CurriculumItemPlan>>();
  private readonly tallies = new Map<string, Tally>();
  private readonly offsets = new Map<number, number>();
  private readonly sid: string;

  constructor(
    private readonly plan: SchoolPlan,
    private readonly ids: PlanIds,
    private readonly o: JournalOptions,
    private readonly sink: RowSink,
  ) {
    this.absences = new AbsenceBook(plan, Math.min(o.to, o.today - 1));
    for (const item of plan.curriculum) {
      const m = this.items.get(item.cohort) ?? new Map<number, CurriculumItemPlan>();
      m.set(item.subject, item);
      this.items.set(item.cohort, m);
    }
    this.sid = ids.school;
  }

  /** All journal rows of one cohort. */
  cohort(c: number): void {
    const { plan, ids, o, sink, sid } = this;
    const cohort = plan.cohorts[c];
    if (!cohort) return;
    const items = this.items.get(c) ?? new Map<number, CurriculumItemPlan>();
    const lessons = draftLessons(plan, c, o, items, o.newId);
    const rng = new Rng(hashSeed(plan.seed, "journal", c));
    const members = plan.memberships.filter((m) => m.cohort === c);
    const cohortId = ids.cohorts[c] ?? "";
    const bySubject = new Map<number, LessonDraft[]>();
    for (const l of lessons) {
      if (l.k < 0) continue;
      const list = bySubject.get(l.subject) ?? [];
      list.push(l);
      bySubject.set(l.subject, list);
    }

    // Moved-away lessons point at their new lesson, so they go in last.
    const ordered = [...lessons.filter((l) => l.status !== "MOVED"), ...lessons.filter((l) => l.status === "MOVED")];
    for (const l of ordered) {
      const subjectId = ids.subjects[l.subject] ?? "";
      const columnWork = COLUMN_WORK_TYPE[l.type];
      sink.add("lesson", {
        schoolId: sid, id: l.id, cohortId, subjectId, teacherId: ids.staff[l.teacher] ?? "",
        timetableSlotId: l.slot === undefined ? null : (ids.slots[l.slot] ?? null),
        date: dateOf(l.day), lessonNumber: l.lessonNumber, room: l.room ?? null, topic: l.topic ?? null,
        lessonType: l.type, status: l.status, movedToId: l.movedTo?.id ?? null, statusReason: l.reason ?? null,
        workTypeId: columnWork ? ids.workTypes[columnWork] : null,
        updatedAt: l.status === "PLANNED" ? this.at(o.today - 1, 18, 0) : this.lessonEnd(l, 15),
      });
      if (l.substitution) {
        sink.add("substitution", {
          schoolId: sid, id: o.newId(), lessonId: l.id, originalTeacherId: ids.staff[l.substitution.original] ?? "",
          teacherId: ids.staff[l.teacher] ?? "", reason: l.substitution.reason, createdAt: this.at(l.day, 7, 40),
        });
      }
      if (l.type === "TEST" || l.type === "CREDIT") {
        const name = plan.subjects[l.subject]?.name ?? "";
        sink.add("assessmentEvent", {
          schoolId: sid, id: o.newId(), cohortId, subjectId, workTypeId: ids.workTypes[l.type], date: dateOf(l.day),
          title: `${l.type === "TEST" ? "Контрольная работа" : "Зачёт"} по предмету «${name}»`,
        });
      }
    }

    const exemptShown = new Set<string>();
    for (const l of lessons) {
      if (l.k < 0) continue;
      const item = items.get(l.subject);
      const def = subjectDef(plan.subjects[l.subject]?.name ?? "");
      if (l.status === "HELD") {
        for (const m of members) {
          if (l.day < m.start || (m.end !== undefined && l.day > m.end)) continue;
          this.studentInLesson(l, m.student, c, item, def.homework, rng, exemptShown);
        }
      }
      // Homework: for lessons held, and for the coming days' lessons set in advance.
      const soon = l.status === "PLANNED" && l.day < o.today + o.homeworkAhead;
      if ((l.status === "HELD" || soon) && cohort.grade >= 2 && item && item.scale !== "NONE" && l.type !== "TEST" && rng.chance(0.75)) {
        const text = homeworkText(def.homework, l.k, l.type === "LESSON" ? l.topic : undefined, rng);
        if (text) {
          // Due at the subject's next lesson on a later day (a double lesson is one sitting).
          const next = bySubject.get(l.subject)?.slice(l.k + 1).find((x) => x.day > l.day);
          const created = l.status === "HELD" ? this.lessonEnd(l, rng.int(30, 240)) : this.at(o.today - 1, 17, rng.int(0, 59));
          sink.add("homework", {
            schoolId: sid, id: o.newId(), lessonId: l.id, cohortId, subjectId: ids.subjects[l.subject] ?? "",
            text, dueDate: dateOf(next?.day ?? l.day + 7), authorId: ids.staff[l.teacher] ?? "",
            createdAt: created, updatedAt: created,
          });
        }
      }
    }
  }

  private studentInLesson(
    l: LessonDraft, s: number, c: number, item: CurriculumItemPlan | undefined, style: HomeworkStyle,
    rng: Rng, exemptShown: Set<string>,
  ): void {
    const { plan, ids, o, sink, sid } = this;
    const student = plan.students[s];
    if (!student || !item) return;
    const tally = this.tally(l, s, c);
    if (tally) tally.tally.lessons++;
    let code = this.absences.on(s, l.day);
    let minutesLate: number | null = null;
    if (!code) {
      const r = rng.next();
      if (r < 0.006) code = "ABSENT";
      else if (r < 0.016) {
        code = "LATE";
        minutesLate = rng.int(3, 15);
      }
    }
    const base = { schoolId: sid, lessonId: l.id, studentId: ids.students[s] ?? "", date: dateOf(l.day) };
    const author = ids.staff[l.teacher] ?? "";
    if (code) {
      sink.add("attendance", { ...base, id: o.newId(), code, minutesLate, authorId: author, updatedAt: this.lessonEnd(l, -30) });
      if (code !== "LATE") {
        if (tally) tally.tally.missed++;
        return;
      }
    }
    const markBase = { ...base, cohortId: ids.cohorts[c] ?? "", subjectId: ids.subjects[l.subject] ?? "", authorId: author };
    const put = (part: number, work: WorkTypeCode, kind: Prisma.MarkCreateManyInput["kind"], value: number | null, text: string | null, comment: string | null): void => {
      const at = this.lessonEnd(l, rng.int(5, 300));
      sink.add("mark", { ...markBase, id: o.newId(), part, workTypeId: ids.workTypes[work], kind, value, text, comment, createdAt: at, updatedAt: at });
      if (tally && kind === "NUMERIC" && (value === 2 || value === 3 || value === 4 || value === 5)) {
        addMark(tally.tally, value, WEIGHT.get(work) ?? 100);
      }
      if (tally && kind === "EXEMPT") addExempt(tally.tally);
    };

    const name = plan.subjects[l.subject]?.name ?? "";
    if (student.exemptPe && isPhysicalEducation(name)) {
      const key = `${s}:${l.quarter}`;
      if (!exemptShown.has(key)) {
        exemptShown.add(key);
        put(1, "LESSON", "EXEMPT", null, null, "Медицинское освобождение");
      }
      return;
    }
    const whole = l.type === "TEST" || l.type === "QUIZ" || l.type === "CREDIT";
    switch (item.scale) {
      case "FIVE_POINT": {
        // Fewer lessons, more marks each: teachers see to three marks a term at least.
        const p = item.hoursPerWeek <= 1 ? 0.6 : item.hoursPerWeek === 2 ? 0.42 : item.hoursPerWeek === 3 ? 0.34 : 0.3;
        let work: WorkTypeCode | undefined;
        if (whole) work = l.type === "QUIZ" ? "QUIZ" : l.type === "CREDIT" ? "CREDIT" : "TEST";
        else if ((l.type === "LAB" || l.type === "PRACTICAL") && rng.chance(0.6)) work = l.type;
        else if (rng.chance(p)) work = rng.weighted(ORDINARY[style]);
        if (!work) return;
        const mean = student.ability + this.offset(s, l.subject) + (work === "TEST" ? -0.25 : work === "LESSON" || work === "ORAL" ? 0.1 : 0);
        const value = (): number => Math.min(5, Math.max(2, Math.round(rng.normal(mean, 0.7))));
        // A dictation gets two marks: spelling, then the grammar task («4/5»).
        const double = work === "TEST" && name === "Русский язык" && (plan.cohorts[c]?.grade ?? 0) >= 5;
        put(1, work, "NUMERIC", value(), null, double ? "Диктант: грамотность" : null);
        if (double) put(2, work, "NUMERIC", value(), null, "Диктант: грамматическое задание");
        return;
      }
      case "PASS_FAIL": {
        if (!whole && !rng.chance(0.2)) return;
        const pass = student.ability + rng.normal(0, 0.6) >= 2.9;
        put(1, whole ? "CREDIT" : "LESSON", pass ? "PASS" : "FAIL", null, null, null);
        return;
      }
      case "DESCRIPTIVE": {
        if (!rng.chance(0.22)) return;
        put(1, l.type === "PRACTICAL" ? "PRACTICAL" : "LESSON", "DESCRIPTIVE", null, descriptiveText(student.ability, rng), null);
        return;
      }
      case "NONE":
        return;
    }
  }

  /** Final marks of the terms that ended before today, and the recommendations. */
  finish(): void {
    const { plan, ids, o, sink, sid } = this;
    for (const r of plan.recommendations) {
      if (r.day >= o.today) continue;
      const at = this.at(r.day, 15, 30);
      sink.add("recommendation", {
        schoolId: sid, id: o.newId(), studentId: ids.students[r.student] ?? "",
        subjectId: r.subject === undefined ? null : (ids.subjects[r.subject] ?? null),
        authorId: ids.staff[r.author] ?? "", date: dateOf(r.day), text: r.text, createdAt: at,
      });
    }
    for (const t of this.tallies.values()) {
      const period = plan.calendar.periods[t.period];
      if (!period || period.end >= o.today || period.end > o.to) continue;
      const item = this.items.get(t.cohort)?.get(t.subject);
      if (!item || item.scale !== "FIVE_POINT") continue;
      // Only students still in the cohort when the term ends get its term mark there.
      const stays = plan.memberships.some(
        (m) => m.cohort === t.cohort && m.student === t.student && m.start <= period.end && (m.end === undefined || m.end >= period.end),
      );
      if (!stays) continue;
      const s = suggestFinal(t.tally);
      const kind = s.kind;
      const value = s.kind === "NUMERIC" ? s.value : null;
      sink.add("finalMark", {
        schoolId: sid, id: o.newId(), studentId: ids.students[t.student] ?? "", subjectId: ids.subjects[t.subject] ?? "",
        cohortId: ids.cohorts[t.cohort] ?? "", periodId: ids.periods[t.period] ?? "", kind: "PERIOD",
        markKind: kind, value, suggestedKind: kind, suggestedValue: value,
        confirmedById: ids.staff[item.teachers[0] ?? 0] ?? "", confirmedAt: this.at(period.end, 16, 0),
      });
    }
  }

  /** The running tally of a student's subject in the lesson's term. */
  private tally(l: LessonDraft, s: number, c: number): Tally | undefined {
    if (l.quarter < 0) return undefined;
    const key = `${l.quarter}|${s}|${l.subject}`;
    let t = this.tallies.get(key);
    if (!t) {
      t = { tally: emptyTally(), cohort: c, lastDay: l.day, subject: l.subject, student: s, period: l.quarter };
      this.tallies.set(key, t);
    }
    if (l.day >= t.lastDay) {
      t.cohort = c;
      t.lastDay = l.day;
    }
    return t;
  }

  /** How much better or worse than usual the student does in this subject. */
  private offset(s: number, subject: number): number {
    const key = s * 1000 + subject;
    let v = this.offsets.get(key);
    if (v === undefined) {
      v = new Rng(hashSeed(this.plan.seed, "offset", s, subject)).normal(0, 0.3);
      this.offsets.set(key, v);
    }
    return v;
  }

  private at(day: Day, h: number, m: number): Date {
    return instantAt(day, h, m, SCHOOL_UTC_OFFSET);
  }

  /** An instant some minutes after the lesson's end (negative: before it). */
  private lessonEnd(l: LessonDraft, minutes: number): Date {
    const bell = this.plan.calendar.bells.find((b) => b.number === l.lessonNumber);
    const [h, m] = (bell?.endsAt ?? "14:30").split(":").map(Number);
    return instantAt(l.day, h ?? 14, (m ?? 30) + minutes, SCHOOL_UTC_OFFSET);
  }
}
