/**
 * The child switcher of the family's diary: one link per child, the current one marked
 * with aria-current. Links keep the page's other parameters (week, period), so a parent
 * compares two children on the same screen. Shown only when there is a choice.
 */
import Link from "next/link";
import { useTranslations } from "next-intl";

import type { ChildSummary } from "@/lib/people/students";

type Props = { list: ChildSummary[]; currentId: string; basePath: string; params?: Record<string, string> };

export function childHref(basePath: string, childId: string, params?: Record<string, string>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) if (key !== "child" && value !== "") query.set(key, value);
  query.set("child", childId);
  return `${basePath}?${query.toString()}`;
}

export function ChildSwitcher({ list, currentId, basePath, params }: Props) {
  if (list.length < 2) return null;
  const t = useTranslations("diarySections.switcher");
  return (
    <nav aria-label={t("label")} className="mt-4">
      <ul className="flex flex-wrap gap-2">
        {list.map((c) => {
          const current = c.id === currentId;
          return (
            <li key={c.id}>
              <Link
                href={childHref(basePath, c.id, params)}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded border-2 border-accent px-3 py-2 ${current ? "bg-accent text-white" : "text-accent"}`}
              >
                {c.name}
                {c.className && <span>, {t("className", { name: c.className })}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
