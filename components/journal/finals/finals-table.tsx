import { getTranslations } from "next-intl/server";

import type { ActionResult } from "@/lib/action";
import type { FinalsPage } from "@/lib/journal/finals";
import { FinalRowForm } from "@/components/journal/finals/final-row-form";

type Result = ActionResult<{ message: string }>;

const OPTION_KEY = { "5": "five", "4": "four", "3": "three", "2": "two", зач: "pass", незач: "fail", "н/а": "na", осв: "exempt" } as const;
type OptionSymbol = keyof typeof OPTION_KEY;

const VALUES: Partial<Record<FinalsPage["scale"], OptionSymbol[]>> = {
  FIVE_POINT: ["5", "4", "3", "2", "н/а", "осв"],
  PASS_FAIL: ["зач", "незач", "н/а", "осв"],
};

/** The values a final mark may take on the scale, labelled in words. */
export function finalOptions(t: (key: `options.${(typeof OPTION_KEY)[OptionSymbol]}`) => string, scale: FinalsPage["scale"]) {
  return (VALUES[scale] ?? []).map((v) => ({ value: v, label: t(`options.${OPTION_KEY[v]}`) }));
}

/** The period's students: marks, average with its formula, suggestion, the confirmed mark and its form. */
export async function FinalsTable({ page, action }: { page: FinalsPage; action: (prev: Result, form: FormData) => Promise<Result> }) {
  const t = await getTranslations("finals");
  const options = finalOptions(t, page.scale);
  const editable = page.canWrite && !page.period.closed && options.length > 0;
  const isYear = page.period.kind === "YEAR";
  const ids = { cohortId: page.cohort.id, subjectId: page.subject.id, periodId: page.period.id };
  if (page.rows.length === 0) return <p className="my-4">{t("noStudents")}</p>;
  const th = "border-b-2 border-gray-700 px-3 py-2 text-left align-bottom";
  return (
    <div className="relative my-4 max-w-full overflow-x-auto" role="region" aria-label={t("caption", { period: page.period.name })} tabIndex={0}>
      <table className="min-w-full border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-bold">{t("caption", { period: page.period.name })}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{t("student")}</th>
            <th scope="col" className={th}>{isYear ? t("yearAverage") : t("marksCount")}</th>
            <th scope="col" className={th}>{t("average")}</th>
            <th scope="col" className={th}>{t("suggested")}</th>
            <th scope="col" className={th}>{t("final")}</th>
            {editable && <th scope="col" className={th}>{t("change")}</th>}
          </tr>
        </thead>
        <tbody>
          {page.rows.map((r) => (
            <tr key={r.studentId} className="border-b border-gray-300 align-top">
              <th scope="row" className="px-3 py-2 text-left font-semibold">{r.name}</th>
              <td className="px-3 py-2">
                {isYear ? (r.periodMarks.length ? t("fromPeriods", { marks: r.periodMarks.join(", ") }) : t("noPeriodMarks")) : r.marksCount}
              </td>
              <td className="px-3 py-2">
                <span>{r.average}</span>
                {r.marksCount > 0 && (
                  <details className="mt-1">
                    <summary className="cursor-pointer underline">{t("howCounted")}</summary>
                    <p className="mt-1 max-w-[24rem]">{r.formula}</p>
                  </details>
                )}
              </td>
              <td className="px-3 py-2">
                <strong className="text-lg">{r.suggestion.symbol}</strong>
                <span className="block text-[0.95rem]">{r.suggestion.reason}</span>
                {r.missing && <span className="block text-[0.95rem] font-semibold text-danger">{r.missing}</span>}
              </td>
              <td className="px-3 py-2">
                {r.final ? (
                  <>
                    <strong className="text-lg">{r.final.symbol}</strong>
                    {r.final.overridden && r.final.reason && <span className="block text-[0.95rem]">{t("overridden", { reason: r.final.reason })}</span>}
                  </>
                ) : (
                  <span>{t("notSet")}</span>
                )}
              </td>
              {editable && (
                <td className="px-3 py-2">
                  <FinalRowForm
                    action={action}
                    ids={{ ...ids, studentId: r.studentId }}
                    name={r.name}
                    options={options}
                    suggestion={r.suggestion.symbol}
                    current={r.final?.symbol ?? r.suggestion.symbol}
                    currentReason={r.final?.reason ?? null}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
