import { getTranslations } from "next-intl/server";

import { DiaryPage } from "@/components/diary/sections/diary-page";
import { CohortTeachers } from "@/components/diary/sections/cohort-teachers";
import { childOf } from "@/components/diary/sections/format";
import { requirePageRole } from "@/lib/auth/page-guard";
import { getDiaryClass } from "@/lib/diary/class";
import { pickChild } from "@/lib/diary/pick-child";
import { orNotFound } from "@/lib/school/not-found";

type SP = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("diarySections.class");
  return { title: t("title") };
}

export default async function DiaryClassPage({ searchParams }: { searchParams: SP }) {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary/class");
  const t = await getTranslations("diarySections.class");
  const { children, current } = await orNotFound(pickChild(p, childOf(await searchParams)));
  const data = current ? await orNotFound(getDiaryClass(p, current.id)) : null;
  return (
    <DiaryPage title={t("title")} list={children} current={current} basePath="/diary/class">
      {data && (
        <>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t("className")}</dt>
            <dd>{data.className ?? t("noClass")}</dd>
            <dt className="font-semibold">{t("classTeacher")}</dt>
            <dd>{data.classTeacher ? data.classTeacher.name : t("noClassTeacher")}</dd>
            <dt className="font-semibold">{t("program")}</dt>
            <dd>{data.program ?? t("noProgram")}</dd>
          </dl>
          {data.individualPlan && <p className="mt-2">{t("individualPlan")}</p>}
          {data.homeSchooling && <p className="mt-2">{t("homeSchooling")}</p>}
          {data.cohorts.map((c) => (
            <CohortTeachers key={c.id} cohort={c} />
          ))}
        </>
      )}
    </DiaryPage>
  );
}
