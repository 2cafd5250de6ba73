import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { orNotFound } from "@/lib/school/not-found";
import { getWorkType } from "@/lib/school/work-types";
import { formatDecimal } from "@/lib/school/schemas";
import { PageTitle } from "@/components/ui/page-title";
import { EditWorkTypeForm } from "@/components/admin/settings/work-type-forms";
import { updateWorkTypeAction } from "../../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations("settings");
  const p = await requirePageRole(["ADMIN"], "/admin/settings");
  const w = await orNotFound(getWorkType(p, (await params).id));
  return { title: t("editTitle", { name: w.name }) };
}

export default async function EditWorkTypePage({ params }: Props) {
  const { id } = await params;
  const p = await requirePageRole(["ADMIN"], `/admin/settings/work-types/${id}`);
  const t = await getTranslations("settings");
  const w = await orNotFound(getWorkType(p, id));
  return (
    <>
      <PageTitle title={t("editTitle", { name: w.name })} lead={t("editLead")}>
        <Link href="/admin/settings" className="text-accent underline underline-offset-4">{t("back")}</Link>
      </PageTitle>
      <EditWorkTypeForm
        action={updateWorkTypeAction}
        id={w.id}
        defaults={{ name: w.name, weight: formatDecimal(w.weight), isAssessment: w.isAssessment, archived: w.archived }}
      />
    </>
  );
}
