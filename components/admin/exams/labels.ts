/**
 * The texts the exams page's client components show, translated on the server and passed
 * in as props (the browser gets no message catalogue for this page). A text with «{name}»
 * places is filled in by `fill`.
 */
export type Template = string;

export function fill(template: Template, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export type ScaleLabels = {
  maxScore: string;
  min3: string;
  min4: string;
  min5: string;
  save: string;
  saving: string;
  saved: string;
  errorTitle: string;
};

export type ImportLabels = {
  receivedAt: string;
  receivedHint: string;
  receivedText: Template;
  publishLate: string;
  inFile: Template;
  file: string;
  fileHint: string;
  check: string;
  checking: string;
  errorTitle: string;
  rejected: string;
  rejectedLead: string;
  errorsCaption: Template;
  line: string;
  column: string;
  value: string;
  message: string;
  empty: string;
  previewHeading: string;
  previewLead: Template;
  previewCaption: Template;
  student: string;
  exam: string;
  subject: string;
  date: string;
  score: string;
  scoreOf: Template;
  mark: string;
  result: string;
  results: { created: string; updated: Template; unchanged: string };
  confirm: string;
  confirming: string;
  applied: string;
  appliedLead: Template;
  appliedCaption: Template;
  appliedResults: { created: string; updated: string; unchanged: string };
  kinds: Record<"OGE" | "GVE" | "VOCATIONAL", string>;
};
