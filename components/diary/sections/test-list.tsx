/** The test schedule as a list of cards: on a phone three columns do not fit. */
import { useTranslations } from "next-intl";

import type { DiaryTest } from "@/lib/diary/tests";
import { dayText } from "@/components/diary/sections/format";

type Props = { events: DiaryTest[]; today: string; label: string; empty: string; locale: string };

/** «Контрольная работа: дроби»; the kind alone when the title only repeats it. */
function workText(e: DiaryTest): string {
  const title = e.title.trim();
  if (!title || title.toLowerCase().startsWith(e.workType.toLowerCase())) return title || e.workType;
  return `${e.workType}: ${title}`;
}

export function TestList({ events, today, label, empty, locale }: Props) {
  const t = useTranslations("diarySections.tests");
  if (events.length === 0) return <p className="mt-2">{empty}</p>;
  return (
    <ul aria-label={label} className="mt-2 space-y-2">
      {events.map((e) => (
        <li key={e.id} className="rounded border-2 border-muted p-3 break-words">
          <p className="font-semibold">
            {dayText(e.date, locale, true)}
            {e.date === today && <> ({t("today")})</>}
          </p>
          <p>
            <strong>{e.subjectName}</strong>: {workText(e)}
          </p>
          {e.cohortKind !== "CLASS" && <p className="text-muted">{t("forCohort", { name: e.cohortName })}</p>}
        </li>
      ))}
    </ul>
  );
}
