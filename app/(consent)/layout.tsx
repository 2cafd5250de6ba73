import { getTranslations } from "next-intl/server";

import { AppHeader } from "@/components/ui/app-header";
import { ClientIntl } from "@/components/i18n/client-intl";
import { requirePageRole } from "@/lib/auth/page-guard";
import { signOutAction } from "../(auth)/actions";

/** The guardian's consent page: a minimal frame, since the diary may not be shown yet. */
export default async function ConsentLayout({ children }: { children: React.ReactNode }) {
  const p = await requirePageRole(["GUARDIAN"], "/consent");
  const t = await getTranslations("consent.family");
  return (
    <>
      <AppHeader principal={p} signOut={signOutAction} nav={[{ href: "/consent", label: t("title") }]} />
      <main id="main" className="mx-auto max-w-4xl px-4 py-6">
        <ClientIntl>{children}</ClientIntl>
      </main>
    </>
  );
}
