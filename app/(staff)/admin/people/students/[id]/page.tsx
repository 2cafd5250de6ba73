import { formatDayRu } from "@/lib/time";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/admin/people/action-form";
import { programFieldSpecs, studentFieldSpecs } from "@/components/admin/people/field-specs";
import { DataTable } from "@/components/ui/data-table";
import { LinkButton } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { listProgramOptions } from "@/lib/people/lookups";
import { getStudentDetail, type StudentDetail } from "@/lib/people/student-admin";

import { changeProgramAction, studentLeftAction, studentReturnAction, updateStudentAction } from "../actions";

type Params = Promise<{ id: string }>;
type Search = Promise<{ created?: string }>;

export async function generateMetadata() {
  const t = await getTranslations("people.students");
  return { title: t("cardTitle") };
}

export default async function StudentPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const p = await requirePageRole(["ADMIN"], `/admin/people/students/${id}`);
  const [s, programs] = await Promise.all([getStudentDetail(p, id), listProgramOptions(p)]);
  const t = await getTranslations("people");
  const { created } = await searchParams;
  const period = (from: string, to: string | null) => (to ? t("period", { from: formatDayRu(from), to: formatDayRu(to) }) : t("since", { from: formatDayRu(from) }));
  const h2 = "mt-10 mb-3 text-xl font-bold";
  return (
    <>
      <PageTitle title={s.name} lead={s.leftAt ? t("students.leftOn", { date: formatDayRu(s.leftAt) }) : t("students.recordLead", { number: s.recordNumber })}>
        <LinkButton href="/admin/people/students">{t("students.backToList")}</LinkButton>
      </PageTitle>
      {created && <Notice>{t("students.created")}</Notice>}

      <h2 className={h2}>{t("students.dataSection")}</h2>
      <ActionForm
        action={updateStudentAction}
        label={t("students.dataSection")}
        fields={[{ kind: "hidden", name: "id", value: s.id }, ...studentFieldSpecs(t, s)]}
        submit={t("save")}
        pending={t("saving")}
        errorTitle={t("errorTitle")}
      />

      <h2 className={h2}>{t("students.programSection")}</h2>
      <DataTable<StudentDetail["programs"][number]>
        caption={t("students.programHistory")}
        rows={s.programs}
        rowKey={(r) => r.id}
        empty={t("students.noProgram")}
        columns={[
          { key: "name", header: t("fields.program"), rowHeader: true, cell: (r) => r.name },
          { key: "dates", header: t("dates"), cell: (r) => period(r.startDate, r.endDate) },
        ]}
      />
      <h3 className="mb-2 mt-4 text-lg font-bold">{t("students.changeProgram")}</h3>
      <p className="mb-3 max-w-2xl">{t("students.changeProgramHint")}</p>
      <ActionForm
        action={changeProgramAction}
        label={t("students.changeProgram")}
        fields={[{ kind: "hidden", name: "id", value: s.id }, ...programFieldSpecs(t, programs, true)]}
        submit={t("students.changeProgramSubmit")}
        pending={t("saving")}
        errorTitle={t("errorTitle")}
      />

      <h2 className={h2}>{t("students.cohortSection")}</h2>
      <DataTable<StudentDetail["memberships"][number]>
        caption={t("students.cohortHistory")}
        rows={s.memberships}
        rowKey={(r) => r.id}
        empty={t("students.noCohorts")}
        columns={[
          { key: "name", header: t("students.cohort"), rowHeader: true, cell: (r) => <Link href={`/admin/cohorts/${r.cohortId}`} className="text-accent underline underline-offset-4">{r.cohortName}</Link> },
          { key: "kind", header: t("students.kind"), cell: (r) => t(`cohortKind.${r.kind}`) },
          { key: "year", header: t("students.year"), cell: (r) => r.yearName },
          { key: "dates", header: t("dates"), cell: (r) => period(r.startDate, r.endDate) },
          { key: "reason", header: t("students.endReason"), cell: (r) => (r.endReason ? t(`endReason.${r.endReason}`) : "—") },
        ]}
      />

      <h2 className={h2}>{t("students.guardianSection")}</h2>
      <DataTable<StudentDetail["guardians"][number]>
        caption={t("students.guardianList")}
        rows={s.guardians}
        rowKey={(r) => r.guardianshipId}
        empty={t("students.noGuardians")}
        columns={[
          { key: "name", header: t("fields.fullName"), rowHeader: true, cell: (r) => <Link href={`/admin/people/guardians/${r.guardianId}`} className="text-accent underline underline-offset-4">{r.name}</Link> },
          { key: "relation", header: t("fields.relation"), cell: (r) => t(`relation.${r.relation}`) },
          { key: "dates", header: t("dates"), cell: (r) => period(r.startDate, r.endDate) },
        ]}
      />
      <p className="max-w-2xl">{t("students.guardianHint")}</p>
      <p className="mt-2">
        <LinkButton href="/admin/people/guardians/new">{t("guardians.add")}</LinkButton>
      </p>

      <h2 className={h2}>{t("students.leaveSection")}</h2>
      {s.leftAt ? (
        <ActionForm
          action={studentReturnAction}
          label={t("students.leaveSection")}
          fields={[{ kind: "hidden", name: "id", value: s.id }]}
          submit={t("students.returnSubmit")}
          pending={t("saving")}
          errorTitle={t("errorTitle")}
        />
      ) : (
        <>
          <p className="mb-3 max-w-2xl">{t("students.leaveHint")}</p>
          <ActionForm
            action={studentLeftAction}
            label={t("students.leaveSection")}
            fields={[{ kind: "hidden", name: "id", value: s.id }, { kind: "text", name: "leftAt", label: t("fields.leftAt"), hint: t("fields.dateHint"), required: true }]}
            submit={t("students.leaveSubmit")}
            pending={t("saving")}
            errorTitle={t("errorTitle")}
          />
        </>
      )}
    </>
  );
}
