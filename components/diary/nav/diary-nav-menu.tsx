"use client";

/**
 * The diary's sections. On a phone the list folds under one button (a disclosure: the
 * button says whether it is open and which section is shown); from 640 px it is a
 * wrapped row of links. The current section carries aria-current, and every link keeps
 * the chosen child (?child=), so switching sections never switches the child.
 *
 * A guardian also has «Контакты» and «Уведомления» (their own settings, about no child in
 * particular); a student has neither. The server wrapper (diary-nav.tsx) says which.
 */
import { useId, useState } from "react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";

export const DIARY_SECTIONS = [
  { key: "week", href: "/diary" },
  { key: "marks", href: "/diary/marks" },
  { key: "homework", href: "/diary/homework" },
  { key: "tests", href: "/diary/tests" },
  { key: "results", href: "/diary/results" },
  { key: "class", href: "/diary/class" },
  { key: "holidays", href: "/diary/holidays" },
  { key: "recommendations", href: "/diary/recommendations" },
  { key: "settings", href: "/diary/settings" },
] as const;

/** The guardian's own sections (texts in the notify namespace). */
export const GUARDIAN_SECTIONS = [
  { key: "contacts", href: "/diary/contacts" },
  { key: "notifications", href: "/diary/notifications" },
] as const;

export function activeSection(pathname: string): string | null {
  const match = [...DIARY_SECTIONS, ...GUARDIAN_SECTIONS].filter((s) => pathname === s.href || pathname.startsWith(`${s.href}/`));
  // the longest match: /diary/marks is "marks", not "week"
  return match.sort((a, b) => b.href.length - a.href.length)[0]?.key ?? null;
}

export function DiaryNavMenu({ guardian }: { guardian: boolean }) {
  const nav = useTranslations("diarySections.nav");
  const own = useTranslations("notify.nav");
  const t = (key: string) => (GUARDIAN_SECTIONS.some((s) => s.key === key) ? own(key) : nav(key));
  const sections = guardian ? [...DIARY_SECTIONS, ...GUARDIAN_SECTIONS] : DIARY_SECTIONS;
  const pathname = usePathname();
  const child = useSearchParams().get("child");
  const [open, setOpen] = useState(false);
  const listId = useId();
  const active = activeSection(pathname);
  const activeLabel = active ? t(active) : null;
  const suffix = child ? `?child=${encodeURIComponent(child)}` : "";
  return (
    <nav aria-label={nav("label")} className="border-b-2 border-accent bg-blue-50">
      <div className="mx-auto max-w-5xl px-4 py-2">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
          className="flex w-full items-center justify-between gap-2 rounded border-2 border-accent bg-white px-3 py-2 text-left font-semibold text-accent sm:hidden"
        >
          <span>
            {nav("menu")}
            {activeLabel && <span className="block font-normal">{nav("current", { name: activeLabel })}</span>}
          </span>
          <span aria-hidden="true">{open ? "▲" : "▼"}</span>
        </button>
        <ul id={listId} className={`${open ? "flex" : "hidden"} mt-2 flex-col gap-1 sm:mt-0 sm:flex sm:flex-row sm:flex-wrap sm:gap-2`}>
          {sections.map((s) => {
            const current = s.key === active;
            return (
              <li key={s.key}>
                <Link
                  href={`${s.href}${suffix}`}
                  aria-current={current ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className={`block rounded px-3 py-2 underline-offset-4 ${current ? "bg-accent font-semibold text-white" : "text-accent underline"}`}
                >
                  {t(s.key)}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
