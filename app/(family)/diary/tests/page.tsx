import { getTranslations } from "next-intl/server";

import { DiaryPage } from "@/components/diary/sections/diary-page";
import { TestList } from "@/components/diary/sections/test-list";
import { childOf, dayText } from "@/components/diary/sections/format";
import { requirePageRole } from "@/lib/auth/page-guard";
import { pickChild } from "@/lib/diary/pick-child";
import { getDiaryTests } from "@/lib/diary/tests";
import { orNotFound } from "@/lib/school/not-found";

type SP = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("diarySections.tests");
  return { title: t("title") };
}

export default async function DiaryTestsPage({ searchParams }: { searchParams: SP }) {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary/tests");
  const t = await getTranslations("diarySections.tests");
  const { children, current } = await orNotFound(pickChild(p, childOf(await searchParams)));
  const data = current ? await orNotFound(getDiaryTests(p, current.id)) : null;
  const upcoming = data?.events.filter((e) => e.date >= data.today) ?? [];
  const done = data?.events.filter((e) => e.date < data.today).reverse() ?? [];
  return (
    <DiaryPage title={t("title")} list={children} current={current} basePath="/diary/tests">
      {data && (
        <>
          <p>
            {data.period
              ? t("period", { name: data.period.name, from: dayText(data.period.startDate, p.locale), to: dayText(data.period.endDate, p.locale) })
              : t("noPeriod")}{" "}
            {t("lead", { from: dayText(data.from, p.locale), to: dayText(data.to, p.locale) })}
          </p>
          <section aria-labelledby="tests-upcoming" className="mt-6">
            <h2 id="tests-upcoming" className="text-xl font-bold">
              {t("upcoming")}
            </h2>
            <TestList events={upcoming} today={data.today} label={t("upcoming")} empty={t("noneUpcoming")} locale={p.locale} />
          </section>
          {done.length > 0 && (
            <section aria-labelledby="tests-done" className="mt-8">
              <h2 id="tests-done" className="text-xl font-bold">
                {t("done")}
              </h2>
              <TestList events={done} today={data.today} label={t("done")} empty={t("none")} locale={p.locale} />
            </section>
          )}
        </>
      )}
    </DiaryPage>
  );
}
