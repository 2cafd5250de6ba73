import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ConsentTextBody } from "@/components/consent/consent-text";
import { ChildConsent } from "@/components/consent/child-consent";
import { DataTable } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import type { ConsentEventView } from "@/lib/consent/events";
import { myConsent } from "@/lib/consent/family";
import { currentConsentText } from "@/lib/consent/texts";
import { formatDateTime, formatDayRu } from "@/lib/time";

import { familyChoiceAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("consent.family");
  return { title: t("title") };
}

export default async function ConsentPage() {
  const p = await requirePageRole(["GUARDIAN"], "/consent");
  const t = await getTranslations("consent");
  const [text, mine] = await Promise.all([currentConsentText(p.schoolId), myConsent(p)]);
  const h2 = "mt-10 mb-3 text-2xl font-bold";
  const anyGranted = mine.children.some((c) => c.state === "GRANTED");
  return (
    <>
      <PageTitle title={t("family.title")} lead={t("family.lead")} />

      <section aria-labelledby="consent-text">
        <h2 id="consent-text" className={h2}>{t("family.textHeading")}</h2>
        <p className="mb-1 font-semibold text-[1.125rem]">{text.title}</p>
        <p className="mb-3 text-muted">{t("family.textVersion", { n: text.version })}</p>
        <ConsentTextBody body={text.body} />
      </section>

      <section aria-labelledby="consent-children">
        <h2 id="consent-children" className={h2}>{t("family.childrenHeading")}</h2>
        {mine.children.length === 0 && <p>{t("family.noChildren")}</p>}
        <ul className="space-y-6">
          {mine.children.map((c) => (
            <li key={c.studentId} className="rounded border-2 border-gray-300 p-4">
              <h3 className="mb-1 text-xl font-bold">{c.name}</h3>
              <p className="mb-3 text-[1.125rem]">
                {c.since ? t("family.childStateSince", { state: t(`state.${c.state}`), date: formatDateTime(c.since, p.timeZone) }) : t("family.childState", { state: t(`state.${c.state}`) })}
              </p>
              <ChildConsent
                key={c.studentId}
                action={familyChoiceAction}
                studentId={c.studentId}
                state={c.state}
                texts={{
                  label: t("family.decideFor", { name: c.name }), grant: t("family.grant"), grantAgain: t("family.grantAgain"), refuse: t("family.refuse"),
                  refuseHint: t("family.refuseHint"), pending: t("saving"), errorTitle: t("errorTitle"), withdraw: t("family.withdraw"),
                  confirmTitle: t("family.withdrawConfirmTitle", { name: c.name }), confirmText: t("family.withdrawConfirmText"),
                  yes: t("family.withdrawYes"), no: t("family.withdrawNo"),
                }}
              />
            </li>
          ))}
        </ul>
        {anyGranted && (
          <p className="mt-6">
            <Link href="/diary" className="text-[1.125rem] text-accent underline underline-offset-4">{t("family.toDiary")}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="consent-history">
        <h2 id="consent-history" className={h2}>{t("family.historyHeading")}</h2>
        <DataTable<ConsentEventView>
          caption={t("family.historyCaption")}
          rows={mine.history}
          rowKey={(r) => r.id}
          empty={t("family.noHistory")}
          columns={[
            { key: "at", header: t("family.at"), rowHeader: true, cell: (r) => formatDateTime(r.at, p.timeZone) },
            { key: "child", header: t("family.child"), cell: (r) => r.studentName },
            { key: "what", header: t("family.what"), cell: (r) => t(`decision.${r.decision}`) },
            { key: "how", header: t("family.how"), cell: (r) => (r.form === "PAPER" && r.documentNumber && r.documentDate ? t("family.paperDocument", { number: r.documentNumber, date: formatDayRu(r.documentDate) }) : t(`form.${r.form}`)) },
            { key: "text", header: t("family.textCol"), cell: (r) => t("admin.version", { n: r.textVersion }) },
          ]}
        />
      </section>
    </>
  );
}
