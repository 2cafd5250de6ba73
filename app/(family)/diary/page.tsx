import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { listMyStudents } from "@/lib/people/students";
import { getStudentDay } from "@/lib/diary/student-day";
import { markSymbol } from "@/lib/grading/display";
import { formatDay } from "@/lib/time";

export async function generateMetadata() {
  const t = await getTranslations("diary");
  return { title: t("title") };
}

export default async function DiaryHome({ searchParams }: { searchParams: Promise<{ child?: string }> }) {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary");
  const t = await getTranslations("diary");
  const children = await listMyStudents(p);
  const { child } = await searchParams;
  const current = children.find((c) => c.id === child) ?? children[0];
  const day = current ? await getStudentDay(p, current.id) : null;
  return (
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        <h1 className="text-2xl font-bold">
          {t("title")}
          {current && `: ${current.name}`}
        </h1>
        {children.length === 0 && <p className="mt-4">{t("noChildren")}</p>}
        {children.length > 1 && (
          <nav aria-label={t("children")} className="mt-4">
            <ul className="flex flex-wrap gap-3">
              {children.map((c) => (
                <li key={c.id}>
                  <Link
                    href={`/diary?child=${c.id}`}
                    aria-current={c.id === current?.id ? "page" : undefined}
                    className={`inline-block rounded border-2 px-3 py-1 ${c.id === current?.id ? "border-accent bg-accent text-white" : "border-accent text-accent"}`}
                  >
                    {c.name}
                    {c.className && `, ${t("className", { name: c.className })}`}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {day && (
          <>
            <section aria-labelledby="today" className="mt-6">
              <h2 id="today" className="text-xl font-bold">
                {t("today", { day: formatDay(day.day) })}
              </h2>
              {day.lessons.length === 0 ? (
                <p className="mt-2">{t("noLessons")}</p>
              ) : (
                <ol className="mt-2 space-y-1">
                  {day.lessons.map((l) => (
                    <li key={`${l.lessonNumber}-${l.subjectName}`}>
                      {l.lessonNumber}. {l.subjectName}
                      {(l.status === "CANCELLED" || l.status === "MOVED") && <strong> — {t(`status.${l.status}`)}</strong>}
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section aria-labelledby="marks" className="mt-8">
              <h2 id="marks" className="text-xl font-bold">
                {t("recentMarks")}
              </h2>
              {day.recentMarks.length === 0 ? (
                <p className="mt-2">{t("noMarks")}</p>
              ) : (
                <ul className="mt-2 space-y-1">
                  {day.recentMarks.map((m, i) => (
                    <li key={i}>
                      {formatDay(m.date, "ru-RU", false)}, {m.subjectName}: <strong>{markSymbol(m)}</strong>{" "}
                      <span className="text-muted">({m.workType})</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </main>
  );
}
