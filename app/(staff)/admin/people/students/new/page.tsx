import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/admin/people/action-form";
import { programFieldSpecs, studentFieldSpecs } from "@/components/admin/people/field-specs";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { listProgramOptions } from "@/lib/people/lookups";
import { createStudentAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("people.students");
  return { title: t("newTitle") };
}

export default async function NewStudentPage() {
  const p = await requirePageRole(["ADMIN"], "/admin/people/students/new");
  const t = await getTranslations("people");
  const programs = await listProgramOptions(p);
  return (
    <>
      <PageTitle title={t("students.newTitle")} lead={t("students.newLead")} />
      <ActionForm
        action={createStudentAction}
        fields={[...studentFieldSpecs(t), ...programFieldSpecs(t, programs, false)]}
        submit={t("students.create")}
        pending={t("saving")}
        errorTitle={t("errorTitle")}
      />
    </>
  );
}
