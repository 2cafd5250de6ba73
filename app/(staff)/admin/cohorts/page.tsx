import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/select-field";
import { Button, LinkButton } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { listCohorts, type CohortRow } from "@/lib/people/cohort-admin";
import { listYearOptions } from "@/lib/people/lookups";
import { COHORT_KINDS, cohortFilterSchema } from "@/lib/people/cohort-schemas";

export async function generateMetadata() {
  const t = await getTranslations("cohorts");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CohortsPage({ searchParams }: { searchParams: Search }) {
  const p = await requirePageRole(["ADMIN"], "/admin/cohorts");
  const raw = await searchParams;
  const filter = cohortFilterSchema.parse({ yearId: one(raw.yearId), kind: one(raw.kind) });
  const t = await getTranslations("cohorts");
  const years = await listYearOptions(p);
  const yearId = filter.yearId ?? years.find((y) => y.current)?.value ?? years[0]?.value;
  const rows = await listCohorts(p, { yearId, kind: filter.kind });
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")}>
        <LinkButton href="/admin/cohorts/new" variant="primary">
          {t("add")}
        </LinkButton>
      </PageTitle>
      <form method="get" aria-label={t("filterLabel")} className="mb-4 flex flex-wrap items-end gap-x-6">
        <div className="min-w-[12rem]">
          <SelectField name="yearId" label={t("year")} defaultValue={yearId ?? ""} options={years.map((y) => ({ value: y.value, label: y.label }))} />
        </div>
        <div className="min-w-[12rem]">
          <SelectField name="kind" label={t("kind")} defaultValue={filter.kind ?? ""}
            options={[{ value: "", label: t("allKinds") }, ...COHORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]} />
        </div>
        <Button type="submit" className="mb-5">
          {t("show")}
        </Button>
      </form>
      <DataTable<CohortRow>
        caption={t("caption", { count: rows.length })}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("empty")}
        columns={[
          { key: "name", header: t("name"), rowHeader: true, cell: (r) => <Link href={`/admin/cohorts/${r.id}`} className="text-accent underline underline-offset-4">{r.name}</Link> },
          { key: "kind", header: t("kind"), cell: (r) => (r.parentName ? t("groupOf", { kind: t(`kinds.${r.kind}`), parent: r.parentName }) : t(`kinds.${r.kind}`)) },
          { key: "grade", header: t("grade"), cell: (r) => r.grade },
          { key: "teacher", header: t("classTeacher"), cell: (r) => r.classTeacher ?? "—" },
          { key: "members", header: t("members"), cell: (r) => r.members },
        ]}
      />
    </>
  );
}
