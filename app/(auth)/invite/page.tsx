import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { InviteForm } from "@/components/auth/invite-form";
import { getPrincipal } from "@/lib/auth/session";
import { invitationAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("invite");
  return { title: t("title") };
}

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  if (await getPrincipal()) redirect("/");
  const { code } = await searchParams;
  const t = await getTranslations("invite");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("intro")}</p>
      <InviteForm action={invitationAction} code={code} />
      <p className="mt-8">
        <Link href="/login" className="text-accent underline underline-offset-4">
          {t("back")}
        </Link>
      </p>
    </>
  );
}
