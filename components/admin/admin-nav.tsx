"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The set-up menu; the current section is marked for screen readers too. */
export function AdminNav({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  const path = usePathname();
  const current = (href: string) => (href === "/admin" ? path === "/admin" : path === href || path.startsWith(`${href}/`));
  return (
    <nav aria-label={label} className="lg:w-60 lg:shrink-0">
      <ul className="flex flex-wrap gap-2 lg:flex-col">
        {items.map((i) => (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={current(i.href) ? "page" : undefined}
              className={`block rounded px-3 py-1.5 ${current(i.href) ? "bg-accent font-semibold text-white" : "text-accent underline underline-offset-4"}`}
            >
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
