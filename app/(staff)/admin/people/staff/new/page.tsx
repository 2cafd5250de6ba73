import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/admin/people/action-form";
import { staffFieldSpecs } from "@/components/admin/people/field-specs";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { saveStaffAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("people.staff");
  return { title: t("newTitle") };
}

export default async function NewStaffPage() {
  await requirePageRole(["ADMIN"], "/admin/people/staff/new");
  const t = await getTranslations("people");
  return (
    <>
      <PageTitle title={t("staff.newTitle")} lead={t("staff.newLead")} />
      <ActionForm action={saveStaffAction} fields={staffFieldSpecs(t)} submit={t("staff.create")} pending={t("saving")} errorTitle={t("errorTitle")} />
    </>
  );
}
