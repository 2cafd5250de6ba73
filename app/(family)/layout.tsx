import { Suspense } from "react";
import { getTranslations } from "next-intl/server";

import { AppHeader } from "@/components/ui/app-header";
import { DiaryNav } from "@/components/diary/nav/diary-nav";
import { requirePageRole } from "@/lib/auth/page-guard";
import { signOutAction } from "../(auth)/actions";

export default async function FamilyLayout({ children }: { children: React.ReactNode }) {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary");
  const t = await getTranslations("diary");
  return (
    <>
      <AppHeader principal={p} signOut={signOutAction} nav={[{ href: "/diary", label: t("title") }]} />
      <Suspense fallback={null}>
        <DiaryNav />
      </Suspense>
      {children}
    </>
  );
}
