import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { orNotFound } from "@/lib/school/not-found";
import { getWorkType, listWorkTypeWeights, type WeightVersionRow } from "@/lib/school/work-types";
import { formatDecimal } from "@/lib/school/schemas";
import { formatDayInput } from "@/lib/school/calendar-days";
import { schoolToday } from "@/lib/time";
import { PageTitle } from "@/components/ui/page-title";
import { DataTable } from "@/components/ui/data-table";
import { ChangeWeightForm, EditWorkTypeForm } from "@/components/admin/settings/work-type-forms";
import { changeWorkTypeWeightAction, updateWorkTypeAction } from "../../actions";

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
  const [w, versions] = await Promise.all([orNotFound(getWorkType(p, id)), orNotFound(listWorkTypeWeights(p, id))]);
  const from = (v: WeightVersionRow) => {
    const day = v.validFrom === null ? t("weightFromStart") : formatDayInput(v.validFrom);
    return v.inForce ? `${day} (${t("inForce")})` : day;
  };
  return (
    <>
      <PageTitle title={t("editTitle", { name: w.name })} lead={t("editLead")}>
        <Link href="/admin/settings" className="text-accent underline underline-offset-4">{t("back")}</Link>
      </PageTitle>
      <EditWorkTypeForm
        action={updateWorkTypeAction}
        id={w.id}
        defaults={{ name: w.name, isAssessment: w.isAssessment, archived: w.archived }}
      />
      <section aria-labelledby="weights" className="mt-10">
        <h2 id="weights" className="mb-2 text-xl font-bold">{t("weightsTitle")}</h2>
        <p className="mb-4 max-w-2xl">{t("weightsLead")}</p>
        <DataTable
          caption={t("weightsCaption")}
          rows={versions}
          rowKey={(v) => v.id ?? "start"}
          columns={[
            { key: "from", header: t("colWeightFrom"), rowHeader: true, cell: from },
            { key: "weight", header: t("colWeight"), cell: (v: WeightVersionRow) => formatDecimal(v.weight) },
          ]}
        />
        <h3 className="mb-2 mt-6 text-lg font-bold">{t("changeWeight")}</h3>
        <ChangeWeightForm
          action={changeWorkTypeWeightAction}
          workTypeId={w.id}
          defaults={{ weightFrom: formatDayInput(schoolToday(p.timeZone)), newWeight: formatDecimal(w.weight) }}
        />
      </section>
    </>
  );
}
