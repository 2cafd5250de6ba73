/**
 * The diary week on a phone first: one section per day (Monday–Saturday), each lesson a
 * small card with a heading, so that a screen-reader user jumps lesson to lesson and a
 * sighted one reads it top to bottom at 360 px or at 200 % zoom without sideways scroll.
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import type { DiaryDay, DiaryFile, DiaryLesson, DiaryWeek } from "@/lib/diary/week";
import { formatDay } from "@/lib/time";
import { LessonDetails, type WeekT } from "@/components/diary/week/lesson-details";

type Props = { week: DiaryWeek; locale: "ru" | "en"; childId: string; showChild: boolean };

function href(week: string, childId: string, showChild: boolean, anchor = ""): string {
  const q = new URLSearchParams();
  if (showChild) q.set("child", childId);
  q.set("week", week);
  return `/diary?${q.toString()}${anchor}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export async function WeekView({ week, locale, childId, showChild }: Props) {
  const t = await getTranslations("diary.week");
  const intl = locale === "en" ? "en-GB" : "ru-RU";
  const day = (d: string, weekday = false) => formatDay(d, intl, weekday);
  const isCurrent = week.weekStart <= week.today && week.today <= week.weekEnd;
  return (
    <>
      <p className="mt-2 text-lg">{t("range", { from: day(week.weekStart), to: day(week.weekEnd) })}</p>
      <nav aria-label={t("weekNav")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link href={href(week.previousWeek, childId, showChild)} className="inline-block rounded border-2 border-accent px-3 py-2 text-accent">
              {t("previous")}
            </Link>
          </li>
          {!isCurrent && (
            <li>
              <Link href={href(week.today, childId, showChild)} className="inline-block rounded border-2 border-accent px-3 py-2 text-accent">
                {t("thisWeek")}
              </Link>
            </li>
          )}
          <li>
            <Link href={href(week.nextWeek, childId, showChild)} className="inline-block rounded border-2 border-accent px-3 py-2 text-accent">
              {t("next")}
            </Link>
          </li>
        </ul>
      </nav>
      <form method="get" action="/diary" className="mt-4 flex flex-wrap items-end gap-3">
        {showChild && <input type="hidden" name="child" value={childId} />}
        <div>
          <label htmlFor="week-date" className="block font-semibold">
            {t("jumpLabel")}
          </label>
          <p id="week-date-hint" className="text-sm text-muted">
            {t("jumpHint")}
          </p>
          <input
            id="week-date"
            name="week"
            type="date"
            defaultValue={week.weekStart}
            aria-describedby="week-date-hint"
            className="mt-1 rounded border-2 border-gray-700 px-2 py-1"
          />
        </div>
        <button type="submit" className="rounded border-2 border-accent bg-accent px-4 py-1 font-semibold text-white">
          {t("jumpButton")}
        </button>
      </form>
      <nav aria-label={t("days")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {week.days.map((d) => (
            <li key={d.day}>
              <a
                href={`#day-${d.day}`}
                aria-current={d.isToday ? "date" : undefined}
                className={`inline-block rounded border-2 px-2 py-1 ${d.isToday ? "border-accent bg-accent text-white" : "border-gray-400 text-accent"}`}
              >
                {capitalise(formatDayShort(d.day, intl))}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {week.days.map((d) => (
        <DaySection key={d.day} d={d} intl={intl} t={t} />
      ))}
    </>
  );
}

/** «пн, 30 нояб.» */
function formatDayShort(day: string, intl: string): string {
  return new Intl.DateTimeFormat(intl, { timeZone: "UTC", weekday: "short", day: "numeric" }).format(new Date(`${day}T00:00:00Z`));
}

// The day, the lesson and the file list take the week's translator from WeekView rather
// than each asking next-intl for it: a week has some forty of them, and an async server
// component costs React a task of its own (the morning load, docs/benchmarks.md).
function DaySection({ d, intl, t }: { d: DiaryDay; intl: string; t: WeekT }) {
  const headingId = `day-${d.day}-title`;
  let holiday: string | null = null;
  if (d.holiday) {
    if (d.holiday.kind === "NON_WORKING_DAY") holiday = t("nonWorking", { name: d.holiday.name });
    else holiday = /каникул|holiday/i.test(d.holiday.name) ? t("holidayOnly", { name: d.holiday.name }) : t("holiday", { name: d.holiday.name });
  }
  return (
    <section
      id={`day-${d.day}`}
      aria-labelledby={headingId}
      className={`mt-6 rounded border-2 p-3 ${d.isToday ? "border-accent" : "border-gray-300"}`}
    >
      <h2 id={headingId} className="text-xl font-bold">
        {capitalise(formatDay(d.day, intl))}
        {d.isToday && <span className="ml-2 rounded bg-accent px-2 text-base text-white">{t("today")}</span>}
      </h2>
      {holiday && <p className="mt-2 font-semibold">{holiday}</p>}
      {d.lessons.length === 0 && !holiday && <p className="mt-2">{t("noLessons")}</p>}
      {d.lessons.length > 0 && (
        <ol className="mt-2 space-y-3">
          {d.lessons.map((l) => (
            <li key={l.id}>
              <LessonCard l={l} intl={intl} t={t} />
            </li>
          ))}
        </ol>
      )}
      {d.homework.length > 0 && (
        <>
          <h3 className="mt-4 text-lg font-bold">{t("homework")}</h3>
          <ul className="mt-1 space-y-2">
            {d.homework.map((h) => (
              <li key={h.id} className="break-words">
                <strong>{h.subjectName}:</strong> <span className="whitespace-pre-line">{h.text}</span>
                {h.individual && <> {t("individual")}</>}
                {h.files.length > 0 && <FileListView files={h.files} t={t} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A homework's files, with their sizes («12 КБ»). */
export async function FileList({ files }: { files: DiaryFile[] }) {
  const t = await getTranslations("diary.week");
  return <FileListView files={files} t={t} />;
}

function FileListView({ files, t }: { files: DiaryFile[]; t: WeekT }) {
  const size = (n: number) =>
    n < 1024 ? t("sizeB", { n }) : n < 1024 * 1024 ? t("sizeKB", { n: Math.round(n / 1024) }) : t("sizeMB", { n: (n / 1024 / 1024).toFixed(1) });
  return (
    <ul aria-label={t("files")} className="mt-1 ml-4 list-disc">
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.href} className="break-all text-accent underline underline-offset-4">
            {t("file", { name: f.name, size: size(f.size) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

function LessonCard({ l, intl, t }: { l: DiaryLesson; intl: string; t: WeekT }) {
  const off = l.status === "CANCELLED" || l.status === "MOVED";
  const titleId = `lesson-${l.id}`;
  const title =
    l.startsAt && l.endsAt
      ? t("lessonTitleTime", { number: l.lessonNumber, from: l.startsAt, to: l.endsAt, subject: l.subjectName })
      : t("lessonTitle", { number: l.lessonNumber, subject: l.subjectName });
  return (
    <article aria-labelledby={titleId} className={`rounded border p-2 ${off ? "border-danger bg-red-50" : "border-gray-300"}`}>
      <h3 id={titleId} className="font-bold break-words">
        {title}
      </h3>
      {l.status === "CANCELLED" && (
        <p className="font-bold text-danger">
          {t("cancelled")} {l.statusReason && t("reason", { reason: l.statusReason })}
        </p>
      )}
      {l.status === "MOVED" && (
        <p className="font-bold text-danger">
          {l.movedTo ? t("moved", { day: formatDay(l.movedTo.day, intl, false), number: l.movedTo.lessonNumber }) : t("movedNowhere")}{" "}
          {l.statusReason && t("reason", { reason: l.statusReason })}
        </p>
      )}
      {l.movedFrom && (
        <p className="font-semibold">
          {t("movedFrom", { day: formatDay(l.movedFrom.day, intl, false), number: l.movedFrom.lessonNumber })}{" "}
          {l.movedFrom.reason && t("reason", { reason: l.movedFrom.reason })}
        </p>
      )}
      <LessonDetails l={l} intl={intl} t={t} />
    </article>
  );
}
