import { getTranslations } from "next-intl/server";

import { LinkButton } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { paperList, type PaperListRow } from "@/lib/consent/events";

export async function generateMetadata() {
  const t = await getTranslations("consent.paper");
  return { title: t("titleNoClass") };
}

export default async function PaperListPage({ searchParams }: { searchParams: Promise<{ cohort?: string }> }) {
  const p = await requirePageRole(["ADMIN"], "/admin/consent/paper-list");
  const t = await getTranslations("consent");
  const { cohort } = await searchParams;
  if (!cohort) {
    return (
      <>
        <PageTitle title={t("paper.titleNoClass")} lead={t("paper.lead")}>
          <LinkButton href="/admin/consent">{t("paper.back")}</LinkButton>
        </PageTitle>
        <p>{t("admin.chooseClass")}</p>
      </>
    );
  }
  const list = await paperList(p, cohort);
  return (
    <>
      <PageTitle title={t("paper.title", { name: list.cohort.name })} lead={t("paper.lead")}>
        <LinkButton href={`/admin/consent?cohort=${list.cohort.id}`}>{t("paper.back")}</LinkButton>
      </PageTitle>
      <DataTable<PaperListRow>
        caption={t("paper.caption", { name: list.cohort.name })}
        rows={list.rows}
        rowKey={(r) => r.studentId}
        empty={t("paper.empty")}
        columns={[
          { key: "child", header: t("paper.child"), rowHeader: true, cell: (r) => r.name },
          {
            key: "who", header: t("paper.who"), cell: (r) => (
              <ul>
                {r.guardians.map((g, i) => (
                  <li key={g.guardianId ?? i}>{g.name ? `${g.name} — ${t(`paper.reason.${g.reason}`)}` : t(`paper.reason.${g.reason}`)}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}
