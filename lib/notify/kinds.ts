/** The choices on the notification settings page. Pure constants: components import them too. */

/** The kinds a guardian chooses among (the contact code and digests are not a choice). */
export const CHOOSABLE_KIND_LIST = [
  "MARK", "FINAL_MARK", "EXAM_RESULT", "HOMEWORK", "RECOMMENDATION", "SUBSTITUTION", "CANCELLED_LESSON", "FORECAST",
] as const;
export type ChoosableKind = (typeof CHOOSABLE_KIND_LIST)[number];

export const FREQUENCY_LIST = ["IMMEDIATE", "DAILY", "WEEKLY", "PAPER_ONLY"] as const;
export type Frequency = (typeof FREQUENCY_LIST)[number];
