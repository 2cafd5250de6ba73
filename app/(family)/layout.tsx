import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { AppHeader } from "@/components/ui/app-header";
import { DiaryNav } from "@/components/diary/nav/diary-nav";
import { DiarySync } from "@/components/offline/diary-sync";
import { OfflineBanner } from "@/components/pwa/offline-banner";
import { ServiceWorkerRegister } from "@/components/pwa/sw-register";
import { requirePageRole } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { needsConsentPage } from "@/lib/consent/family";
import { signOutAction } from "../(auth)/actions";

export default async function FamilyLayout({ children }: { children: React.ReactNode }) {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary");
  // R1: a guardian who has not decided for every child, or has consented for none, sees
  // only the consent page (nothing about a child without a current consent is shown)
  if (hasRole(p, "GUARDIAN") && (p.consentedChildIds.length === 0 || (await needsConsentPage(p)))) redirect("/consent");
  const t = await getTranslations("diary");
  const tu = await getTranslations("pwa.update");
  const tb = await getTranslations("pwa.banner");
  return (
    <>
      <AppHeader principal={p} signOut={signOutAction} nav={[{ href: "/diary", label: t("title") }]} />
      {/* the installable diary (issue 7): the service worker, «a new version», no connection */}
      <ServiceWorkerRegister enabled={env.NODE_ENV === "production"} userId={p.userId} texts={{ ready: tu("ready"), reload: tu("reload") }} />
      <OfflineBanner text={tb("offline")} />
      <DiarySync userId={p.userId} />
      {/* not in a Suspense boundary of its own: a boundary that streams in after the page
          hydrates would hydrate under the next page's address when a link is followed at
          once, and the menu's «Раздел: …» would not match (React error #418) */}
      <DiaryNav />
      {children}
    </>
  );
}
