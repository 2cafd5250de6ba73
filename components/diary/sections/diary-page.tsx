/**
 * The frame of a diary section: the page's one h1, whose diary it is, the child
 * switcher (for a guardian with several children) and the section's content.
 */
import { useTranslations } from "next-intl";

import { ChildSwitcher } from "@/components/diary/child-switcher";
import type { ChildSummary } from "@/lib/people/students";

type Props = {
  title: string;
  list: ChildSummary[];
  current: ChildSummary | null;
  basePath: string;
  params?: Record<string, string>;
  children?: React.ReactNode;
};

export function DiaryPage({ title, list, current, basePath, params, children }: Props) {
  const t = useTranslations("diarySections.page");
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      {current ? (
        <>
          <p className="mt-1">{current.className ? t("whoseClass", { name: current.name, className: current.className }) : t("whose", { name: current.name })}</p>
          <ChildSwitcher list={list} currentId={current.id} basePath={basePath} {...(params ? { params } : {})} />
          <div className="mt-6">{children}</div>
        </>
      ) : (
        <p className="mt-4">{t("noChildren")}</p>
      )}
    </main>
  );
}
