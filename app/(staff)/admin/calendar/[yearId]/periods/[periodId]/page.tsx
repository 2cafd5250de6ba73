import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { orNotFound } from "@/lib/school/not-found";
import { getPeriod } from "@/lib/school/periods";
import { formatDayInput } from "@/lib/school/calendar-days";
import { PageTitle } from "@/components/ui/page-title";
import { Notice } from "@/components/ui/notice";
import { EditPeriodForm } from "@/components/admin/calendar/period-forms";
import { updatePeriodAction } from "../../../actions";

type Props = { params: Promise<{ yearId: string; periodId: string }> };

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations("calendar");
  const p = await requirePageRole(["ADMIN"], "/admin/calendar");
  const { periodId } = await params;
  const r = await orNotFound(getPeriod(p, periodId));
  return { title: t("editTitle", { name: r.name }) };
}

export default async function EditPeriodPage({ params }: Props) {
  const { yearId, periodId } = await params;
  const p = await requirePageRole(["ADMIN"], `/admin/calendar/${yearId}/periods/${periodId}`);
  const t = await getTranslations("calendar");
  const r = await orNotFound(getPeriod(p, periodId));
  return (
    <>
      <PageTitle title={t("editTitle", { name: r.name })} lead={t("editLead", { year: r.yearName })}>
        <Link href={`/admin/calendar/${r.yearId}`} className="text-accent underline underline-offset-4">{t("backToYear", { name: r.yearName })}</Link>
      </PageTitle>
      {r.yearClosed ? (
        <Notice kind="info">{t("closedNotice")}</Notice>
      ) : r.closed ? (
        <Notice kind="info">{t("periodClosed")}</Notice>
      ) : (
        <EditPeriodForm
          action={updatePeriodAction}
          periodId={r.id}
          defaults={{ name: r.name, startDate: formatDayInput(r.startDate), endDate: formatDayInput(r.endDate), gradeFrom: String(r.gradeFrom), gradeTo: String(r.gradeTo) }}
        />
      )}
    </>
  );
}
