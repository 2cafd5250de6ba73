import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { PageTitle } from "@/components/ui/page-title";
import { PlanTable } from "@/components/journal/plan/plan-table";
import { PlanEditor } from "@/components/journal/plan/plan-editor";
import { FillForm } from "@/components/journal/plan/fill-form";
import { requirePageRole } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { getThematicPlan, type ThematicPlanView } from "@/lib/journal/thematic-plan";
import { planToText } from "@/lib/journal/thematic-plan-parse";
import { formatDayRu } from "@/lib/time";
import { fillPlanAction, savePlanAction } from "./actions";

type Params = { params: Promise<{ cohortId: string; subjectId: string }> };

const loadOnce = cache(async (cohortId: string, subjectId: string): Promise<ThematicPlanView> => {
  const p = await requirePageRole(["TEACHER", "ADMIN"], `/journal/plan/${cohortId}/${subjectId}`);
  try {
    return await getThematicPlan(p, cohortId, subjectId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

async function load({ params }: Params): Promise<ThematicPlanView> {
  const { cohortId, subjectId } = await params;
  return loadOnce(cohortId, subjectId);
}

export async function generateMetadata(props: Params) {
  const t = await getTranslations("plan");
  const plan = await load(props);
  return { title: t("title", { cohort: plan.cohort.name, subject: plan.subject.name }) };
}

export default async function ThematicPlanPage(props: Params) {
  const plan = await load(props);
  const t = await getTranslations("plan");
  const names = { cohort: plan.cohort.name, subject: plan.subject.name };
  const yearStart = formatDayRu(plan.year.startDate);
  return (
    <main id="main" className="mx-auto max-w-screen-lg px-4 py-6">
      <PageTitle title={t("title", names)} lead={t("lead")}>
        <Link href={`/journal/${plan.cohort.id}/${plan.subject.id}`} className="text-accent underline underline-offset-4">
          {t("backToJournal")}
        </Link>
      </PageTitle>
      <p className="mb-6">{t("summary", { topics: plan.topics.length, hours: plan.totalHours, year: plan.year.name, lessons: plan.lessonsInYear })}</p>

      {plan.topics.length > 0 && (
        <section aria-labelledby="plan-fill" className="mb-8">
          <h2 id="plan-fill" className="mb-3 text-xl font-bold">{t("fillHeading")}</h2>
          <p className="mb-3 max-w-3xl">{t("fillLead")}</p>
          {plan.fillRefusal ? (
            <p className="font-semibold">{t("cannotFill", { reason: plan.fillRefusal })}</p>
          ) : (
            <FillForm action={fillPlanAction} cohortId={plan.cohort.id} subjectId={plan.subject.id} from={yearStart} />
          )}
        </section>
      )}

      <section aria-labelledby="plan-topics" className="mb-8">
        <h2 id="plan-topics" className="mb-3 text-xl font-bold">{t("planHeading")}</h2>
        <PlanTable topics={plan.topics} caption={t("caption", names)} />
      </section>

      <section aria-labelledby="plan-edit" className="mb-8">
        <h2 id="plan-edit" className="mb-3 text-xl font-bold">{t("editHeading")}</h2>
        {plan.editRefusal ? (
          <p className="font-semibold">{t("cannotEdit", { reason: plan.editRefusal })}</p>
        ) : (
          <PlanEditor
            action={savePlanAction}
            cohortId={plan.cohort.id}
            subjectId={plan.subject.id}
            text={planToText(plan.topics)}
            lessonsInYear={plan.lessonsInYear}
          />
        )}
      </section>
    </main>
  );
}
