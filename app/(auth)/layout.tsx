import { getTranslations } from "next-intl/server";

import { ClientIntl } from "@/components/i18n/client-intl";
import { LocaleSwitch } from "@/components/ui/locale-switch";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <ClientIntl>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b-2 border-accent bg-accent px-4 py-3 text-white">
        <p className="text-xl font-bold">
          {t("name")} <span className="font-normal">— {t("tagline")}</span>
        </p>
        <LocaleSwitch />
      </header>
      <main id="main" className="mx-auto max-w-2xl px-4 py-8">
        {children}
      </main>
    </ClientIntl>
  );
}
