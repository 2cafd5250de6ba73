import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { listYears, suggestNewYear } from "@/lib/school/years";
import { formatDayInput } from "@/lib/school/calendar-days";
import { PageTitle } from "@/components/ui/page-title";
import { DataTable } from "@/components/ui/data-table";
import { CreateYearForm } from "@/components/admin/calendar/year-forms";
import { createYearAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("calendar");
  return { title: t("title") };
}

export default async function CalendarPage() {
  const p = await requirePageRole(["ADMIN"], "/admin/calendar");
  const t = await getTranslations("calendar");
  const [years, next] = await Promise.all([listYears(p), suggestNewYear(p)]);
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />
      <DataTable
        caption={t("yearsCaption")}
        rows={years}
        rowKey={(y) => y.id}
        empty={t("noYears")}
        columns={[
          {
            key: "name", header: t("colYear"), rowHeader: true,
            cell: (y) => (
              <Link href={`/admin/calendar/${y.id}`} className="text-accent underline underline-offset-4" aria-label={t("openYear", { name: y.name })}>
                {y.name}
              </Link>
            ),
          },
          { key: "dates", header: t("colDates"), cell: (y) => t("dates", { from: formatDayInput(y.startDate), to: formatDayInput(y.endDate) }) },
          { key: "state", header: t("colState"), cell: (y) => (y.closed ? t("stateClosed") : y.current ? t("stateCurrent") : t("stateOpen")) },
        ]}
      />
      <section aria-labelledby="new-year" className="mt-8">
        <h2 id="new-year" className="mb-3 text-xl font-bold">{t("newYear")}</h2>
        <CreateYearForm
          action={createYearAction}
          defaults={{ name: next.name, startDate: formatDayInput(next.startDate), endDate: formatDayInput(next.endDate), copyFrom: next.copyFrom }}
          years={years.map((y) => ({ id: y.id, name: y.name }))}
        />
      </section>
    </>
  );
}
