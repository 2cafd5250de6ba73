import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { Button, LinkButton } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { listGuardians, type GuardianRow } from "@/lib/people/guardian-admin";
import { studentFilterSchema } from "@/lib/people/schemas";

export async function generateMetadata() {
  const t = await getTranslations("people.guardians");
  return { title: t("title") };
}

export default async function GuardiansPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const p = await requirePageRole(["ADMIN"], "/admin/people/guardians");
  const raw = (await searchParams).q;
  const { q } = studentFilterSchema.parse({ q: Array.isArray(raw) ? raw[0] : raw });
  const t = await getTranslations("people.guardians");
  const rows = await listGuardians(p, q);
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")}>
        <LinkButton href="/admin/people/guardians/new" variant="primary">
          {t("add")}
        </LinkButton>
      </PageTitle>
      <form method="get" role="search" aria-label={t("searchLabel")} className="mb-4 flex flex-wrap items-end gap-x-6">
        <div className="min-w-[16rem] flex-1">
          <Field name="q" label={t("search")} defaultValue={q ?? ""} />
        </div>
        <Button type="submit" className="mb-5">
          {t("find")}
        </Button>
      </form>
      <DataTable<GuardianRow>
        caption={t("caption", { count: rows.length })}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("empty")}
        columns={[
          { key: "name", header: t("name"), rowHeader: true, cell: (r) => <Link href={`/admin/people/guardians/${r.id}`} className="text-accent underline underline-offset-4">{r.name}</Link> },
          { key: "children", header: t("children"), cell: (r) => (r.children.length ? r.children.join(", ") : t("noChildren")) },
          { key: "account", header: t("account"), cell: (r) => (r.hasAccount ? t("hasAccount") : t("noAccount")) },
        ]}
      />
    </>
  );
}
