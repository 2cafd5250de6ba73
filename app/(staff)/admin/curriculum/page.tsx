import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { listSubjects } from "@/lib/curriculum/subjects";
import { listYearCohorts } from "@/lib/curriculum/calendar";
import { SUBJECT_KINDS } from "@/lib/curriculum/schemas";
import { PageTitle } from "@/components/ui/page-title";
import { DataTable } from "@/components/ui/data-table";
import { ActionForm } from "@/components/admin/timetable/action-form";
import { addSubjectAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("curriculum");
  return { title: t("title") };
}

export default async function CurriculumPage() {
  const p = await requirePageRole(["ADMIN"], "/admin/curriculum");
  const t = await getTranslations("curriculum");
  const [subjects, cohorts] = await Promise.all([listSubjects(p), listYearCohorts(p)]);
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />
      <section aria-labelledby="plans" className="mb-8">
        <h2 id="plans" className="mb-2 text-xl font-bold">{t("plansTitle")}</h2>
        {cohorts.length === 0 ? (
          <p>{t("noCohorts")}</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
            {cohorts.map((c) => (
              <li key={c.id}>
                <Link href={`/admin/curriculum/${c.id}`} className="text-accent underline underline-offset-4">
                  {t("planOf", { name: c.name })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="subjects" className="mb-8">
        <h2 id="subjects" className="text-xl font-bold">{t("subjectsTitle")}</h2>
        <DataTable
          caption={t("subjectsCaption")}
          rows={subjects}
          rowKey={(s) => s.id}
          empty={t("noSubjects")}
          columns={[
            { key: "name", header: t("colName"), rowHeader: true, cell: (s) => s.name },
            { key: "short", header: t("colShort"), cell: (s) => s.shortName },
            { key: "kind", header: t("colKind"), cell: (s) => t(`kinds.${s.kind}`) },
            { key: "lines", header: t("colLines"), cell: (s) => s.lines },
          ]}
        />
      </section>
      <section aria-labelledby="add-subject">
        <h2 id="add-subject" className="mb-2 text-xl font-bold">{t("addSubjectTitle")}</h2>
        <ActionForm
          id="subject"
          action={addSubjectAction}
          submit={t("addSubject")}
          pending={t("saving")}
          errorTitle={t("errorTitle")}
          fields={[
            { kind: "text", name: "name", label: t("subjectName"), hint: t("subjectNameHint"), required: true },
            { kind: "text", name: "shortName", label: t("subjectShort"), hint: t("subjectShortHint"), required: true, width: "short" },
            { kind: "select", name: "kind", label: t("subjectKind"), defaultValue: "SUBJECT", options: SUBJECT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })) },
          ]}
        />
      </section>
    </>
  );
}
