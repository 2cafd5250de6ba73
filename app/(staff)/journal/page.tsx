import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import Link from "next/link";
import { getTeacherDay } from "@/lib/journal/teacher-day";
import { listMyJournals } from "@/lib/journal/grid";
import { formatDay } from "@/lib/time";

export async function generateMetadata() {
  const t = await getTranslations("journal");
  return { title: t("title") };
}

export default async function JournalHome() {
  const p = await requirePageRole(["TEACHER"], "/journal");
  const day = await getTeacherDay(p);
  const t = await getTranslations("journal");
  const tg = await getTranslations("grid");
  const journals = await listMyJournals(p);
  return (
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <section aria-labelledby="today" className="mt-6">
          <h2 id="today" className="text-xl font-bold">
            {t("today", { day: formatDay(day.day) })}
          </h2>
          {day.lessons.length === 0 ? (
            <p className="mt-2">{t("noLessons")}</p>
          ) : (
            <ol className="mt-2 space-y-2">
              {day.lessons.map((l) => (
                <li key={l.id} className="rounded border-2 border-gray-300 p-3">
                  <strong>{t("lesson", { number: l.lessonNumber })}</strong>: {l.cohortName}, {l.subjectName}
                  {l.room && <>, {t("room", { room: l.room })}</>}
                  {l.status !== "PLANNED" && <> — {t(`status.${l.status as "HELD"}`)}</>}
                  {l.topic && <p className="text-muted">{l.topic}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="my-journals" className="mt-8">
          <h2 id="my-journals" className="text-xl font-bold">
            {tg("myJournals")}
          </h2>
          {journals.length === 0 ? (
            <p className="mt-2">{tg("myJournalsEmpty")}</p>
          ) : (
            <ul className="mt-2 grid gap-2 sm:grid-cols-2">
              {journals.map((j) => (
                <li key={`${j.cohortId}:${j.subjectId}`}>
                  <Link href={`/journal/${j.cohortId}/${j.subjectId}`} className="block rounded border-2 border-gray-300 p-3 text-lg underline">
                    {tg("openJournal", { cohort: j.cohortName, subject: j.subjectName })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <p className="mt-6">
          <Link href="/journal/finals" className="text-accent underline underline-offset-4">
            {tg("finalsAndSummary")}
          </Link>
        </p>
        {day.classes.length > 0 && (
          <section aria-labelledby="classes" className="mt-8">
            <h2 id="classes" className="text-xl font-bold">
              {t("myClasses")}
            </h2>
            <ul className="mt-2 list-disc pl-6">
              {day.classes.map((c) => (
                <li key={c.id}>
                  {c.name}: {t("students", { count: c.studentCount })}
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
  );
}
