import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { LoginForm } from "@/components/auth/login-form";
import { WipeOfflineDiary } from "@/components/offline/wipe-offline-diary";
import { getPrincipal } from "@/lib/auth/session";
import { loginAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; signedOut?: string }> }) {
  if (await getPrincipal()) redirect("/");
  const { next, signedOut } = await searchParams;
  const t = await getTranslations("login");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      {signedOut && (
        <p role="status" className="mb-4 rounded border-2 border-ok bg-green-50 p-3">
          {t("signedOut")}
        </p>
      )}
      {/* signing out wipes the family's diary stored on this device (issue 7) */}
      {signedOut && <WipeOfflineDiary />}
      <p className="mb-6">{t("intro")}</p>
      <LoginForm action={loginAction} next={next} />
      <p className="mt-8">
        <Link href="/invite" className="text-accent underline underline-offset-4">
          {t("firstTime")}
        </Link>
      </p>
    </>
  );
}
