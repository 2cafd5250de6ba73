import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { DiaryPage } from "@/components/diary/sections/diary-page";
import { HomeworkItem } from "@/components/diary/sections/homework-item";
import { childHref } from "@/components/diary/child-switcher";
import { childOf } from "@/components/diary/sections/format";
import { requirePageRole } from "@/lib/auth/page-guard";
import { getDiaryHomework } from "@/lib/diary/homework";
import { pickChild } from "@/lib/diary/pick-child";
import { orNotFound } from "@/lib/school/not-found";

type SP = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("diarySections.homework");
  return { title: t("title") };
}

export default async function DiaryHomeworkPage({ searchParams }: { searchParams: SP }) {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary/homework");
  const t = await getTranslations("diarySections.homework");
  const sp = await searchParams;
  const past = sp.past === "1";
  const { children, current } = await orNotFound(pickChild(p, childOf(sp)));
  const data = current ? await orNotFound(getDiaryHomework(p, current.id, { past })) : null;
  const params: Record<string, string> = past ? { past: "1" } : {};
  return (
    <DiaryPage title={t("title")} list={children} current={current} basePath="/diary/homework" params={params}>
      {data && current && (
        <>
          <p>{past ? t("pastLead") : t("upcomingLead")}</p>
          <p className="mt-2">
            <Link href={childHref("/diary/homework", current.id, past ? {} : { past: "1" })} className="font-semibold text-accent underline underline-offset-4">
              {past ? t("showUpcoming") : t("showPast")}
            </Link>
          </p>
          {data.subjects.length === 0 ? (
            <p className="mt-4">{t("none")}</p>
          ) : (
            data.subjects.map((s, i) => (
              <section key={s.subjectName} aria-labelledby={`hw-subject-${i}`} className="mt-6">
                <h2 id={`hw-subject-${i}`} className="text-xl font-bold">
                  {s.subjectName}
                </h2>
                <ul className="mt-2 space-y-3">
                  {s.items.map((h) => (
                    <HomeworkItem key={h.id} item={h} today={data.today} locale={p.locale} />
                  ))}
                </ul>
              </section>
            ))
          )}
        </>
      )}
    </DiaryPage>
  );
}
