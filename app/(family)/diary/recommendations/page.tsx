import { getTranslations } from "next-intl/server";

import { DiaryPage } from "@/components/diary/sections/diary-page";
import { childOf, dayText } from "@/components/diary/sections/format";
import { requirePageRole } from "@/lib/auth/page-guard";
import { pickChild } from "@/lib/diary/pick-child";
import { getDiaryRecommendations } from "@/lib/diary/recommendations";
import { orNotFound } from "@/lib/school/not-found";

type SP = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("diarySections.recommendations");
  return { title: t("title") };
}

export default async function DiaryRecommendationsPage({ searchParams }: { searchParams: SP }) {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary/recommendations");
  const t = await getTranslations("diarySections.recommendations");
  const { children, current } = await orNotFound(pickChild(p, childOf(await searchParams)));
  const data = current ? await orNotFound(getDiaryRecommendations(p, current.id)) : null;
  return (
    <DiaryPage title={t("title")} list={children} current={current} basePath="/diary/recommendations">
      {data && (
        <>
          <p>{t("lead")}</p>
          {data.items.length === 0 ? (
            <p className="mt-4">{t("none")}</p>
          ) : (
            <ul className="mt-4 space-y-4">
              {data.items.map((r) => (
                <li key={r.id} className="rounded border-2 border-muted p-3">
                  <article aria-labelledby={`rec-${r.id}`}>
                    <h2 id={`rec-${r.id}`} className="text-lg font-bold">
                      {r.subjectName ?? t("general")}
                    </h2>
                    <p className="text-muted">{t("written", { date: dayText(r.date, p.locale), teacher: r.teacher })}</p>
                    <p className="mt-2 whitespace-pre-line break-words">{r.text}</p>
                  </article>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </DiaryPage>
  );
}
