import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { listWorkTypes, type WorkTypeRow } from "@/lib/school/work-types";
import { listGradingPolicies, type PolicyVersion } from "@/lib/school/grading-policy";
import { formatDecimal, thresholdPresetOf } from "@/lib/school/schemas";
import { formatDayInput } from "@/lib/school/calendar-days";
import { schoolToday } from "@/lib/time";
import { PageTitle } from "@/components/ui/page-title";
import { DataTable } from "@/components/ui/data-table";
import { CreateWorkTypeForm } from "@/components/admin/settings/work-type-forms";
import { PolicyForm } from "@/components/admin/settings/policy-form";
import { createPolicyAction, createWorkTypeAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const p = await requirePageRole(["ADMIN"], "/admin/settings");
  const t = await getTranslations("settings");
  const [workTypes, policies] = await Promise.all([listWorkTypes(p), listGradingPolicies(p)]);
  const today = schoolToday(p.timeZone);
  const inForce = policies.find((v) => v.validFrom <= today);
  const base = inForce ?? policies[0];
  const thresholds = (v: PolicyVersion) => [v.thresholds[3], v.thresholds[4], v.thresholds[5]].map(formatDecimal).join(" / ");
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />
      <section aria-labelledby="work-types">
        <h2 id="work-types" className="mb-2 text-xl font-bold">{t("workTypes")}</h2>
        <DataTable
          caption={t("workTypesCaption")}
          rows={workTypes}
          rowKey={(w) => w.id}
          columns={[
            { key: "name", header: t("colName"), rowHeader: true, cell: (w: WorkTypeRow) => w.name },
            { key: "weight", header: t("colWeight"), cell: (w: WorkTypeRow) => formatDecimal(w.weight) },
            { key: "assessment", header: t("colAssessment"), cell: (w: WorkTypeRow) => (w.isAssessment ? t("yes") : t("no")) },
            { key: "state", header: t("colState"), cell: (w: WorkTypeRow) => (w.archived ? t("archived") : t("active")) },
            {
              key: "actions", header: t("colActions"),
              cell: (w: WorkTypeRow) => (
                <Link href={`/admin/settings/work-types/${w.id}`} className="text-accent underline underline-offset-4">{t("edit", { name: w.name })}</Link>
              ),
            },
          ]}
        />
        <h3 className="mb-2 mt-6 text-lg font-bold">{t("newWorkType")}</h3>
        <CreateWorkTypeForm action={createWorkTypeAction} />
      </section>
      <section aria-labelledby="policy" className="mt-10">
        <h2 id="policy" className="mb-2 text-xl font-bold">{t("policy")}</h2>
        <DataTable
          caption={t("policiesCaption")}
          rows={policies}
          rowKey={(v) => v.id}
          empty={t("noPolicies")}
          columns={[
            { key: "from", header: t("colValidFrom"), rowHeader: true, cell: (v: PolicyVersion) => (v.id === inForce?.id ? `${formatDayInput(v.validFrom)} (${t("inForce")})` : formatDayInput(v.validFrom)) },
            { key: "thresholds", header: t("colThresholds"), cell: thresholds },
            { key: "min", header: t("colMinMarks"), cell: (v: PolicyVersion) => v.minMarks },
            { key: "absence", header: t("colAbsence"), cell: (v: PolicyVersion) => t("percent", { value: v.maxAbsenceShare }) },
            {
              key: "tests", header: t("colAssessments"),
              cell: (v: PolicyVersion) => t("assessmentRules", { perDay: v.maxAssessmentsPerDay, share: v.maxAssessmentShare, gap: formatDecimal(v.minAssessmentGapDays) }),
            },
          ]}
        />
        <h3 className="mb-2 mt-6 text-lg font-bold">{t("newPolicy")}</h3>
        <PolicyForm
          action={createPolicyAction}
          defaults={{
            validFrom: formatDayInput(today),
            preset: base ? thresholdPresetOf(base.thresholds) : "2.5",
            threshold3: base ? formatDecimal(base.thresholds[3]) : "",
            threshold4: base ? formatDecimal(base.thresholds[4]) : "",
            threshold5: base ? formatDecimal(base.thresholds[5]) : "",
            minMarks: String(base?.minMarks ?? 3),
            maxAbsenceShare: String(base?.maxAbsenceShare ?? 50),
            maxAssessmentsPerDay: String(base?.maxAssessmentsPerDay ?? 1),
            maxAssessmentShare: String(base?.maxAssessmentShare ?? 10),
            minAssessmentGapDays: formatDecimal(base?.minAssessmentGapDays ?? 1750),
          }}
        />
      </section>
    </>
  );
}
