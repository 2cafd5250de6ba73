import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { formatDayRu } from "@/lib/time";

type Lesson = { id: string; date: string; lessonNumber: number; lessonType: string; topic: string | null };

const cell = "border-b border-gray-300 px-3 py-2 text-left align-top";

/** The period's lessons under the journal grid, each opening the lesson page. */
export async function PeriodLessons({ lessons, homework, caption }: { lessons: Lesson[]; homework: Record<string, number>; caption: string }) {
  const t = await getTranslations("lesson");
  if (lessons.length === 0) return null;
  return (
    <section aria-labelledby="period-lessons" className="mt-8">
      <h2 id="period-lessons" className="mb-3 text-xl font-bold">{t("periodLessons")}</h2>
      <div className="relative max-w-full overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
        <table className="min-w-full border-collapse">
          <caption className="mb-2 text-left font-semibold">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className={cell}>{t("colDate")}</th>
              <th scope="col" className={cell}>{t("colNumber")}</th>
              <th scope="col" className={cell}>{t("colType")}</th>
              <th scope="col" className={cell}>{t("colTopic")}</th>
              <th scope="col" className={cell}>{t("colHomework")}</th>
              <th scope="col" className={cell}>{t("colActions")}</th>
            </tr>
          </thead>
          <tbody>
            {lessons.map((l) => (
              <tr key={l.id}>
                <th scope="row" className={`${cell} font-normal`}>{formatDayRu(l.date)}</th>
                <td className={cell}>{t("numberShort", { number: l.lessonNumber })}</td>
                <td className={cell}>{t(`types.${l.lessonType}`)}</td>
                <td className={cell}>{l.topic ?? t("noTopic")}</td>
                <td className={cell}>{homework[l.id] ?? 0}</td>
                <td className={cell}>
                  <Link
                    href={`/journal/lesson/${l.id}`}
                    aria-label={t("openLessonOf", { date: formatDayRu(l.date), number: l.lessonNumber })}
                    className="text-accent underline underline-offset-4"
                  >
                    {t("openLesson")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
