import Link from "next/link";
import { getTranslations } from "next-intl/server";

import type { Principal } from "@/lib/auth/principal";
import { LocaleSwitch } from "@/components/ui/locale-switch";

type Props = { principal: Principal; signOut: () => Promise<void>; nav: { href: string; label: string }[] };

export async function AppHeader({ principal, signOut, nav }: Props) {
  const t = await getTranslations("app");
  const roles = principal.roles.map((r) => t(`roles.${r}`)).join(", ");
  return (
    <header className="bg-accent text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <p className="text-xl font-bold">{t("name")}</p>
        <nav aria-label={t("tagline")}>
          <ul className="flex flex-wrap gap-4">
            {nav.map((n) => (
              <li key={n.href}>
                <Link href={n.href} className="underline underline-offset-4">
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <p>
            {t("signedInAs", { name: principal.displayName })} <span className="opacity-90">({roles})</span>
          </p>
          <LocaleSwitch />
          <form action={signOut}>
            <button type="submit" className="rounded border-2 border-white px-3 py-1 font-semibold hover:bg-white hover:text-accent">
              {t("signOut")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
