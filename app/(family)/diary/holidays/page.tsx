import { getTranslations } from "next-intl/server";

import { DiaryPage } from "@/components/diary/sections/diary-page";
import { childOf, dayText } from "@/components/diary/sections/format";
import { requirePageRole } from "@/lib/auth/page-guard";
import { getDiaryCalendar } from "@/lib/diary/holidays";
import { pickChild } from "@/lib/diary/pick-child";
import { orNotFound } from "@/lib/school/not-found";

type SP = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("diarySections.holidays");
  return { title: t("title") };
}

const cell = "py-2 pr-3 align-top";
const head = "border-b-2 border-ink py-2 pr-3 text-left";

export default async function DiaryHolidaysPage({ searchParams }: { searchParams: SP }) {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary/holidays");
  const t = await getTranslations("diarySections.holidays");
  const { children, current } = await orNotFound(pickChild(p, childOf(await searchParams)));
  const data = current ? await orNotFound(getDiaryCalendar(p, current.id)) : null;
  const range = (from: string, to: string) =>
    from === to ? dayText(from, p.locale) : t("range", { from: dayText(from, p.locale), to: dayText(to, p.locale) });
  const now = (from: string, to: string) => data !== null && from <= data.today && data.today <= to;
  return (
    <DiaryPage title={t("title")} list={children} current={current} basePath="/diary/holidays">
      {data && (
        <>
          <p>{data.yearName ? t("year", { name: data.yearName }) : t("noYear")}</p>
          <section aria-labelledby="holidays-list" className="mt-6">
            <h2 id="holidays-list" className="text-xl font-bold">
              {t("holidays")}
            </h2>
            {data.holidays.length === 0 ? (
              <p className="mt-2">{t("noHolidays")}</p>
            ) : (
              <table className="mt-2 w-full border-collapse">
                <caption className="sr-only">{t("holidaysCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={head}>{t("name")}</th>
                    <th scope="col" className={head}>{t("dates")}</th>
                    <th scope="col" className={head}>{t("days")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.holidays.map((h) => (
                    <tr key={h.id} className="border-b border-muted">
                      <th scope="row" className={`${cell} text-left font-semibold`}>
                        {h.name}
                        {h.kind === "NON_WORKING_DAY" && <span className="block font-normal">{t("nonWorking")}</span>}
                        {now(h.startDate, h.endDate) && <strong className="block">{t("now")}</strong>}
                      </th>
                      <td className={cell}>{range(h.startDate, h.endDate)}</td>
                      <td className={cell}>{h.days}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="periods-list" className="mt-8">
            <h2 id="periods-list" className="text-xl font-bold">
              {t("periods")}
            </h2>
            {data.periods.length === 0 ? (
              <p className="mt-2">{t("noPeriods")}</p>
            ) : (
              <table className="mt-2 w-full border-collapse">
                <caption className="sr-only">{t("periodsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={head}>{t("name")}</th>
                    <th scope="col" className={head}>{t("dates")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.periods.map((x) => (
                    <tr key={x.id} className="border-b border-muted">
                      <th scope="row" className={`${cell} text-left font-semibold`}>
                        {x.name}
                        {x.kind !== "YEAR" && now(x.startDate, x.endDate) && <strong className="block">{t("now")}</strong>}
                      </th>
                      <td className={cell}>{range(x.startDate, x.endDate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </DiaryPage>
  );
}
