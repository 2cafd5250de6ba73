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

import { DIARY_SECTIONS, GUARDIAN_SECTIONS, activeSection } from "@/components/diary/nav/sections";

/**
 * The menu's words, translated on the server (diary-nav.tsx): the diary's pages load no
 * translation runtime. `sections`: each section's name by key; `current`: «Раздел: …» by key.
 */
export type DiaryNavTexts = { label: string; menu: string; sections: Record<string, string>; current: Record<string, string> };

export function DiaryNavMenu({ guardian, texts }: { guardian: boolean; texts: DiaryNavTexts }) {
  const t = (key: string) => texts.sections[key] ?? key;
  const sections = guardian ? [...DIARY_SECTIONS, ...GUARDIAN_SECTIONS] : DIARY_SECTIONS;
  const pathname = usePathname();
  const child = useSearchParams().get("child");
  const [open, setOpen] = useState(false);
  const listId = useId();
  const active = activeSection(pathname);
  const current = active ? (texts.current[active] ?? null) : null;
  const suffix = child ? `?child=${encodeURIComponent(child)}` : "";
  return (
    <nav aria-label={texts.label} className="border-b-2 border-accent bg-blue-50">
      <div className="mx-auto max-w-5xl px-4 py-2">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
          className="flex w-full items-center justify-between gap-2 rounded border-2 border-accent bg-white px-3 py-2 text-left font-semibold text-accent sm:hidden"
        >
          <span>
            {texts.menu}
            {current && <span className="block font-normal">{current}</span>}
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
