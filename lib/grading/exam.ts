/**
 * Where an exam mark (экзаменационная отметка) and a final mark (итоговая отметка) are
 * given: the end of a level of education or of a vocational training program. Pure: the
 * caller reads the cohort's grade, the subject's kind and the student's program.
 *
 * The rule (DOMAIN.md "State exams", Порядок ГИА-9 приказ 232/551, ФАООП УО приказ 1026):
 *
 * - **State exam** (ГИА: ОГЭ or ГВЭ after grade 9 on an ООО program, ЕГЭ or ГВЭ after
 *   grade 11 on an СОО program), in a subject of the curriculum (kind SUBJECT); adapted
 *   ООО programs (АООП, e.g. ЗПР 7.2) take it too, as ГВЭ. Students on ФАООП УО (variants
 *   1 and 2) do not take ГИА.
 * - **Qualification exam**: a vocational subject (kind VOCATIONAL) of a student on a
 *   vocational training program (профессиональное обучение), in any grade; and the
 *   trade exam (аттестация по профильному труду) that ends ФАООП УО variant 1 in grade 9.
 * - A student with no program on record is judged by the grade alone: grades 9 and 11,
 *   subjects of kind SUBJECT.
 *
 * The final mark is given wherever an exam may be, and in every subject (kind SUBJECT or
 * VOCATIONAL; not courses or correction courses) of a graduating grade (9 and 11): where
 * the student sat no exam, it is the year mark.
 */
export type SubjectKind = "SUBJECT" | "COURSE" | "CORRECTION" | "VOCATIONAL";
export type ProgramLevel = "NOO" | "OOO" | "SOO" | "VOCATIONAL";
export type AdaptedVariant = "NONE" | "AOOP" | "FAOOP_UO_1" | "FAOOP_UO_2";

export type ExamFacts = {
  /** the cohort's grade */
  grade: number;
  subjectKind: SubjectKind;
  /** the student's program at the end of the year, if known */
  program: { level: ProgramLevel; variant: AdaptedVariant } | null;
};

export type ExamKind = "STATE" | "QUALIFICATION";

export const EXAM_KIND_NAME: Record<ExamKind, string> = {
  STATE: "государственная итоговая аттестация",
  QUALIFICATION: "квалификационный экзамен",
};

const STATE_GRADE: Partial<Record<ProgramLevel, number>> = { OOO: 9, SOO: 11 };

/** The exam a student may sit in a subject at the end of the year, or null for none. */
export function examFor(f: ExamFacts): ExamKind | null {
  const { grade, subjectKind, program } = f;
  if (subjectKind === "VOCATIONAL") {
    if (program?.level === "VOCATIONAL") return "QUALIFICATION";
    if (program?.variant === "FAOOP_UO_1" && grade === 9) return "QUALIFICATION";
    return null;
  }
  if (subjectKind !== "SUBJECT") return null;
  if (!program) return grade === 9 || grade === 11 ? "STATE" : null;
  if (program.variant === "FAOOP_UO_1" || program.variant === "FAOOP_UO_2") return null;
  return STATE_GRADE[program.level] === grade ? "STATE" : null;
}

/** Whether the year ends with a final (итоговая) mark in this subject for this student. */
export function finalMarkApplies(f: ExamFacts): boolean {
  if (examFor(f) !== null) return true;
  if (f.subjectKind !== "SUBJECT" && f.subjectKind !== "VOCATIONAL") return false;
  return f.grade === 9 || f.grade === 11;
}
