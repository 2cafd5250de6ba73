import { getTranslations } from "next-intl/server";

import { DiaryPage } from "@/components/diary/sections/diary-page";
import { FinalLine } from "@/components/diary/sections/final-line";
import { childOf, dayText, instantParts } from "@/components/diary/sections/format";
import { requirePageRole } from "@/lib/auth/page-guard";
import { pickChild } from "@/lib/diary/pick-child";
import { getDiaryResults } from "@/lib/diary/results";
import { orNotFound } from "@/lib/school/not-found";

type SP = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("diarySections.results");
  return { title: t("title") };
}

export default async function DiaryResultsPage({ searchParams }: { searchParams: SP }) {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary/results");
  const t = await getTranslations("diarySections.results");
  const te = await getTranslations("exams.diary");
  const { children, current } = await orNotFound(pickChild(p, childOf(await searchParams)));
  const data = current ? await orNotFound(getDiaryResults(p, current.id)) : null;
  const periodName = new Map(data?.periods.map((x) => [x.id, x.name]) ?? []);
  return (
    <DiaryPage title={t("title")} list={children} current={current} basePath="/diary/results">
      {data && (
        <>
          <p>{t("lead")}</p>
          {data.yearName && <p className="mt-1">{t("year", { name: data.yearName })}</p>}
          {data.subjects.length === 0 ? (
            <p className="mt-4">{t("none")}</p>
          ) : (
            data.subjects.map((s, i) => (
              <section key={s.subjectName} aria-labelledby={`res-${i}`} className="mt-6">
                <h2 id={`res-${i}`} className="text-xl font-bold">
                  {s.subjectName}
                </h2>
                <dl className="mt-2">
                  {s.periods.map((x) => (
                    <FinalLine key={x.periodId} label={periodName.get(x.periodId) ?? ""} mark={x.mark} timeZone={p.timeZone} locale={p.locale} />
                  ))}
                  <FinalLine label={t("yearMark")} mark={s.year} timeZone={p.timeZone} locale={p.locale} />
                  {s.exam && <FinalLine label={t("exam")} mark={s.exam} timeZone={p.timeZone} locale={p.locale} />}
                  {s.final && <FinalLine label={t("final")} mark={s.final} timeZone={p.timeZone} locale={p.locale} />}
                </dl>
              </section>
            ))
          )}
          <section aria-labelledby="state-exams" className="mt-8">
            <h2 id="state-exams" className="text-xl font-bold">
              {te("heading")}
            </h2>
            {data.stateExams.length === 0 ? (
              <p className="mt-2">{t("noStateExams")}</p>
            ) : (
              <ul className="mt-2">
                {data.stateExams.map((e) => (
                  <li key={e.id} className="border-b border-muted py-2">
                    <strong>{te("line", { exam: e.exam, subject: e.subjectName })}</strong>
                    {" — "}
                    {te("mark", { mark: e.mark })}
                    <span className="block">{te("details", { date: dayText(e.examDate, p.locale), score: e.primaryScore, max: e.maxScore })}</span>
                    <span className="block text-muted">{t("published", instantParts(e.publishedAt, p.timeZone, p.locale))}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </DiaryPage>
  );
}
