/**
 * The pure part of the year rollover: what becomes of a class and of each pupil. The
 * administrator sees this as a proposal and marks the exceptions.
 */
export type Outcome = "PROMOTE" | "REPEAT" | "LEAVE" | "GRADUATE";

/** The grade a school ends with: 9 for a basic school, or the highest grade it teaches. */
export function finalGradeOf(grades: readonly number[]): number {
  return Math.max(9, ...grades);
}

export function defaultOutcome(grade: number, finalGrade: number): Outcome {
  return grade >= finalGrade ? "GRADUATE" : "PROMOTE";
}

/**
 * «5А» → «6А», «10 Б» → «11 Б». A name that does not start with its grade keeps its text
 * and gets the new grade in front, so it is still recognisable.
 */
export function nextClassName(name: string, grade: number): string {
  const m = /^(\d+)(.*)$/.exec(name.trim());
  if (m && Number(m[1]) === grade) return `${grade + 1}${m[2] ?? ""}`;
  return `${grade + 1} — ${name.trim()}`;
}

/** The administrator's choice for one pupil; anything unknown keeps the proposal. */
export function resolveOutcome(proposed: Outcome, choice: string | undefined): Outcome {
  if (choice === "REPEAT" || choice === "LEAVE") return choice;
  return proposed;
}

export const END_REASON: Record<Outcome, "PROMOTED" | "REPEATED" | "LEFT" | "GRADUATED"> = {
  PROMOTE: "PROMOTED",
  REPEAT: "REPEATED",
  LEAVE: "LEFT",
  GRADUATE: "GRADUATED",
};
