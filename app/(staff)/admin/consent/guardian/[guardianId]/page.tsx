import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { PaperDecisionForm } from "@/components/consent/paper-decision-form";
import { LinkButton } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { guardianConsentHistory, type ChildConsent, type ConsentEventView } from "@/lib/consent/events";
import { formatDateTime, formatDayRu } from "@/lib/time";

import { recordPaperDecisionAction } from "../../actions";

export async function generateMetadata() {
  const t = await getTranslations("consent.admin");
  return { title: t("title") };
}

const link = "text-accent underline underline-offset-4";

export default async function GuardianConsentPage({ params }: { params: Promise<{ guardianId: string }> }) {
  const { guardianId } = await params;
  const p = await requirePageRole(["ADMIN"], `/admin/consent/guardian/${guardianId}`);
  const t = await getTranslations("consent");
  const h = await guardianConsentHistory(p, guardianId);
  const h2 = "mt-10 mb-3 text-xl font-bold";
  return (
    <>
      <PageTitle title={t("guardian.title", { name: h.guardian.name })} lead={t("guardian.lead")}>
        <LinkButton href="/admin/consent">{t("guardian.back")}</LinkButton>
      </PageTitle>
      {h.guardian.address && <p className="mb-4">{t("guardian.address", { address: h.guardian.address })}</p>}

      <DataTable<ChildConsent>
        caption={t("guardian.childrenCaption")}
        rows={h.children}
        rowKey={(r) => r.studentId}
        empty={t("guardian.noChildren")}
        columns={[
          { key: "name", header: t("admin.child"), rowHeader: true, cell: (r) => r.name },
          { key: "state", header: t("admin.stateCol"), cell: (r) => (r.since ? `${t(`state.${r.state}`)}, ${t("guardian.since", { date: formatDateTime(r.since, p.timeZone) })}` : t(`state.${r.state}`)) },
          { key: "form", header: t("guardian.printForm"), cell: (r) => <a href={`/api/admin/consent-form?guardian=${h.guardian.id}&student=${r.studentId}`} className={link}>{t("guardian.printForm")}<span className="sr-only">: {r.name}</span></a> },
        ]}
      />

      <DataTable<ConsentEventView>
        caption={t("guardian.historyCaption")}
        rows={h.events}
        rowKey={(r) => r.id}
        empty={t("guardian.noHistory")}
        columns={[
          { key: "at", header: t("guardian.at"), rowHeader: true, cell: (r) => formatDateTime(r.at, p.timeZone) },
          { key: "child", header: t("admin.child"), cell: (r) => r.studentName },
          { key: "decision", header: t("admin.stateCol"), cell: (r) => t(`decision.${r.decision}`) },
          { key: "form", header: t("admin.formCol"), cell: (r) => t(`form.${r.form}`) },
          { key: "doc", header: t("admin.documentCol"), cell: (r) => (r.documentNumber && r.documentDate ? t("admin.document", { number: r.documentNumber, date: formatDayRu(r.documentDate) }) : "—") },
          { key: "version", header: t("admin.versionCol"), cell: (r) => t("admin.version", { n: r.textVersion }) },
          { key: "by", header: t("guardian.recordedBy"), cell: (r) => r.recordedBy ?? "—" },
          { key: "net", header: t("guardian.network"), className: "max-w-xs break-words", cell: (r) => (r.form === "ELECTRONIC" ? [r.ip, r.userAgent].filter(Boolean).join(" · ") || "—" : "—") },
          { key: "scan", header: t("guardian.scan"), cell: (r) => (r.scanFileName ? <Link href={`/api/consent-scans/${r.id}`} prefetch={false} className={link}>{t("guardian.scanLink")}<span className="sr-only">: {r.scanFileName}</span></Link> : "—") },
        ]}
      />

      {h.children.length > 0 && (
        <>
          <h2 className={h2}>{t("guardian.recordTitle")}</h2>
          <p className="mb-3 max-w-2xl">{t("guardian.recordLead")}</p>
          <PaperDecisionForm
            action={recordPaperDecisionAction}
            guardianId={h.guardian.id}
            children={h.children.map((c) => ({ value: c.studentId, label: c.name }))}
            decisions={(["GRANTED", "REFUSED", "WITHDRAWN"] as const).map((d) => ({ value: d, label: t(`decision.${d}`) }))}
            texts={{
              label: t("guardian.recordTitle"), child: t("guardian.childField"), decision: t("guardian.decisionField"),
              documentNumber: t("guardian.documentNumber"), documentDate: t("guardian.documentDate"), dateHint: t("dateHint"),
              scan: t("guardian.scanField"), scanHint: t("guardian.scanHint"), submit: t("guardian.submit"), pending: t("saving"),
              errorTitle: t("errorTitle"), choose: t("choose"),
            }}
          />
        </>
      )}
    </>
  );
}
