import { formatDayRu } from "@/lib/time";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Button, LinkButton } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { listClassOptions } from "@/lib/people/lookups";
import { listStudents, type StudentRow } from "@/lib/people/student-admin";
import { studentFilterSchema } from "@/lib/people/schemas";

export async function generateMetadata() {
  const t = await getTranslations("people.students");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StudentsPage({ searchParams }: { searchParams: Search }) {
  const p = await requirePageRole(["ADMIN"], "/admin/people/students");
  const raw = await searchParams;
  const filter = studentFilterSchema.parse({ q: one(raw.q), cohortId: one(raw.cohortId), left: one(raw.left) });
  const t = await getTranslations("people.students");
  const [rows, classes] = await Promise.all([
    listStudents(p, { q: filter.q, cohortId: filter.cohortId, includeLeft: filter.left === "on" }),
    listClassOptions(p),
  ]);
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")}>
        <LinkButton href="/admin/people/students/new" variant="primary">
          {t("add")}
        </LinkButton>
      </PageTitle>
      <form method="get" role="search" aria-label={t("searchLabel")} className="mb-4 flex flex-wrap items-end gap-x-6">
        <div className="min-w-[16rem] flex-1">
          <Field name="q" label={t("search")} hint={t("searchHint")} defaultValue={filter.q ?? ""} />
        </div>
        <div className="min-w-[12rem]">
          <SelectField name="cohortId" label={t("classFilter")} defaultValue={filter.cohortId ?? ""}
            options={[{ value: "", label: t("allClasses") }, ...classes]} />
        </div>
        <div className="w-full">
          <CheckboxField name="left" label={t("includeLeft")} defaultChecked={filter.left === "on"} />
        </div>
        <Button type="submit" className="mb-5">
          {t("find")}
        </Button>
      </form>
      <DataTable<StudentRow>
        caption={t("caption", { count: rows.length })}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("empty")}
        columns={[
          { key: "name", header: t("name"), rowHeader: true, cell: (r) => <Link href={`/admin/people/students/${r.id}`} className="text-accent underline underline-offset-4">{r.name}</Link> },
          { key: "class", header: t("class"), cell: (r) => r.className ?? t("noClass") },
          { key: "birth", header: t("birthDate"), cell: (r) => formatDayRu(r.birthDate) },
          { key: "record", header: t("recordNumber"), cell: (r) => r.recordNumber },
          { key: "status", header: t("status"), cell: (r) => (r.leftAt ? t("leftOn", { date: formatDayRu(r.leftAt) }) : t("studying")) },
        ]}
      />
    </>
  );
}

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
