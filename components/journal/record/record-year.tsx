import { getTranslations } from "next-intl/server";

import type { RecordYear } from "@/lib/journal/student-record";
import { formatDayRu } from "@/lib/time";

/**
 * One academic year of a student's record: where the student studied, a table of
 * subjects × periods, year, exam and final marks, and the lessons missed. The table is
 * named by its caption, every header has its scope, and a wide year scrolls inside its
 * own focusable box rather than the page (200 % zoom).
 */
export async function RecordYearView({ year }: { year: RecordYear }) {
  const t = await getTranslations("record");
  const headingId = `year-${year.id}`;
  const caption = t("caption", { year: year.name });
  const cell = "border border-gray-400 px-2 py-1 text-center";
  const cohorts = year.cohorts.map((c) =>
    c.to
      ? t("cohortSpan", { name: c.name, kind: t(`cohortKind.${c.kind}`), from: formatDayRu(c.from), to: formatDayRu(c.to) })
      : t("cohortFrom", { name: c.name, kind: t(`cohortKind.${c.kind}`), from: formatDayRu(c.from) }),
  );
  const programs = year.programs.map((x) =>
    x.to ? t("programSpan", { name: x.name, from: formatDayRu(x.from), to: formatDayRu(x.to) }) : t("programFrom", { name: x.name, from: formatDayRu(x.from) }),
  );
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h3 id={headingId} className="text-lg font-bold">
        {year.grade === null ? t("yearHeading", { year: year.name }) : t("yearHeadingGrade", { year: year.name, grade: year.grade })}
      </h3>
      {cohorts.length > 0 && <p className="max-w-3xl">{t("cohorts", { list: cohorts.join("; ") })}</p>}
      {programs.length > 0 && <p className="max-w-3xl">{t("programsInYear", { list: programs.join("; ") })}</p>}
      {year.subjects.length === 0 ? (
        <p className="mt-2">{t("noSubjects")}</p>
      ) : (
        <div className="relative my-3 max-w-full overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
          <table className="border-collapse">
            <caption className="mb-2 text-left font-bold">{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className={`${cell} text-left`}>
                  {t("subject")}
                </th>
                {year.columns.map((c) => (
                  <th key={`${c.periodId}-${c.kind}`} scope="col" className={cell}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {year.subjects.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className={`${cell} min-w-40 text-left font-semibold`}>
                    {s.name}
                    {s.kind !== "SUBJECT" && <span className="font-normal"> {t(`subjectKind.${s.kind}`)}</span>}
                    {s.individual && <span className="font-normal"> {t("individualMark")}</span>}
                  </th>
                  {s.cells.map((v, i) => (
                    <td key={i} className={cell}>
                      {v ? (
                        v
                      ) : (
                        <>
                          <span aria-hidden="true">—</span>
                          <span className="sr-only">{t("noMark")}</span>
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4 className="mt-3 font-bold">{t("attendanceHeading")}</h4>
      <dl className="grid max-w-xl grid-cols-[1fr_auto] gap-x-4">
        <dt>{t("missed")}</dt>
        <dd className="text-right font-semibold">{year.attendance.missed}</dd>
        <dt className="pl-4">{t("ill")}</dt>
        <dd className="text-right">{year.attendance.ill}</dd>
        <dt className="pl-4">{t("excused")}</dt>
        <dd className="text-right">{year.attendance.excused}</dd>
        <dt>{t("late")}</dt>
        <dd className="text-right">{year.attendance.late}</dd>
      </dl>
    </section>
  );
}
