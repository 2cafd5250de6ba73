import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ConsentTextBody } from "@/components/consent/consent-text";
import { PublishTextForm } from "@/components/consent/publish-text-form";
import { LinkButton } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { listConsentTexts, type ConsentTextView } from "@/lib/consent/texts";
import { formatDateTime } from "@/lib/time";

import { publishConsentTextAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("consent.texts");
  return { title: t("title") };
}

export default async function ConsentTextsPage({ searchParams }: { searchParams: Promise<{ version?: string }> }) {
  const p = await requirePageRole(["ADMIN"], "/admin/consent/texts");
  const t = await getTranslations("consent");
  const versions = await listConsentTexts(p);
  const now = Date.now();
  const current = versions.find((v) => v.validFrom.getTime() <= now) ?? versions[0];
  const { version } = await searchParams;
  const shown = versions.find((v) => String(v.version) === version) ?? current;
  const h2 = "mt-10 mb-3 text-xl font-bold";
  return (
    <>
      <PageTitle title={t("texts.title")} lead={t("texts.lead")}>
        <LinkButton href="/admin/consent">{t("guardian.back")}</LinkButton>
      </PageTitle>
      <DataTable<ConsentTextView>
        caption={t("texts.caption")}
        rows={versions}
        rowKey={(r) => r.id}
        columns={[
          { key: "v", header: t("texts.versionCol"), rowHeader: true, cell: (r) => <Link href={`/admin/consent/texts?version=${r.version}`} aria-current={r.id === shown?.id ? "true" : undefined} className="text-accent underline underline-offset-4">{t("texts.open", { n: r.version })}</Link> },
          { key: "title", header: t("texts.titleCol"), cell: (r) => `${r.title}${r.id === current?.id ? ` ${t("texts.current")}` : ""}` },
          { key: "from", header: t("texts.validFrom"), cell: (r) => formatDateTime(r.validFrom, p.timeZone) },
          { key: "by", header: t("texts.author"), cell: (r) => r.createdBy ?? t("texts.seed") },
          { key: "n", header: t("texts.decisions"), cell: (r) => r.decisions },
        ]}
      />
      {shown && (
        <section aria-labelledby="shown-version">
          <h2 id="shown-version" className={h2}>{t("texts.viewTitle", { n: shown.version })}: {shown.title}</h2>
          <h3 className="mb-1 text-lg font-bold">{t("texts.purpose")}</h3>
          <p className="mb-4 max-w-3xl">{shown.purpose}</p>
          <ConsentTextBody body={shown.body} />
          <p className="mt-3 break-all text-[0.95rem] text-muted">{t("texts.hash", { hash: shown.bodySha256 })}</p>
        </section>
      )}
      {current && (
        <>
          <h2 className={h2}>{t("texts.publishTitle")}</h2>
          <p className="mb-3 max-w-2xl">{t("texts.publishLead")}</p>
          <PublishTextForm
            action={publishConsentTextAction}
            current={{ title: current.title, purpose: current.purpose, body: current.body }}
            texts={{
              label: t("texts.publishTitle"), title: t("texts.titleField"), purpose: t("texts.purposeField"), body: t("texts.bodyField"),
              bodyHint: t("texts.bodyHint"), submit: t("texts.publish"), pending: t("saving"), errorTitle: t("errorTitle"),
            }}
          />
        </>
      )}
    </>
  );
}
