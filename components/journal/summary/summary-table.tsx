import Link from "next/link";
import { getTranslations } from "next-intl/server";

import type { ColumnStats, SummarySheet } from "@/lib/journal/summary";

const STATS: { key: keyof Omit<ColumnStats, "n">; label: "statsSuccess" | "statsQuality" | "statsMean" | "statsSou" }[] = [
  { key: "success", label: "statsSuccess" },
  { key: "quality", label: "statsQuality" },
  { key: "mean", label: "statsMean" },
  { key: "sou", label: "statsSou" },
];

/**
 * Students × (subject × period): two header rows, the subject spanning its periods, and
 * the class statistics in the footer, each row named by a row header. Wide by nature, so
 * it scrolls inside its own focusable box rather than the page.
 */
export async function SummaryTable({ sheet }: { sheet: SummarySheet }) {
  const t = await getTranslations("finals");
  const caption = t("sheetCaption", { cohort: sheet.cohort.name });
  const span = sheet.periods.length;
  const cell = "border border-gray-400 px-2 py-1 text-center";
  const subjectOf = new Map(sheet.subjects.map((s) => [s.id, s.name]));
  const periodOf = new Map(sheet.periods.map((x) => [x.id, x.name]));
  const colLabel = (i: number) => {
    const c = sheet.columns[i];
    return c ? `${subjectOf.get(c.subjectId) ?? ""}, ${periodOf.get(c.periodId) ?? ""}` : "";
  };
  return (
    <div className="relative my-4 max-w-full overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="border-collapse">
        <caption className="mb-2 text-left text-lg font-bold">{caption}</caption>
        <colgroup>
          <col />
        </colgroup>
        {sheet.subjects.map((s) => (
          <colgroup key={s.id} span={span} />
        ))}
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className={`${cell} text-left align-bottom`}>
              {t("student")}
            </th>
            {sheet.subjects.map((s) => (
              <th key={s.id} scope="colgroup" colSpan={span} className={cell}>
                {s.name}
              </th>
            ))}
          </tr>
          <tr>
            {sheet.columns.map((c) => (
              <th key={`${c.subjectId}-${c.periodId}`} scope="col" className={`${cell} font-normal`}>
                {periodOf.get(c.periodId)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((r) => (
            <tr key={r.studentId}>
              <th scope="row" className={`${cell} whitespace-nowrap text-left`}>
                <Link href={`/journal/record/${r.studentId}`} className="underline underline-offset-2">
                  {r.name}
                </Link>
              </th>
              {r.cells.map((v, i) => (
                <td key={i} className={cell}>
                  {v ? (
                    v
                  ) : (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">{t("noMark")}</span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {STATS.map((s) => (
            <tr key={s.key} className="bg-gray-50">
              <th scope="row" className={`${cell} text-left`}>
                {t(s.label)}
              </th>
              {sheet.stats.map((st, i) => (
                <td key={i} className={cell} title={colLabel(i)}>
                  {st[s.key]}
                </td>
              ))}
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
