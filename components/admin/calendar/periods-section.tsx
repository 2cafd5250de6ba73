import Link from "next/link";
import { getTranslations } from "next-intl/server";

import type { PeriodRow } from "@/lib/school/years";
import { formatDayInput } from "@/lib/school/calendar-days";
import { DataTable } from "@/components/ui/data-table";
import { RemoveForm, type FormAction } from "@/components/admin/calendar/form-kit";
import { AddPeriodForm, PeriodPresetForm } from "@/components/admin/calendar/period-forms";

type Actions = { add: FormAction<unknown>; preset: FormAction<unknown>; remove: FormAction<unknown> };

export async function PeriodsSection({ yearId, yearName, periods, readOnly, actions }: { yearId: string; yearName: string; periods: PeriodRow[]; readOnly: boolean; actions: Actions }) {
  const t = await getTranslations("calendar");
  return (
    <section aria-labelledby="periods" className="mt-8">
      <h2 id="periods" className="mb-2 text-xl font-bold">{t("periods")}</h2>
      <DataTable
        caption={t("periodsCaption", { name: yearName })}
        rows={periods}
        rowKey={(r) => r.id}
        empty={t("noPeriods")}
        columns={[
          { key: "name", header: t("colPeriod"), rowHeader: true, cell: (r) => r.name },
          { key: "kind", header: t("colKind"), cell: (r) => t(`kind.${r.kind}`) },
          { key: "grades", header: t("colGrades"), cell: (r) => (r.gradeFrom === r.gradeTo ? String(r.gradeFrom) : t("grades", { from: r.gradeFrom, to: r.gradeTo })) },
          { key: "dates", header: t("colDates"), cell: (r) => t("dates", { from: formatDayInput(r.startDate), to: formatDayInput(r.endDate) }) },
          ...(readOnly
            ? []
            : [{
                key: "actions", header: t("colActions"),
                cell: (r: PeriodRow) =>
                  r.closed ? (
                    t("periodClosed")
                  ) : (
                    <div className="flex flex-wrap items-start gap-3">
                      <Link href={`/admin/calendar/${yearId}/periods/${r.id}`} className="text-accent underline underline-offset-4">
                        {t("editPeriod", { name: r.name })}
                      </Link>
                      <RemoveForm action={actions.remove} id={r.id} label={t("removePeriod", { name: r.name })} errorTitle={t("removeFailed")} />
                    </div>
                  ),
              }]),
        ]}
      />
      {!readOnly && (
        <div className="mt-6 grid gap-8 xl:grid-cols-2">
          <div>
            <h3 className="mb-2 text-lg font-bold">{t("presetTitle")}</h3>
            <PeriodPresetForm action={actions.preset} yearId={yearId} />
          </div>
          <div>
            <h3 className="mb-2 text-lg font-bold">{t("periodTitle")}</h3>
            <AddPeriodForm action={actions.add} yearId={yearId} />
          </div>
        </div>
      )}
    </section>
  );
}
