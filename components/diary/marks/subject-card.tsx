/**
 * One subject's marks for a period, as a card: the marks, the average (with its formula,
 * or in plain language with the formula behind «Как посчитано»), the suggested and the
 * confirmed period mark, and the forecast. Used on the marks page (one per subject) and,
 * with the full table, on the subject's own page.
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import type { DiaryForecast, DiaryPeriod, DiarySubjectMarks } from "@/lib/diary/marks";
import { formatDateTime, formatDay } from "@/lib/time";

type Props = {
  s: DiarySubjectMarks;
  plain: boolean;
  intl: string;
  timeZone: string;
  period: DiaryPeriod;
  /** the subject page's address; null on the subject page itself */
  moreHref: string | null;
  /** the marks list is shown as a full table elsewhere on the page */
  hideList?: boolean;
  headingLevel?: 2 | 3;
};

export async function SubjectCard({ s, plain, intl, timeZone, period, moreHref, hideList = false, headingLevel = 2 }: Props) {
  const t = await getTranslations("diary.marks");
  const titleId = `subject-${s.subjectId}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const isYear = period.kind === "YEAR";
  return (
    <section aria-labelledby={titleId} className="mt-6 rounded border-2 border-gray-300 p-3">
      <Heading id={titleId} className="text-xl font-bold break-words">
        {s.subjectName}
      </Heading>
      {!hideList &&
        (s.marks.length === 0 ? (
          <p className="mt-2">{t("noMarks")}</p>
        ) : (
          <ul aria-label={t("listLabel", { subject: s.subjectName })} className="mt-2 flex flex-wrap gap-2">
            {s.marks.map((m) => (
              <li key={m.id} className="rounded border border-gray-400 px-2 py-1">
                <strong className="text-lg">{m.symbol}</strong>{" "}
                <span className="text-sm">
                  {t("markLine", { date: formatDay(m.date, intl, false), work: m.workType })}
                  {!plain && m.counts && <>, {t("weight", { weight: m.weight })}</>}
                  {!m.counts && s.scale === "FIVE_POINT" && <>, {t("notCounted")}</>}
                </span>
              </li>
            ))}
          </ul>
        ))}
      {s.noForecast && <p className="mt-2">{s.noForecast}</p>}
      {s.average && s.average.count > 0 && (
        <div className="mt-3">
          {plain ? (
            <>
              <p className="font-semibold">{s.plain}</p>
              <details className="mt-1">
                <summary className="cursor-pointer text-accent underline underline-offset-4">{t("howCounted")}</summary>
                <p className="mt-1">{t("howCountedText")}</p>
                <p className="mt-1 font-mono break-words">{s.average.formula}</p>
                {s.suggestion && <p className="mt-1">{t("suggested", { mark: s.suggestion.symbol, reason: s.suggestion.reasonText })}</p>}
              </details>
            </>
          ) : (
            <>
              <p className="font-semibold">{t("average", { mean: s.average.text })}</p>
              <p className="break-words">{t("formula", { formula: s.average.formula })}</p>
            </>
          )}
        </div>
      )}
      {isYear && s.periodMarks.length > 0 && (
        <p className="mt-2">{t("periodMarks", { list: s.periodMarks.map((x) => `${x.period} — ${x.symbol}`).join(", ") })}</p>
      )}
      {s.suggestion && !(plain && s.average && s.average.count > 0 && !isYear) && (
        <p className="mt-2">
          {plain ? t("suggestedPlain", { mark: s.suggestion.symbol }) : t("suggested", { mark: s.suggestion.symbol, reason: s.suggestion.reasonText })}
        </p>
      )}
      <p className="mt-2">
        {s.final
          ? t("final", { mark: s.final.symbol, when: formatDateTime(new Date(s.final.confirmedAt), timeZone, intl) })
          : t("noFinal")}
      </p>
      {s.forecast && <ForecastBox f={s.forecast} subjectId={s.subjectId} />}
      {moreHref && (
        <p className="mt-3">
          <Link href={moreHref} className="text-accent underline underline-offset-4">
            {t("more", { subject: s.subjectName })}
          </Link>
        </p>
      )}
    </section>
  );
}

async function ForecastBox({ f, subjectId }: { f: DiaryForecast; subjectId: string }) {
  const t = await getTranslations("diary.marks");
  const id = `forecast-${subjectId}`;
  return (
    <div role="group" aria-labelledby={id} className="mt-3 rounded border-l-4 border-accent bg-blue-50 p-2">
      <p id={id} className="font-bold">
        {t("forecast")}
      </p>
      <p>{f.headline}</p>
      <p className="text-sm">{f.sureness}</p>
      {f.steps.length > 0 && (
        <ul className="mt-1 ml-5 list-disc">
          {f.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      {f.riskTexts.length > 0 && (
        <div className="mt-2 border-l-4 border-danger bg-red-50 p-2">
          <p className="font-bold text-danger">{t("risks")}</p>
          <ul className="ml-5 list-disc">
            {f.riskTexts.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
