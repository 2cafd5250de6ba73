import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { requirePageRole } from "@/lib/auth/page-guard";
import { getTeacherDay, type TeacherLesson } from "@/lib/journal/teacher-day";
import { listMyJournals } from "@/lib/journal/grid";
import { listMissingWork, type MissingGroup, type MissingLesson } from "@/lib/journal/missing";
import { formatDay } from "@/lib/time";

export async function generateMetadata() {
  const t = await getTranslations("journal");
  return { title: t("title") };
}

const LINK = "text-accent underline underline-offset-4";

async function LessonItem({ l }: { l: TeacherLesson }) {
  const t = await getTranslations("journal");
  const names = { number: l.lessonNumber, cohort: l.cohortName, subject: l.subjectName };
  return (
    <li className="rounded border-2 border-gray-300 p-3">
      <p>
        <strong>{t("lesson", { number: l.lessonNumber })}</strong>: {l.cohortName}, {l.subjectName}
        {l.room && <>, {t("room", { room: l.room })}</>}
        {l.status !== "PLANNED" && <> — {t(`status.${l.status}`)}</>}
      </p>
      {l.statusReason && l.status !== "PLANNED" && l.status !== "HELD" && <p>{t("statusReason", { reason: l.statusReason })}</p>}
      {l.substituteFor && <p className="font-semibold">{t("substituteFor", { teacher: l.substituteFor })}</p>}
      {l.givenTo && <p className="font-semibold">{t("givenTo", { teacher: l.givenTo })}</p>}
      {l.substitutionReason && <p>{t("substitutionReason", { reason: l.substitutionReason })}</p>}
      {l.topic && <p className="text-muted">{t("topicLine", { topic: l.topic })}</p>}
      {l.canOpen ? (
        <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          <Link href={`/journal/lesson/${l.id}`} aria-label={t("openLessonLabel", names)} className={LINK}>
            {t("openLesson")}
          </Link>
          <Link href={`/journal/${l.cohortId}/${l.subjectId}`} aria-label={t("openGridLabel", names)} className={LINK}>
            {t("openGrid")}
          </Link>
        </p>
      ) : (
        <p className="mt-1">{t("noAccess")}</p>
      )}
    </li>
  );
}

async function LessonGroup({ id, title, hint, group, href }: {
  id: string; title: string; hint?: string; group: MissingGroup<MissingLesson>; href: (l: MissingLesson) => string;
}) {
  const t = await getTranslations("journal");
  if (group.total === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-4">
      <h3 id={id} className="text-lg font-bold">{title}</h3>
      {hint && <p className="max-w-3xl">{hint}</p>}
      <ul className="mt-1 list-disc space-y-1 pl-6">
        {group.items.map((l) => (
          <li key={l.lessonId}>
            <Link href={href(l)} className={LINK}>
              {t("missingLesson", { date: formatDay(l.date), number: l.lessonNumber, cohort: l.cohortName, subject: l.subjectName })}
            </Link>
          </li>
        ))}
      </ul>
      {group.total > group.items.length && <p className="mt-1">{t("andMore", { count: group.total - group.items.length })}</p>}
    </section>
  );
}

export default async function JournalHome() {
  const p = await requirePageRole(["TEACHER"], "/journal");
  const [day, journals, missing] = await Promise.all([getTeacherDay(p), listMyJournals(p), listMissingWork(p)]);
  const t = await getTranslations("journal");
  const tg = await getTranslations("grid");
  const nothingMissing = missing.topics.total + missing.attendance.total + missing.finals.total === 0;
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
              <LessonItem key={l.id} l={l} />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="missing" className="mt-8">
        <h2 id="missing" className="text-xl font-bold">
          {t("missingHeading")}
        </h2>
        {nothingMissing ? (
          <p className="mt-2">{t("missingNothing")}</p>
        ) : (
          <>
            <p className="mt-1 max-w-3xl">{t("missingLead")}</p>
            <LessonGroup id="missing-topics" title={t("missingTopics", { count: missing.topics.total })} group={missing.topics} href={(l) => `/journal/lesson/${l.lessonId}`} />
            <LessonGroup
              id="missing-attendance"
              title={t("missingAttendance", { count: missing.attendance.total })}
              hint={t("missingAttendanceHint")}
              group={missing.attendance}
              href={(l) => `/journal/${l.cohortId}/${l.subjectId}`}
            />
            {missing.finals.total > 0 && (
              <section aria-labelledby="missing-finals" className="mt-4">
                <h3 id="missing-finals" className="text-lg font-bold">
                  {t("missingFinals", { count: missing.finals.total })}
                </h3>
                <ul className="mt-1 list-disc space-y-1 pl-6">
                  {missing.finals.items.map((f) => (
                    <li key={`${f.periodId}|${f.cohortId}|${f.subjectId}`}>
                      <Link href={`/journal/finals/${f.cohortId}/${f.subjectId}?period=${f.periodId}`} className={LINK}>
                        {t("missingFinalsItem", { period: f.periodName, cohort: f.cohortName, subject: f.subjectName, missing: f.missing, total: f.total })}
                      </Link>{" "}
                      ({t(f.ended ? "periodEnded" : "periodEnds", { date: formatDay(f.endDate, "ru-RU", false) })})
                    </li>
                  ))}
                </ul>
                {missing.finals.total > missing.finals.items.length && (
                  <p className="mt-1">{t("andMore", { count: missing.finals.total - missing.finals.items.length })}</p>
                )}
              </section>
            )}
          </>
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
        <Link href="/journal/finals" className={LINK}>
          {tg("finalsAndSummary")}
        </Link>
      </p>
      <p className="mt-2">
        <Link href="/journal/stats" className={LINK}>
          {tg("myStats")}
        </Link>
      </p>
      {day.classes.length > 0 && (
        <section aria-labelledby="classes" className="mt-8">
          <h2 id="classes" className="text-xl font-bold">
            {t("myClasses")}
          </h2>
          <p className="mt-1 max-w-3xl">{t("classStudentsLead")}</p>
          {day.classes.map((c) => (
            <section key={c.id} aria-labelledby={`class-${c.id}`} className="mt-4">
              <h3 id={`class-${c.id}`} className="text-lg font-bold">
                {t("classStudents", { name: c.name, count: c.studentCount })}
              </h3>
              <ul aria-label={t("classListLabel", { name: c.name })} className="mt-1 grid gap-x-6 gap-y-1 pl-6 sm:grid-cols-2 list-disc">
                {c.students.map((s) => (
                  <li key={s.id}>
                    <Link href={`/journal/record/${s.id}`} className={LINK}>
                      {s.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
    </main>
  );
}
