/** One homework in the diary: due date, text, for whom, the lesson it was set at, files. */
import { useTranslations } from "next-intl";

import type { DiaryHomework } from "@/lib/diary/homework";
import { dayText } from "@/components/diary/sections/format";

export function HomeworkItem({ item, today, locale }: { item: DiaryHomework; today: string; locale: string }) {
  const t = useTranslations("diarySections.homework");
  const due = item.dueDate === today ? `${dayText(item.dueDate, locale, true)} (${t("dueToday")})` : dayText(item.dueDate, locale, true);
  return (
    <li className="rounded border-2 border-muted p-3">
      <p className="font-semibold">{t("due", { date: due })}</p>
      {item.individual && <p className="font-semibold text-accent">{t("individual")}</p>}
      <p className="mt-1 whitespace-pre-line break-words">{item.text}</p>
      {item.files.length > 0 && (
        <div className="mt-2">
          <p className="font-semibold">{t("files")}</p>
          <ul className="list-disc pl-6">
            {item.files.map((f) => (
              <li key={f.id}>
                <a href={f.href} className="break-all text-accent underline underline-offset-4">
                  {f.fileName}
                </a>{" "}
                <span className="text-muted">({t("fileSize", { size: Math.max(1, Math.round(f.size / 1024)) })})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="mt-1 text-muted">
        {item.lesson && (
          <>
            {t("given", { date: dayText(item.lesson.date, locale) })}
            {item.lesson.topic && <>, {t("topic", { topic: item.lesson.topic })}</>}.{" "}
          </>
        )}
        {t("teacher", { name: item.teacher })}
      </p>
    </li>
  );
}
