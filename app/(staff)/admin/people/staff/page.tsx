import { formatDayRu } from "@/lib/time";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { DataTable } from "@/components/ui/data-table";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Button, LinkButton } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { listStaff, type StaffRow } from "@/lib/people/staff-admin";

export async function generateMetadata() {
  const t = await getTranslations("people.staff");
  return { title: t("title") };
}

export default async function StaffPage({ searchParams }: { searchParams: Promise<{ left?: string | string[] }> }) {
  const p = await requirePageRole(["ADMIN"], "/admin/people/staff");
  const includeLeft = (await searchParams).left === "on";
  const t = await getTranslations("people");
  const rows = await listStaff(p, includeLeft);
  return (
    <>
      <PageTitle title={t("staff.title")} lead={t("staff.lead")}>
        <LinkButton href="/admin/people/staff/new" variant="primary">
          {t("staff.add")}
        </LinkButton>
      </PageTitle>
      <form method="get" aria-label={t("staff.filterLabel")} className="mb-2 flex flex-wrap items-start gap-x-6">
        <CheckboxField name="left" label={t("staff.includeLeft")} defaultChecked={includeLeft} />
        <Button type="submit" variant="secondary">
          {t("staff.show")}
        </Button>
      </form>
      <DataTable<StaffRow>
        caption={t("staff.caption", { count: rows.length })}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("staff.empty")}
        columns={[
          { key: "name", header: t("staff.name"), rowHeader: true, cell: (r) => <Link href={`/admin/people/staff/${r.id}`} className="text-accent underline underline-offset-4">{r.name}</Link> },
          { key: "position", header: t("fields.position"), cell: (r) => r.position },
          { key: "roles", header: t("fields.roles"), cell: (r) => r.roles.map((x) => t(`role.${x}`)).join(", ") },
          { key: "login", header: t("staff.login"), cell: (r) => r.login ?? t("staff.noLogin") },
          { key: "state", header: t("staff.state"), cell: (r) => (r.leftAt ? t("staff.leftOn", { date: formatDayRu(r.leftAt) }) : t("staff.working")) },
        ]}
      />
    </>
  );
}
