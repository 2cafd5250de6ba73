/**
 * What a lesson of the week shows below its status: who teaches it (a substitute with the
 * reason), room, group, topic, this child's marks and attendance. One markup for the live
 * week (a server component, translating on the server) and the offline diary (a client
 * component, translating in the browser): each passes its own "diary.week" translator.
 */
import type { DiaryLesson } from "@/lib/diary/week";
import { shortNameGenitive } from "@/components/diary/week/names";

/** A "diary.week" translator: next-intl's, from the server or from the browser. */
export type WeekT = (key: string, values?: Record<string, string | number>) => string;

export function LessonDetails({ l, intl, t }: { l: DiaryLesson; intl: string; t: WeekT }) {
  const original = intl === "ru-RU" && l.substitution ? shortNameGenitive(l.substitution.originalTeacher) : l.substitution?.originalTeacher;
  return (
    <>
      {l.substitution && original ? (
        <p>
          <strong>{t("substitution", { teacher: l.substitution.teacher, original })}</strong>
          <br />
          {t("substitutionReason", { reason: l.substitution.reason })}
        </p>
      ) : (
        <p>{t("teacher", { name: l.teacher })}</p>
      )}
      {l.room && <p>{t("room", { room: l.room })}</p>}
      {l.cohort && <p>{t(`cohort.${l.cohort.kind}`, { name: l.cohort.name })}</p>}
      {l.topic && <p className="break-words">{t("topic", { topic: l.topic })}</p>}
      {l.marks.length > 0 && (
        <div>
          <span>{t("marks")}</span>
          <ul className="inline">
            {l.marks.map((m, i) => (
              <li key={i} className="ml-1 inline">
                <strong className="text-lg">{m.symbol}</strong> ({m.workType}){i < l.marks.length - 1 ? ";" : ""}
                {m.comment && <span className="block">{t("comment", { comment: m.comment })}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {l.attendance && (
        <p className="font-semibold">
          {l.attendance.code === "LATE" && l.attendance.minutesLate
            ? t("attendance.LATE_MINUTES", { minutes: l.attendance.minutesLate })
            : t(`attendance.${l.attendance.code}`)}
        </p>
      )}
    </>
  );
}
