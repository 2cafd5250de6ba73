/**
 * The offline diary's own frame: no session, no database, nothing from the server but
 * the static page itself, so that the service worker can keep it and open it without a
 * network (the family's layout checks the session and the consent on the server).
 */
import { getTranslations } from "next-intl/server";

import { ClientIntl } from "@/components/i18n/client-intl";

export const dynamic = "force-static";

export default async function OfflineLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <>
      <header className="border-b-2 border-accent bg-accent px-4 py-3 text-white">
        <p className="text-xl font-bold">
          {t("name")} <span className="font-normal">— {t("tagline")}</span>
        </p>
      </header>
      <ClientIntl>{children}</ClientIntl>
    </>
  );
}
