/**
 * The statistics report of one view (the school, a class, a subject, a teacher) from
 * the facts of a period. Pure: the screen, the PDF and the XLSX all show what this
 * returns, so they agree with each other.
 */
import type { MarkValue } from "@/lib/grading/marks";
import { subjectResults, studentResults, type ResultsSummary } from "@/lib/stats/results";
import { completionOf, plannedTenthsIn, sumCompletions, type Completion, type HeldByType } from "@/lib/stats/completion";
import { addToTally, emptyTally, sumTallies, type AttendanceTally } from "@/lib/stats/attendance";
import type { StatsCohort, StatsFacts, StatsPeriod, StatsView } from "@/lib/stats/facts";

export type ResultsRow = { key: string; label: string; summary: ResultsSummary };
/** byClass: class rows, students counted; bySubject / byClassSubject: one subject a row */
export type ResultsTable = { id: "byClass" | "bySubject" | "byClassOfSubject" | "byPair"; rows: ResultsRow[]; total: ResultsSummary | null };
export type CompletionRow = { key: string; label: string; completion: Completion };
export type CompletionTable = { id: "byClass" | "bySubject" | "byPair"; rows: CompletionRow[]; total: Completion };
export type AttendanceRow = { key: string; label: string; tally: AttendanceTally };
export type AttendanceTable = { id: "byClass" | "byStudent"; rows: AttendanceRow[]; total: AttendanceTally };

export type StatsReport = {
  school: { name: string; address: string };
  period: StatsPeriod;
  today: string;
  view: StatsView;
  focus: { id: string; name: string } | null;
  /** final marks counted in the report; 0: not set yet for this period */
  finalsCount: number;
  /** graded cohort × subject pairs of the plan without any final mark yet */
  pairsWithoutFinals: number;
  /** the period is not over: the plan is measured to today */
  inProgress: boolean;
  results: ResultsTable[];
  completion: CompletionTable;
  attendance: AttendanceTable;
};

const byRu = (a: string, b: string) => a.localeCompare(b, "ru", { numeric: true });

function cohortOrder(a: StatsCohort, b: StatsCohort): number {
  return a.grade - b.grade || byRu(a.name, b.name);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
}

const pairKey = (cohortId: string, subjectId: string) => `${cohortId}|${subjectId}`;

export function buildStatsReport(f: StatsFacts, view: StatsView, focusId: string | null): StatsReport {
  const cohorts = new Map(f.cohorts.map((c) => [c.id, c]));
  const subjects = new Map(f.subjects.map((s) => [s.id, s.name]));
  const teachers = new Map(f.teachers.map((t) => [t.id, t.name]));
  const studentClass = new Map(f.students.map((s) => [s.id, s.classId]));
  /** the class a cohort belongs to: a group's parent, else itself */
  const classOfCohort = (id: string) => {
    const c = cohorts.get(id);
    return c?.kind === "GROUP" && c.parentId && cohorts.has(c.parentId) ? c.parentId : id;
  };
  const classOfMark = (m: { studentId: string; cohortId: string }) => studentClass.get(m.studentId) ?? classOfCohort(m.cohortId);
  const cohortName = (id: string) => cohorts.get(id)?.name ?? "—";
  const subjectName = (id: string) => subjects.get(id) ?? "—";
  const sortedCohortIds = (ids: Iterable<string>) =>
    [...new Set(ids)].filter((id) => cohorts.has(id)).sort((a, b) => cohortOrder(cohorts.get(a) as StatsCohort, cohorts.get(b) as StatsCohort));
  const sortedSubjectIds = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => byRu(subjectName(a), subjectName(b)));

  const teacherPairs = new Set(f.teaching.filter((t) => t.teacherId === focusId).map((t) => pairKey(t.cohortId, t.subjectId)));
  /** which cohort × subject pairs the view covers */
  const inView = (cohortId: string, subjectId: string): boolean => {
    switch (view) {
      case "school":
        return true;
      case "class":
        return classOfCohort(cohortId) === focusId;
      case "subject":
        return subjectId === focusId;
      case "teacher":
        return teacherPairs.has(pairKey(cohortId, subjectId));
    }
  };
  const focus = focusId === null ? null : { id: focusId, name: view === "class" ? cohortName(focusId) : view === "subject" ? subjectName(focusId) : (teachers.get(focusId) ?? "—") };

  // ── results
  const finals = f.finals.filter((m) => inView(m.cohortId, m.subjectId));
  const marksOf = (list: readonly { mark: MarkValue }[]) => list.map((m) => m.mark);
  const byStudent = (list: typeof finals) => [...groupBy(list, (m) => m.studentId).values()].map(marksOf);
  const results: ResultsTable[] = [];
  const pairLabel = (cohortId: string, subjectId: string) => `${cohortName(cohortId)}, ${subjectName(subjectId)}`;
  if (view === "school") {
    const byClass = groupBy(finals, classOfMark);
    results.push({
      id: "byClass",
      rows: sortedCohortIds(byClass.keys()).map((id) => ({ key: id, label: cohortName(id), summary: studentResults(byStudent(byClass.get(id) ?? [])) })),
      total: studentResults(byStudent(finals)),
    });
    const bySubject = groupBy(finals, (m) => m.subjectId);
    results.push({
      id: "bySubject",
      rows: sortedSubjectIds(bySubject.keys()).map((id) => ({ key: id, label: subjectName(id), summary: subjectResults(marksOf(bySubject.get(id) ?? [])) })),
      total: null,
    });
  } else if (view === "class") {
    const bySubject = groupBy(finals, (m) => pairKey(m.cohortId, m.subjectId));
    const keys = [...bySubject.keys()].sort((a, b) => {
      const [ca = "", sa = ""] = a.split("|");
      const [cb = "", sb = ""] = b.split("|");
      return byRu(subjectName(sa), subjectName(sb)) || byRu(cohortName(ca), cohortName(cb));
    });
    results.push({
      id: "bySubject",
      rows: keys.map((k) => {
        const [c = "", s = ""] = k.split("|");
        return { key: k, label: c === focusId ? subjectName(s) : `${subjectName(s)} (${cohortName(c)})`, summary: subjectResults(marksOf(bySubject.get(k) ?? [])) };
      }),
      total: studentResults(byStudent(finals)),
    });
  } else {
    const byPair = groupBy(finals, (m) => (view === "subject" ? classOfMark(m) : pairKey(m.cohortId, m.subjectId)));
    const keys = view === "subject"
      ? sortedCohortIds(byPair.keys())
      : [...byPair.keys()].sort((a, b) => {
          const [ca = "", sa = ""] = a.split("|");
          const [cb = "", sb = ""] = b.split("|");
          const x = cohorts.get(ca);
          const y = cohorts.get(cb);
          return (x && y ? cohortOrder(x, y) : 0) || byRu(subjectName(sa), subjectName(sb));
        });
    results.push({
      id: view === "subject" ? "byClassOfSubject" : "byPair",
      rows: keys.map((k) => {
        const [c = "", s = ""] = k.split("|");
        return { key: k, label: view === "subject" ? cohortName(k) : pairLabel(c, s), summary: subjectResults(marksOf(byPair.get(k) ?? [])) };
      }),
      total: subjectResults(marksOf(finals)),
    });
  }
  const finalPairs = new Set(finals.map((m) => pairKey(m.cohortId, m.subjectId)));
  const gradedPairs = new Set(f.plan.filter((l) => l.graded && inView(l.cohortId, l.subjectId)).map((l) => pairKey(l.cohortId, l.subjectId)));
  const pairsWithoutFinals = [...gradedPairs].filter((k) => !finalPairs.has(k)).length;

  // ── completion: one entry per cohort × subject
  const range = { from: f.period.from, to: f.period.to };
  const inProgress = f.today < f.period.to;
  const dueRange = inProgress ? { from: f.period.from, to: f.today } : range;
  const planned = new Map<string, { planned: number; due: number }>();
  for (const l of f.plan) {
    if (!inView(l.cohortId, l.subjectId)) continue;
    const c = cohorts.get(l.cohortId);
    if (!c) continue;
    const year = f.yearOf(c.grade);
    const k = pairKey(l.cohortId, l.subjectId);
    const e = planned.get(k) ?? { planned: 0, due: 0 };
    e.planned += plannedTenthsIn(l.line, range, year, c.grade, f.holidays);
    e.due += dueRange.from <= dueRange.to ? plannedTenthsIn(l.line, dueRange, year, c.grade, f.holidays) : 0;
    planned.set(k, e);
  }
  const heldByPair = new Map<string, HeldByType>();
  for (const h of f.held) {
    if (!inView(h.cohortId, h.subjectId)) continue;
    const k = pairKey(h.cohortId, h.subjectId);
    const e = heldByPair.get(k) ?? {};
    e[h.lessonType] = (e[h.lessonType] ?? 0) + h.count;
    heldByPair.set(k, e);
  }
  const pairCompletion = new Map<string, Completion>();
  for (const k of new Set([...planned.keys(), ...heldByPair.keys()])) {
    const p = planned.get(k) ?? { planned: 0, due: 0 };
    pairCompletion.set(k, completionOf(p.planned, p.due, heldByPair.get(k) ?? {}));
  }
  const split = (k: string) => {
    const [c = "", s = ""] = k.split("|");
    return { c, s };
  };
  let completion: CompletionTable;
  if (view === "school" || view === "subject") {
    const byClass = groupBy([...pairCompletion.entries()], ([k]) => classOfCohort(split(k).c));
    const rows = sortedCohortIds(byClass.keys()).map((id) => ({ key: id, label: cohortName(id), completion: sumCompletions((byClass.get(id) ?? []).map(([, c]) => c)) }));
    completion = { id: "byClass", rows, total: sumCompletions([...pairCompletion.values()]) };
  } else {
    const keys = [...pairCompletion.keys()].sort((a, b) => {
      const x = split(a);
      const y = split(b);
      const cx = cohorts.get(x.c);
      const cy = cohorts.get(y.c);
      return view === "class"
        ? byRu(subjectName(x.s), subjectName(y.s)) || byRu(cohortName(x.c), cohortName(y.c))
        : (cx && cy ? cohortOrder(cx, cy) : 0) || byRu(subjectName(x.s), subjectName(y.s));
    });
    const rows = keys.map((k) => {
      const { c, s } = split(k);
      const label = view === "class" ? (c === focusId ? subjectName(s) : `${subjectName(s)} (${cohortName(c)})`) : pairLabel(c, s);
      return { key: k, label, completion: pairCompletion.get(k) ?? completionOf(0, 0, {}) };
    });
    completion = { id: view === "class" ? "bySubject" : "byPair", rows, total: sumCompletions([...pairCompletion.values()]) };
  }

  // ── attendance (the loader has limited the lessons to the view's)
  const perStudent = new Map<string, AttendanceTally>();
  for (const a of f.absences) {
    const t = perStudent.get(a.studentId) ?? emptyTally();
    addToTally(t, a.code, a.count);
    perStudent.set(a.studentId, t);
  }
  let attendance: AttendanceTable;
  if (view === "class") {
    const students = f.students.filter((s) => s.classId === focusId).sort((a, b) => byRu(a.name, b.name));
    const rows = students.map((s) => ({ key: s.id, label: s.name, tally: perStudent.get(s.id) ?? emptyTally() }));
    attendance = { id: "byStudent", rows, total: sumTallies(rows.map((r) => r.tally)) };
  } else {
    const byClass = new Map<string, AttendanceTally[]>();
    for (const [studentId, t] of perStudent) {
      const c = studentClass.get(studentId);
      if (!c) continue;
      const list = byClass.get(c) ?? [];
      list.push(t);
      byClass.set(c, list);
    }
    const rows = sortedCohortIds(byClass.keys()).map((id) => ({ key: id, label: cohortName(id), tally: sumTallies(byClass.get(id) ?? []) }));
    attendance = { id: "byClass", rows, total: sumTallies(rows.map((r) => r.tally)) };
  }

  return {
    school: f.school, period: f.period, today: f.today, view, focus,
    finalsCount: finals.length, pairsWithoutFinals, inProgress,
    results, completion, attendance,
  };
}
