import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { FileList } from "@/components/diary/week/week-view";
import { PeriodNav } from "@/components/diary/marks/period-nav";
import { SubjectCard } from "@/components/diary/marks/subject-card";
import { DataTable } from "@/components/ui/data-table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { pickChild } from "@/lib/diary/pick-child";
import { readDiarySubject, type DiaryMark, type DiarySubjectPage } from "@/lib/diary/marks";
import type { ChildSummary } from "@/lib/people/students";
import { formatDay } from "@/lib/time";

type Params = {
  params: Promise<{ subjectId: string }>;
  searchParams: Promise<{ child?: string | string[]; period?: string | string[] }>;
};

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

type Loaded = { page: DiarySubjectPage; children: ChildSummary[]; current: ChildSummary; timeZone: string };

// the title and the page need the same data: load it once per request
const loadOnce = cache(async (subjectId: string, child: string | undefined, period: string | undefined): Promise<Loaded> => {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], `/diary/marks/${subjectId}`);
  try {
    const { children, current } = await pickChild(p, child);
    if (!current) notFound();
    const page = await readDiarySubject(p, current.id, subjectId, period);
    return { page, children, current, timeZone: p.timeZone };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

async function load({ params, searchParams }: Params): Promise<Loaded> {
  const { subjectId } = await params;
  const q = await searchParams;
  return loadOnce(subjectId, one(q.child), one(q.period));
}

export async function generateMetadata(props: Params) {
  const t = await getTranslations("diary.marks");
  const { page } = await load(props);
  return { title: t("subjectTitle", { subject: page.subject.subjectName }) };
}

export default async function DiarySubjectView(props: Params) {
  const { page, children, current, timeZone } = await load(props);
  const t = await getTranslations("diary");
  const intl = (await getLocale()) === "en" ? "en-GB" : "ru-RU";
  const showChild = children.length > 1;
  const s = page.subject;
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams();
    if (showChild) q.set("child", current.id);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return q.toString();
  };
  const columns = [
    { key: "date", header: t("marks.date"), cell: (m: DiaryMark) => formatDay(m.date, intl, false) },
    { key: "mark", header: t("marks.mark"), rowHeader: true, cell: (m: DiaryMark) => <span className="text-lg">{m.symbol}</span> },
    { key: "work", header: t("marks.work"), cell: (m: DiaryMark) => m.workType },
    ...(page.plainLanguage ? [] : [{ key: "weight", header: t("marks.weightCol"), cell: (m: DiaryMark) => (m.counts ? m.weight : t("marks.notCounted")) }]),
    { key: "comment", header: t("marks.commentCol"), cell: (m: DiaryMark) => m.comment ?? "" },
  ];
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-6">
      <p>
        <Link href={`/diary/marks?${query({ period: page.period.id })}`} className="text-accent underline underline-offset-4">
          {t("marks.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold break-words">{t("marks.subjectTitle", { subject: s.subjectName })}</h1>
      <p>{current.name}</p>
      <PeriodNav page={page} hrefFor={(id) => `/diary/marks/${s.subjectId}?${query({ period: id })}`} />
      <p className="mt-4 text-lg">
        {t("marks.periodRange", { name: page.period.name, from: formatDay(page.period.startDate, intl, false), to: formatDay(page.period.endDate, intl, false) })}
      </p>
      <DataTable
        caption={t("marks.table", { subject: s.subjectName, period: page.period.name })}
        columns={columns}
        rows={s.marks}
        rowKey={(m) => m.id}
        empty={t("marks.noMarks")}
      />
      <p>{t("marks.lessons", { held: s.lessonsHeld, missed: s.lessonsMissed })}</p>
      <SubjectCard s={s} plain={page.plainLanguage} intl={intl} timeZone={timeZone} period={page.period} moreHref={null} hideList headingLevel={2} />
      <section aria-labelledby="homework" className="mt-6">
        <h2 id="homework" className="text-xl font-bold">
          {t("marks.homework")}
        </h2>
        {page.homework.length === 0 ? (
          <p className="mt-2">{t("marks.noHomework")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {page.homework.map((h) => (
              <li key={h.id} className="break-words">
                <strong>{t("marks.due", { day: formatDay(h.dueDate, intl, false) })}:</strong> <span className="whitespace-pre-line">{h.text}</span>
                {h.individual && <> {t("week.individual")}</>}
                {h.files.length > 0 && <FileList files={h.files} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="mt-6">
        <Link href={showChild ? `/diary?${query({})}` : "/diary"} className="text-accent underline underline-offset-4">
          {t("week.title")}
        </Link>
      </p>
    </main>
  );
}
