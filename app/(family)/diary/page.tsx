import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { ChildSwitcher } from "@/components/diary/child-switcher";
import { WeekView } from "@/components/diary/week/week-view";
import { requirePageRole } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { pickChild } from "@/lib/diary/pick-child";
import { readDiaryWeek, weekParam } from "@/lib/diary/week";
import { schoolToday } from "@/lib/time";

type Search = { searchParams: Promise<{ child?: string | string[]; week?: string | string[] }> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export async function generateMetadata() {
  const t = await getTranslations("diary.week");
  return { title: t("title") };
}

export default async function DiaryWeekPage({ searchParams }: Search) {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary");
  const t = await getTranslations("diary");
  const locale = (await getLocale()) === "en" ? "en" : "ru";
  const params = await searchParams;
  const childParam = one(params.child);
  try {
    const { children, current } = await pickChild(p, childParam);
    if (!current) {
      return (
        <main id="main" className="mx-auto max-w-3xl px-4 py-6">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-4">{t("noChildren")}</p>
        </main>
      );
    }
    const week = await readDiaryWeek(p, current.id, weekParam(one(params.week), schoolToday(p.timeZone)));
    const showChild = children.length > 1;
    return (
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        <h1 className="text-2xl font-bold break-words">{t("heading", { name: current.name })}</h1>
        {current.className && <p>{t("className", { name: current.className })}</p>}
        <ChildSwitcher list={children} currentId={current.id} basePath="/diary" params={{ week: week.weekStart }} />
        <WeekView week={week} locale={locale} childId={current.id} showChild={showChild} />
        <p className="mt-6">
          <Link href={showChild ? `/diary/marks?child=${current.id}` : "/diary/marks"} className="text-accent underline underline-offset-4">
            {t("week.marksLink")}
          </Link>
        </p>
      </main>
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
