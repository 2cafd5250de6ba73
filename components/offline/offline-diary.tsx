"use client";
/**
 * The diary without a network (issue 7, item 4): what the last sync stored on this phone
 * for the user who last signed in here — the week (lessons, substitutions, marks,
 * homework), new marks, marks by subject with the school's average and formula, and the
 * homework ahead — exactly the server's DTOs, nothing recomputed (the store holds them
 * cut into pieces, a week's days and a period's subjects, and they are joined back as
 * they were: components/offline/db.ts). The banner says honestly how old the data is.
 */
import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";

import type { DiaryDay, DiaryLesson, DiaryWeek } from "@/lib/diary/week";
import type { DiarySubjectMarks } from "@/lib/diary/marks";
import type { DiaryHomeworkList } from "@/lib/diary/homework";
import { formatDay } from "@/lib/time";
import { currentUser, openOfflineDb, readStored, storedMarksPages, storedSection, storedWeek, type StoredChild, type StoredDiary } from "@/components/offline/db";
import { formatSyncedAt } from "@/components/offline/format";
import { LessonDetails } from "@/components/diary/week/lesson-details";

type State = { kind: "loading" } | { kind: "empty" } | { kind: "ready"; diary: StoredDiary };

const FRESH_DAYS = 14;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const button = (on: boolean) =>
  `inline-block rounded border-2 border-accent px-3 py-2 ${on ? "bg-accent text-white" : "bg-white text-accent"}`;

export function OfflineDiary() {
  const t = useTranslations("offline");
  const locale = useLocale() === "en" ? "en" : "ru";
  const [state, setState] = useState<State>({ kind: "loading" });
  const [online, setOnline] = useState(true);
  const [childId, setChildId] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    const userId = currentUser();
    if (!userId) {
      setState({ kind: "empty" });
    } else {
      const db = openOfflineDb(userId);
      readStored(db)
        .then((diary) => {
          if (!alive) return;
          setState(diary && diary.children.length > 0 ? { kind: "ready", diary } : { kind: "empty" });
        })
        .catch(() => alive && setState({ kind: "empty" }))
        .finally(() => db.close());
    }
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      alive = false;
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  if (state.kind === "loading") {
    return (
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p role="status" className="mt-4">
          {t("loading")}
        </p>
      </main>
    );
  }
  if (state.kind === "empty") {
    return (
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p role="status" className="mt-4 rounded border-2 border-danger bg-red-50 p-3 font-semibold">
          {online ? t("empty") : `${t("bannerNoData")} ${t("empty")}`}
        </p>
      </main>
    );
  }

  const { diary } = state;
  const child = diary.children.find((c) => c.id === childId) ?? diary.children[0];
  if (!child) return null;
  const when = formatSyncedAt(diary.meta.syncedAt, locale);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-6">
      <p role="status" className={`mb-4 rounded border-2 p-3 font-semibold ${online ? "border-accent bg-blue-50" : "border-danger bg-red-50"}`}>
        {online ? t("bannerOnline", { when }) : t("banner", { when })}
        {online && (
          <>
            {" "}
            <a href="/diary" className="text-accent underline underline-offset-4">
              {t("openLive")}
            </a>
          </>
        )}
      </p>
      <h1 className="text-2xl font-bold break-words">{t("heading", { name: child.name })}</h1>
      {child.className && <p>{t("className", { name: child.className })}</p>}
      {diary.children.length > 1 && (
        <nav aria-label={t("children")} className="mt-4">
          <ul className="flex flex-wrap gap-2">
            {diary.children.map((c) => (
              <li key={c.id}>
                <button type="button" aria-pressed={c.id === child.id} onClick={() => setChildId(c.id)} className={button(c.id === child.id)}>
                  {c.name}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ChildDiary key={child.id} child={child} locale={locale} />
    </main>
  );
}

function ChildDiary({ child, locale }: { child: StoredChild; locale: "ru" | "en" }) {
  const t = useTranslations("offline");
  const intl = locale === "en" ? "en-GB" : "ru-RU";
  const [next, setNext] = useState(false);
  const week = storedWeek(child, next ? "week-next" : "week");
  const homework = storedSection(child, "homework");
  return (
    <>
      <section aria-labelledby="offline-week" className="mt-6">
        <h2 id="offline-week" className="text-xl font-bold">
          {t("week.heading")}
        </h2>
        <div role="group" aria-label={t("week.choice")} className="mt-2 flex flex-wrap gap-2">
          <button type="button" aria-pressed={!next} onClick={() => setNext(false)} className={button(!next)}>
            {t("week.this")}
          </button>
          <button type="button" aria-pressed={next} onClick={() => setNext(true)} className={button(next)}>
            {t("week.next")}
          </button>
        </div>
        {week ? <WeekBlock week={week} intl={intl} /> : <p className="mt-2">{t("week.none")}</p>}
      </section>
      <FreshMarks child={child} intl={intl} />
      <MarksBlock child={child} intl={intl} />
      {homework && <HomeworkBlock list={homework} intl={intl} />}
    </>
  );
}

function WeekBlock({ week, intl }: { week: DiaryWeek; intl: string }) {
  const tw = useTranslations("diary.week");
  return (
    <>
      <p className="mt-2 text-lg">{tw("range", { from: formatDay(week.weekStart, intl), to: formatDay(week.weekEnd, intl) })}</p>
      {week.days.map((d) => (
        <DayBlock key={d.day} d={d} intl={intl} />
      ))}
    </>
  );
}

function DayBlock({ d, intl }: { d: DiaryDay; intl: string }) {
  const tw = useTranslations("diary.week");
  const t = useTranslations("offline");
  const headingId = `offline-day-${d.day}`;
  let holiday: string | null = null;
  if (d.holiday) holiday = d.holiday.kind === "NON_WORKING_DAY" ? tw("nonWorking", { name: d.holiday.name }) : tw("holiday", { name: d.holiday.name });
  return (
    <section aria-labelledby={headingId} className={`mt-4 rounded border-2 p-3 ${d.isToday ? "border-accent" : "border-gray-300"}`}>
      <h3 id={headingId} className="text-lg font-bold">
        {capitalise(formatDay(d.day, intl))}
        {d.isToday && <span className="ml-2 rounded bg-accent px-2 text-base text-white">{tw("today")}</span>}
      </h3>
      {holiday && <p className="mt-2 font-semibold">{holiday}</p>}
      {d.lessons.length === 0 && !holiday && <p className="mt-2">{tw("noLessons")}</p>}
      {d.lessons.length > 0 && (
        <ol className="mt-2 space-y-3">
          {d.lessons.map((l) => (
            <li key={l.id}>
              <LessonBlock l={l} intl={intl} />
            </li>
          ))}
        </ol>
      )}
      {d.homework.length > 0 && (
        <>
          <h4 className="mt-4 font-bold">{tw("homework")}</h4>
          <ul className="mt-1 space-y-2">
            {d.homework.map((h) => (
              <li key={h.id} className="break-words">
                <strong>{h.subjectName}:</strong> <span className="whitespace-pre-line">{h.text}</span>
                {h.individual && <> {tw("individual")}</>}
                {h.files.length > 0 && <span className="block">{t("homework.files", { names: h.files.map((f) => f.name).join(", ") })}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LessonBlock({ l, intl }: { l: DiaryLesson; intl: string }) {
  const tw = useTranslations("diary.week");
  const off = l.status === "CANCELLED" || l.status === "MOVED";
  const title =
    l.startsAt && l.endsAt
      ? tw("lessonTitleTime", { number: l.lessonNumber, from: l.startsAt, to: l.endsAt, subject: l.subjectName })
      : tw("lessonTitle", { number: l.lessonNumber, subject: l.subjectName });
  return (
    <article aria-label={title} className={`rounded border p-2 ${off ? "border-danger bg-red-50" : "border-gray-300"}`}>
      <h4 className="font-bold break-words">{title}</h4>
      {l.status === "CANCELLED" && (
        <p className="font-bold text-danger">
          {tw("cancelled")} {l.statusReason && tw("reason", { reason: l.statusReason })}
        </p>
      )}
      {l.status === "MOVED" && (
        <p className="font-bold text-danger">
          {l.movedTo ? tw("moved", { day: formatDay(l.movedTo.day, intl, false), number: l.movedTo.lessonNumber }) : tw("movedNowhere")}{" "}
          {l.statusReason && tw("reason", { reason: l.statusReason })}
        </p>
      )}
      {l.movedFrom && (
        <p className="font-semibold">{tw("movedFrom", { day: formatDay(l.movedFrom.day, intl, false), number: l.movedFrom.lessonNumber })}</p>
      )}
      <LessonDetails l={l} intl={intl} t={tw} />
    </article>
  );
}

function FreshMarks({ child, intl }: { child: StoredChild; intl: string }) {
  const t = useTranslations("offline");
  const [since] = useState(() => Date.now() - FRESH_DAYS * 86_400_000);
  const fresh = child.marks
    .filter((m) => m.fresh && Date.parse(m.receivedAt) >= since)
    .sort((a, b) => (a.receivedAt === b.receivedAt ? b.date.localeCompare(a.date) : b.receivedAt.localeCompare(a.receivedAt)));
  return (
    <section aria-labelledby="offline-fresh" className="mt-8">
      <h2 id="offline-fresh" className="text-xl font-bold">
        {t("fresh.heading")}
      </h2>
      {fresh.length === 0 ? (
        <p className="mt-2">{t("fresh.none")}</p>
      ) : (
        <ul className="mt-2 space-y-1">
          {fresh.map((m) => (
            <li key={m.id} className="break-words">
              {t("fresh.item", { date: formatDay(m.date, intl, false), subject: m.subjectName, mark: m.symbol, work: m.workType })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MarksBlock({ child, intl }: { child: StoredChild; intl: string }) {
  const t = useTranslations("offline");
  const pages = storedMarksPages(child);
  // the period the diary opens by default (the one under way) first; the order of the school's periods otherwise
  const first = pages[0];
  const order = first ? first.periods.map((p) => p.id) : [];
  pages.sort((a, b) => order.indexOf(a.period.id) - order.indexOf(b.period.id));
  const defaultId = first?.years.find((y) => y.id === first.year.id)?.periodId ?? pages[0]?.period.id;
  const [chosen, setChosen] = useState<string | undefined>(defaultId);
  const page = pages.find((p) => p.period.id === chosen) ?? pages[0];
  return (
    <section aria-labelledby="offline-marks" className="mt-8">
      <h2 id="offline-marks" className="text-xl font-bold">
        {t("marks.heading")}
      </h2>
      {!page ? (
        <p className="mt-2">{t("marks.none")}</p>
      ) : (
        <>
          {pages.length > 1 && (
            <div role="group" aria-label={t("marks.periods")} className="mt-2 flex flex-wrap gap-2">
              {pages.map((p) => (
                <button key={p.period.id} type="button" aria-pressed={p.period.id === page.period.id} onClick={() => setChosen(p.period.id)} className={button(p.period.id === page.period.id)}>
                  {p.period.name}
                </button>
              ))}
            </div>
          )}
          {page.subjects.length === 0 && <p className="mt-2">{t("marks.noSubjects")}</p>}
          {page.subjects.map((s) => (
            <SubjectBlock key={s.subjectId} s={s} period={page.period.name} intl={intl} />
          ))}
        </>
      )}
    </section>
  );
}

function SubjectBlock({ s, period, intl }: { s: DiarySubjectMarks; period: string; intl: string }) {
  const t = useTranslations("offline");
  const id = `offline-subject-${s.subjectId}`;
  return (
    <section aria-labelledby={id} className="mt-4 rounded border-2 border-gray-300 p-3">
      <h3 id={id} className="text-lg font-bold break-words">
        {s.subjectName}
      </h3>
      {s.average && (
        <>
          <p className="mt-1 font-semibold">{t("marks.average", { mean: s.average.text })}</p>
          <p className="[overflow-wrap:anywhere]">{t("marks.formula", { formula: s.average.formula })}</p>
        </>
      )}
      {s.suggestion && <p>{t("marks.suggested", { mark: s.suggestion.symbol, reason: s.suggestion.reasonText })}</p>}
      {s.final && <p className="font-semibold">{t("marks.final", { mark: s.final.symbol })}</p>}
      {s.marks.length === 0 ? (
        <p className="mt-2">{t("marks.noMarks")}</p>
      ) : (
        // a narrow phone scrolls the table inside its own box, not the page
        <div role="region" aria-label={t("marks.caption", { subject: s.subjectName, period })} tabIndex={0} className="mt-2 max-w-full overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t("marks.caption", { subject: s.subjectName, period })}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b-2 border-gray-400 py-1 pr-2">{t("marks.date")}</th>
              <th scope="col" className="border-b-2 border-gray-400 py-1 pr-2">{t("marks.mark")}</th>
              <th scope="col" className="border-b-2 border-gray-400 py-1 pr-2">{t("marks.work")}</th>
              <th scope="col" className="border-b-2 border-gray-400 py-1">{t("marks.weight")}</th>
            </tr>
          </thead>
          <tbody>
            {s.marks.map((m) => (
              <tr key={m.id} className="border-b border-gray-200 align-top">
                <th scope="row" className="py-1 pr-2 font-normal">{formatDay(m.date, intl, false)}</th>
                <td className="py-1 pr-2 text-lg font-bold">{m.symbol}</td>
                <td className="py-1 pr-2 break-words">{m.workType}</td>
                <td className="py-1">{m.counts ? m.weight : t("marks.notCounted")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}

function HomeworkBlock({ list, intl }: { list: DiaryHomeworkList; intl: string }) {
  const t = useTranslations("offline");
  return (
    <section aria-labelledby="offline-homework" className="mt-8">
      <h2 id="offline-homework" className="text-xl font-bold">
        {t("homework.heading")}
      </h2>
      {list.subjects.length === 0 && <p className="mt-2">{t("homework.none")}</p>}
      {list.subjects.map((s) => (
        <div key={s.subjectName} className="mt-3">
          <h3 className="text-lg font-bold break-words">{s.subjectName}</h3>
          <ul className="mt-1 space-y-2">
            {s.items.map((h) => (
              <li key={h.id} className="break-words">
                <strong>{t("homework.due", { day: formatDay(h.dueDate, intl) })}:</strong> <span className="whitespace-pre-line">{h.text}</span>
                {h.individual && <> {t("homework.individual")}</>}
                {h.files.length > 0 && <span className="block">{t("homework.files", { names: h.files.map((f) => f.fileName).join(", ") })}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
