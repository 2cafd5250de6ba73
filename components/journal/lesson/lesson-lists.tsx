import { getTranslations } from "next-intl/server";

import type { LessonHomework, LessonRecommendation } from "@/lib/journal/lesson";
import type { MaterialPart } from "@/lib/journal/lesson-schemas";
import type { ActionResult } from "@/lib/action";
import { formatFileSize } from "@/lib/journal/file-check";
import { formatDayRu } from "@/lib/time";
import { RemoveHomeworkButton } from "@/components/journal/lesson/remove-homework-button";

type Action = (prev: ActionResult<null>, form: FormData) => Promise<ActionResult<null>>;

const cell = "border-b border-gray-300 px-3 py-2 text-left align-top";

export async function HomeworkTable({ items, remove }: { items: LessonHomework[]; remove: Action }) {
  const t = await getTranslations("lesson");
  if (items.length === 0) return <p className="mb-4">{t("noHomework")}</p>;
  const removable = items.some((h) => h.removable);
  const withFiles = items.some((h) => h.files.length > 0);
  return (
    // a narrow screen scrolls the table, not the page
    <div className="relative mb-6 max-w-full overflow-x-auto" role="region" aria-label={t("homeworkCaption")} tabIndex={0}>
      <table className="min-w-full border-collapse">
        <caption className="mb-2 text-left font-semibold">{t("homeworkCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={cell}>{t("colText")}</th>
            <th scope="col" className={cell}>{t("colDue")}</th>
            <th scope="col" className={cell}>{t("colFor")}</th>
            {withFiles && <th scope="col" className={cell}>{t("colFiles")}</th>}
            <th scope="col" className={cell}>{t("colAuthor")}</th>
            {removable && <th scope="col" className={cell}>{t("colActions")}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((h) => (
            <tr key={h.id}>
              <th scope="row" className={`${cell} whitespace-pre-line font-normal`}>{h.text}</th>
              <td className={cell}>{formatDayRu(h.dueDate)}</td>
              <td className={cell}>{h.studentName ?? t("wholeClass")}</td>
              {withFiles && (
                <td className={cell}>
                  {h.files.length > 0 && (
                    <ul className="space-y-1">
                      {h.files.map((f) => (
                        <li key={f.id}>
                          <a href={`/api/homework-files/${f.id}`} className="break-all text-accent underline underline-offset-4">
                            {t("fileLink", { name: f.fileName, size: formatFileSize(f.size) })}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              )}
              <td className={cell}>{h.author}</td>
              {removable && <td className={cell}>{h.removable && <RemoveHomeworkButton action={remove} homeworkId={h.id} text={h.text} />}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function RecommendationTable({ items }: { items: LessonRecommendation[] }) {
  const t = await getTranslations("lesson");
  if (items.length === 0) return <p className="mb-4">{t("noRecommendations")}</p>;
  return (
    // keyboard users scroll a wide table from its own focus stop (WCAG 2.1.1)
    <div className="relative mb-6 max-w-full overflow-x-auto" role="region" aria-label={t("recommendationsCaption")} tabIndex={0}>
      <table className="min-w-full border-collapse">
        <caption className="mb-2 text-left font-semibold">{t("recommendationsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={cell}>{t("colDate")}</th>
            <th scope="col" className={cell}>{t("colStudent")}</th>
            <th scope="col" className={cell}>{t("colSubject")}</th>
            <th scope="col" className={cell}>{t("colRecommendation")}</th>
            <th scope="col" className={cell}>{t("colAuthor")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td className={cell}>{formatDayRu(r.date)}</td>
              <th scope="row" className={`${cell} font-normal`}>{r.studentName}</th>
              <td className={cell}>{r.subjectName ?? t("anySubject")}</td>
              <td className={`${cell} whitespace-pre-line`}>{r.text}</td>
              <td className={cell}>{r.author}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The lesson's materials, a line each; web addresses are links, the rest is text. */
export async function MaterialsList({ lines }: { lines: MaterialPart[][] }) {
  const t = await getTranslations("lesson");
  if (lines.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="mb-2 text-lg font-bold">{t("materials")}</h3>
      <ul className="max-w-3xl list-disc space-y-1 pl-6">
        {lines.map((parts, i) => (
          <li key={i} className="break-words">
            {parts.map((part, j) =>
              part.href ? (
                <a key={j} href={part.href} rel="noopener noreferrer nofollow" className="break-all text-accent underline underline-offset-4">
                  {part.text}
                </a>
              ) : (
                <span key={j}>{part.text}</span>
              ),
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
