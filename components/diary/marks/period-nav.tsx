/** The school years and periods of the marks pages, as links that keep the child. */
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import type { DiaryMarksPage } from "@/lib/diary/marks";

type Props = {
  page: Pick<DiaryMarksPage, "years" | "year" | "periods" | "period">;
  /** builds the address of the same page for another period */
  hrefFor: (periodId: string) => string;
};

const linkClass = (current: boolean) =>
  `inline-block rounded border-2 px-3 py-1 ${current ? "border-accent bg-accent text-white" : "border-accent text-accent"}`;

export async function PeriodNav({ page, hrefFor }: Props) {
  const t = await getTranslations("diary.marks");
  return (
    <>
      {page.years.length > 1 && (
        <nav aria-label={t("years")} className="mt-4">
          <ul className="flex flex-wrap gap-2">
            {page.years.map((y) => (
              <li key={y.id}>
                <Link href={hrefFor(y.periodId)} aria-current={y.id === page.year.id ? "page" : undefined} className={linkClass(y.id === page.year.id)}>
                  {y.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <nav aria-label={t("periods")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {page.periods.map((x) => (
            <li key={x.id}>
              <Link href={hrefFor(x.id)} aria-current={x.id === page.period.id ? "page" : undefined} className={linkClass(x.id === page.period.id)}>
                {x.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
