import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { ChildSwitcher } from "@/components/diary/child-switcher";
import { PeriodNav } from "@/components/diary/marks/period-nav";
import { SubjectCard } from "@/components/diary/marks/subject-card";
import { Notice } from "@/components/ui/notice";
import { requirePageRole } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { pickChild } from "@/lib/diary/pick-child";
import { readDiaryMarks } from "@/lib/diary/marks";
import { formatDay } from "@/lib/time";

type Search = { searchParams: Promise<{ child?: string | string[]; period?: string | string[] }> };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export async function generateMetadata() {
  const t = await getTranslations("diary.marks");
  return { title: t("title") };
}

export default async function DiaryMarksView({ searchParams }: Search) {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary/marks");
  const t = await getTranslations("diary");
  const intl = (await getLocale()) === "en" ? "en-GB" : "ru-RU";
  const params = await searchParams;
  try {
    const { children, current } = await pickChild(p, one(params.child));
    if (!current) {
      return (
        <main id="main" className="mx-auto max-w-3xl px-4 py-6">
          <h1 className="text-2xl font-bold">{t("marks.title")}</h1>
          <p className="mt-4">{t("noChildren")}</p>
        </main>
      );
    }
    const page = await readDiaryMarks(p, current.id, one(params.period));
    const showChild = children.length > 1;
    const query = (extra: Record<string, string>) => {
      const q = new URLSearchParams();
      if (showChild) q.set("child", current.id);
      for (const [k, v] of Object.entries(extra)) q.set(k, v);
      return q.toString();
    };
    return (
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        <h1 className="text-2xl font-bold break-words">{t("marks.heading", { name: current.name })}</h1>
        {current.className && <p>{t("className", { name: current.className })}</p>}
        <ChildSwitcher list={children} currentId={current.id} basePath="/diary/marks" params={{ period: page.period.id }} />
        <PeriodNav page={page} hrefFor={(id) => `/diary/marks?${query({ period: id })}`} />
        <p className="mt-4 text-lg">
          {t("marks.periodRange", { name: page.period.name, from: formatDay(page.period.startDate, intl, false), to: formatDay(page.period.endDate, intl, false) })}
        </p>
        {page.period.closed && <Notice kind="info">{t("marks.closed")}</Notice>}
        {page.plainLanguage && <p className="mt-2 text-sm">{t("marks.plainNote")}</p>}
        {page.subjects.length === 0 && <p className="mt-4">{t("marks.noSubjects")}</p>}
        {page.subjects.map((s) => (
          <SubjectCard
            key={s.subjectId}
            s={s}
            plain={page.plainLanguage}
            intl={intl}
            timeZone={p.timeZone}
            period={page.period}
            moreHref={`/diary/marks/${s.subjectId}?${query({ period: page.period.id })}`}
          />
        ))}
      </main>
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
