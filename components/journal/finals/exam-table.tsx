import { getTranslations } from "next-intl/server";

import type { ActionResult } from "@/lib/action";
import type { FinalsPage } from "@/lib/journal/finals";
import { FinalRowForm } from "@/components/journal/finals/final-row-form";
import { ExamMarkForm } from "@/components/journal/finals/exam-mark-form";
import { finalOptions } from "@/components/journal/finals/finals-table";

type Result = ActionResult<{ message: string }>;
type Action = (prev: Result, form: FormData) => Promise<Result>;

/**
 * The year page of a graduating cohort: for each student the confirmed year mark, the
 * exam mark (with its form for the teacher or the administrator), the suggested final
 * (итоговая) mark and the confirmed one (with its form for the teacher).
 */
export async function ExamTable({ page, examAction, finalAction }: { page: FinalsPage; examAction: Action; finalAction: Action }) {
  const t = await getTranslations("finals");
  const exam = page.exam;
  if (!exam || exam.rows.length === 0) return null;
  const open = !page.period.closed;
  const options = finalOptions(t, page.scale);
  const examEditable = exam.hasExam && exam.canWriteExam && open;
  const finalEditable = page.canWrite && open && options.length > 0;
  const ids = { cohortId: page.cohort.id, subjectId: page.subject.id, periodId: page.period.id };
  const th = "border-b-2 border-gray-700 px-3 py-2 text-left align-bottom";
  const caption = t("examCaption", { subject: page.subject.name });
  return (
    <div className="relative my-4 max-w-full overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="min-w-full border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-bold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{t("student")}</th>
            <th scope="col" className={th}>{t("yearMark")}</th>
            {exam.hasExam && <th scope="col" className={th}>{t("examMark")}</th>}
            <th scope="col" className={th}>{t("overallSuggested")}</th>
            <th scope="col" className={th}>{t("overall")}</th>
            {finalEditable && <th scope="col" className={th}>{t("overallChange")}</th>}
          </tr>
        </thead>
        <tbody>
          {exam.rows.map((r) => (
            <tr key={r.studentId} className="border-b border-gray-300 align-top">
              <th scope="row" className="px-3 py-2 text-left font-semibold">{r.name}</th>
              <td className="px-3 py-2">{r.year ? <strong className="text-lg">{r.year}</strong> : <span>{t("notSet")}</span>}</td>
              {exam.hasExam && (
                <td className="px-3 py-2">
                  {r.examKind === null ? (
                    <span>{t("examNotApplicable")}</span>
                  ) : (
                    <>
                      {r.exam ? <strong className="text-lg">{r.exam}</strong> : <span>{t("examNotTaken")}</span>}
                      <span className="block text-[0.95rem]">{t(`examKind.${r.examKind}`)}</span>
                      {examEditable && (
                        <div className="mt-2">
                          <ExamMarkForm action={examAction} ids={{ cohortId: page.cohort.id, subjectId: page.subject.id, studentId: r.studentId }} name={r.name} current={r.exam ?? "none"} />
                        </div>
                      )}
                    </>
                  )}
                </td>
              )}
              <td className="px-3 py-2">
                {r.suggestion.symbol !== null && <strong className="text-lg">{r.suggestion.symbol}</strong>}
                <span className="block text-[0.95rem]">{r.suggestion.reason}</span>
              </td>
              <td className="px-3 py-2">
                {r.final ? (
                  <>
                    <strong className="text-lg">{r.final.symbol}</strong>
                    {r.final.overridden && (
                      <span className="block text-[0.95rem]">{r.final.reason ? t("overridden", { reason: r.final.reason }) : t("overallDiffers")}</span>
                    )}
                  </>
                ) : (
                  <span>{t("notSet")}</span>
                )}
              </td>
              {finalEditable && (
                <td className="px-3 py-2">
                  {r.suggestion.symbol === null ? (
                    <span>{t("overallNeedsYear")}</span>
                  ) : (
                    <FinalRowForm
                      // a new suggestion (the exam mark changed) starts the form afresh from it
                      key={r.suggestion.symbol}
                      action={finalAction}
                      ids={{ ...ids, studentId: r.studentId }}
                      name={r.name}
                      options={options}
                      suggestion={r.suggestion.symbol}
                      current={r.final?.symbol ?? r.suggestion.symbol}
                      currentReason={r.final?.reason ?? null}
                      idPrefix="overall"
                      markLabel={t("overallLabel")}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
