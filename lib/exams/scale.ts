/**
 * State exams (R6), the pure part: the kinds of exam as the regional exam centre writes
 * them, and the year's conversion of a primary score to a mark. A score from minN up is
 * the mark N; below min3 it is 2. No database, no clock: unit-tested directly.
 */
import type { ExamKind } from "@/generated/prisma/enums";
import { wordKey } from "@/lib/imports/values";

export const EXAM_KINDS = ["OGE", "GVE", "VOCATIONAL"] as const satisfies readonly ExamKind[];

/** The subjects an exam is taken in: ordinary subjects for ОГЭ and ГВЭ, trades for the vocational exam. */
export function subjectKindsOf(kind: ExamKind): ("SUBJECT" | "VOCATIONAL")[] {
  return kind === "VOCATIONAL" ? ["VOCATIONAL"] : ["SUBJECT"];
}

/** The short name used in files, tables and messages. */
export const EXAM_KIND_SHORT: Record<ExamKind, string> = { OGE: "ОГЭ", GVE: "ГВЭ", VOCATIONAL: "ПО" };

const KIND_WORDS: Record<string, ExamKind> = {
  "огэ": "OGE", "огэ-9": "OGE", "огэ 9": "OGE", "основной государственный экзамен": "OGE",
  "гвэ": "GVE", "гвэ-9": "GVE", "гвэ 9": "GVE", "государственный выпускной экзамен": "GVE",
  "по": "VOCATIONAL", "кэ": "VOCATIONAL", "профобучение": "VOCATIONAL", "профессиональное обучение": "VOCATIONAL",
  "квалификационный экзамен": "VOCATIONAL",
};

/** «ОГЭ», «гвэ», «ПО» (профессиональное обучение); null for anything else. */
export function parseExamKind(input: string): ExamKind | null {
  return KIND_WORDS[wordKey(input)] ?? null;
}

export type Scale = { maxScore: number; min3: number; min4: number; min5: number };
export type ScaleField = keyof Scale;
export type Mark = 2 | 3 | 4 | 5;

/** The highest primary score any exam has: a typo such as 310 is caught. */
export const SCORE_LIMIT = 999;

/**
 * What is wrong with a scale, field by field, in Russian; empty when it is right:
 * 0 ≤ min3 ≤ min4 ≤ min5 ≤ max, all whole numbers, max above zero.
 */
export function scaleProblems(s: Scale): Partial<Record<ScaleField, string>> {
  const out: Partial<Record<ScaleField, string>> = {};
  const whole = (v: number) => Number.isInteger(v) && v >= 0 && v <= SCORE_LIMIT;
  if (!whole(s.maxScore) || s.maxScore < 1) out.maxScore = `Максимальный балл — целое число от 1 до ${SCORE_LIMIT}.`;
  for (const [field, mark] of [["min3", 3], ["min4", 4], ["min5", 5]] as const) {
    if (!whole(s[field])) out[field] = `Наименьший балл для «${mark}» — целое число от 0.`;
  }
  if (out.min3 || out.min4 || out.min5 || out.maxScore) return out;
  if (s.min4 < s.min3) out.min4 = "Балл для «4» не может быть меньше балла для «3».";
  if (s.min5 < s.min4) out.min5 = "Балл для «5» не может быть меньше балла для «4».";
  if (s.min5 > s.maxScore) out.min5 = `Балл для «5» не может быть больше максимального (${s.maxScore}).`;
  else if (s.min4 > s.maxScore) out.min4 = `Балл для «4» не может быть больше максимального (${s.maxScore}).`;
  else if (s.min3 > s.maxScore) out.min3 = `Балл для «3» не может быть больше максимального (${s.maxScore}).`;
  return out;
}

export function isValidScale(s: Scale): boolean {
  return Object.keys(scaleProblems(s)).length === 0;
}

/** The mark of a primary score, or null when the score is outside 0…max (or the scale is wrong). */
export function markFor(score: number, s: Scale): Mark | null {
  if (!isValidScale(s) || !Number.isInteger(score) || score < 0 || score > s.maxScore) return null;
  if (score >= s.min5) return 5;
  if (score >= s.min4) return 4;
  if (score >= s.min3) return 3;
  return 2;
}

/** One result as the screens show it: who, which exam, the score and the mark. */
export type ExamResultFacts = {
  /** the student as the school has them */
  student: string;
  className: string | null;
  exam: ExamKind;
  subject: string;
  /** YYYY-MM-DD */
  examDate: string;
  score: number;
  maxScore: number;
  mark: number;
};
