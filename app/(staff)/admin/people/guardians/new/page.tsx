import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/admin/people/action-form";
import { personFieldSpecs } from "@/components/admin/people/field-specs";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { saveGuardianAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("people.guardians");
  return { title: t("newTitle") };
}

export default async function NewGuardianPage() {
  await requirePageRole(["ADMIN"], "/admin/people/guardians/new");
  const t = await getTranslations("people");
  return (
    <>
      <PageTitle title={t("guardians.newTitle")} lead={t("guardians.newLead")} />
      <ActionForm
        action={saveGuardianAction}
        fields={[...personFieldSpecs(t), { kind: "text", name: "address", label: t("fields.address"), hint: t("fields.addressHint") }]}
        submit={t("guardians.create")}
        pending={t("saving")}
        errorTitle={t("errorTitle")}
      />
    </>
  );
}
