/**
 * The invitation slips of one class as a PDF download. POST, because it issues new codes
 * (older unused ones stop working): a link, a prefetch or a crawler must not do that.
 * The domain function checks that the user is an administrator of the class's school;
 * the Origin check refuses a form on another site that would make a signed-in
 * administrator's browser issue them (the session cookie is SameSite=Lax already: two
 * locks).
 */
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";

import { getPrincipal } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isSameOrigin } from "@/lib/push/origin";
import { AppError, GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { buildClassInvitationSlipsPdf, type SlipTexts } from "@/lib/reports/invitation-slips";

export const dynamic = "force-dynamic";

async function slipTexts(): Promise<SlipTexts> {
  // the slips go to families, so they are printed in Russian whatever the admin's language
  const t = await getTranslations({ locale: "ru", namespace: "cohorts.slips.pdf" });
  return {
    title: t("title"), guardian: t("guardian"), child: t("child"), children: t("children"), className: t("className"), code: t("code"),
    validUntil: (date) => t("validUntil", { date }), address: t("address"), steps: [t("step1"), t("step2"), t("step3")],
    documentTitle: (className) => t("documentTitle", { className }),
  };
}

export async function POST(request: Request, { params }: { params: Promise<{ cohortId: string }> }) {
  const { cohortId } = await params;
  if (!isSameOrigin(request.headers, env.APP_URL)) return NextResponse.json({ message: new AppError("FORBIDDEN", "Запрос пришёл не со страницы журнала.").message }, { status: 403 });
  const p = await getPrincipal();
  if (!p) return NextResponse.json({ message: new AppError("UNAUTHENTICATED").message }, { status: 401 });
  try {
    const result = await buildClassInvitationSlipsPdf(p, cohortId, await slipTexts());
    if (result.slips === 0) return NextResponse.redirect(new URL(`/admin/cohorts/${cohortId}?slips=none`, request.url), 303);
    const name = `priglasheniya-${cohortId.slice(0, 8)}.pdf`;
    return new Response(new Uint8Array(result.pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`Приглашения ${result.className}.pdf`)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ message: error.message }, { status: error.status });
    console.error("Листки с кодами приглашения:", error);
    return NextResponse.json({ message: GENERIC_ERROR_MESSAGE }, { status: 500 });
  }
}
