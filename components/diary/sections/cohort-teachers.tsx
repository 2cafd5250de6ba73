/** One class, group, stream or individual plan of the child: its subjects and teachers. */
import { useTranslations } from "next-intl";

import type { DiaryCohort } from "@/lib/diary/class";

export function CohortTeachers({ cohort }: { cohort: DiaryCohort }) {
  const t = useTranslations("diarySections.class");
  const headingId = `cohort-${cohort.id}`;
  const title = t(`kind.${cohort.kind}`, { name: cohort.name });
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="text-xl font-bold">
        {title}
      </h2>
      {cohort.parentName && <p>{t("partOf", { name: cohort.parentName })}</p>}
      {cohort.kind !== "CLASS" && cohort.classTeacher && (
        <p>
          {t("classTeacher")}: {cohort.classTeacher.name}
        </p>
      )}
      {cohort.subjects.length === 0 ? (
        <p className="mt-2">{t("noSubjects")}</p>
      ) : (
        <table className="mt-2 w-full border-collapse text-left">
          <caption className="sr-only">{t("caption", { name: title })}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b-2 border-ink py-2 pr-3">
                {t("subject")}
              </th>
              <th scope="col" className="border-b-2 border-ink py-2">
                {t("teachers")}
              </th>
            </tr>
          </thead>
          <tbody>
            {cohort.subjects.map((s) => (
              <tr key={s.subjectName} className="border-b border-muted align-top">
                <th scope="row" className="py-2 pr-3 text-left font-semibold">
                  {s.subjectName}
                </th>
                <td className="py-2">
                  {s.teachers.length === 0 ? (
                    <span className="text-muted">{t("noTeacher")}</span>
                  ) : (
                    <ul>
                      {s.teachers.map((x) => (
                        <li key={x.name}>{x.name}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
